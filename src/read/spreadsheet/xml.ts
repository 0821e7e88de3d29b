import { LadderError } from '../../errors.js';

/**
 * The little XML reading an XLSX needs, with no DTD: a document type (the carrier of entity
 * expansion, "billion laughs", and of external entities) is refused, and only the five predefined
 * entities and character references are decoded. Every scan is a single pass of a regular
 * expression with no nested repetition, so time is linear in the text.
 */
export function refuseDoctype(xml: string, where: string): void {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new LadderError('invalid', `${where}: declares a document type or entities, which a workbook never needs; refused (see SECURITY.md)`);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text content with its references decoded, and OOXML's `_x000D_` escapes of control characters. */
export function decodeText(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One pattern per attribute name, made once: a sheet asks for `r`, `t` and `s` of every cell. */
const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute of a start tag's text (`<c r="A1" t="s">`), decoded. */
export function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(tag);
  return match ? decodeText(match[1] ?? match[2] ?? '') : undefined;
}

export interface Tag {
  /** The element's name without a namespace prefix: `c`, `row`, `t`. */
  name: string;
  /** The tag's text, for `attribute`. */
  text: string;
  closing: boolean;
  selfClosing: boolean;
  /** Offsets of the tag in the document: text between two tags is `xml.slice(a.end, b.start)`. */
  start: number;
  end: number;
}

/**
 * The element tags of a document in order (comments, processing instructions and CDATA are not
 * tags here). No character class crosses a `<`, so a stray `<` costs one step, never a rescan.
 */
export function* tags(xml: string): Generator<Tag> {
  for (const match of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)([^<>]*?)(\/?)>/g)) {
    yield { name: match[2] as string, text: match[0], closing: match[1] === '/', selfClosing: match[4] === '/', start: match.index, end: match.index + match[0].length };
  }
}

/** The texts of every `<t>` element inside a fragment (a shared string's runs), joined; phonetic runs (`<rPh>`) left out. */
export function runText(xml: string, from = 0, to = xml.length): string {
  let text = '';
  let phonetic = false;
  let open: Tag | undefined;
  for (const tag of tags(xml.slice(from, to))) {
    if (tag.name === 'rPh') phonetic = !tag.closing && !tag.selfClosing;
    else if (tag.name === 't' && !phonetic) {
      if (!tag.closing && !tag.selfClosing) open = tag;
      else if (tag.closing && open) {
        text += xml.slice(from + open.end, from + tag.start);
        open = undefined;
      }
    }
  }
  return decodeText(text);
}
