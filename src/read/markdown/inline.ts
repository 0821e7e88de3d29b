import type { Token, Tokens } from 'marked';

/** The text of inline tokens with the Markdown taken away: emphasis unwrapped, escapes and entities resolved, tags and link targets dropped. */
export function inlineText(tokens: Token[] | undefined): string {
  return clean(tokens?.map(tokenText).join('') ?? '');
}

/**
 * The same, split where the author broke the line on purpose (`<br>`, a hard break): table cells
 * use it to hold several clauses.
 */
export function inlineLines(tokens: Token[] | undefined): string[] {
  const text = tokens?.map((token) => (isLineBreak(token) ? '\n' : tokenText(token))).join('') ?? '';
  return text
    .split('\n')
    .map(clean)
    .filter((line) => line.length > 0);
}

function isLineBreak(token: Token): boolean {
  return token.type === 'br' || (token.type === 'html' && /^<br\s*\/?>$/i.test(token.raw.trim()));
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'br':
      return ' ';
    case 'html':
      return inlineTagText(token.raw);
    case 'image':
      return (token as Tokens.Image).text;
    case 'codespan': {
      // The space a code span's padding held still separates it from the words around it.
      const before = /^`+\s/.test(token.raw) ? ' ' : '';
      const after = /\s`+$/.test(token.raw) ? ' ' : '';
      return `${before}${token.text ?? ''}${after}`;
    }
    case 'escape':
      return token.text ?? '';
    case 'text':
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return token.tokens.map(tokenText).join('');
      return decodeEntities(String(token.text));
    default:
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return token.tokens.map(tokenText).join('');
      return 'text' in token ? decodeEntities(String(token.text)) : token.raw;
  }
}

/** Tags that separate the words on either side of them. */
const BLOCK_TAG = /^<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|section|details|summary)\b/i;

/**
 * The text of one inline tag or comment, as the Markdown lexer hands it over whole: none, or a
 * space where the tag separates words. The lexer has found where the tag ends (quotes in its
 * attributes included), so nothing inside it can leak into the text.
 */
export function inlineTagText(raw: string): string {
  return BLOCK_TAG.test(raw) ? ' ' : '';
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', rarr: '→', larr: '←',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó', ocirc: 'ô',
  uacute: 'ú', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß', copy: '©', reg: '®', trade: '™',
};

/** Resolves numeric entities and the common named ones; any other `&name;` stays as written, so no text is lost. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

/** White space folded to single spaces and trimmed. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
