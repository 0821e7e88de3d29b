import type { YAMLError } from 'yaml';

/** A syntax error of the yaml parser, said in plain words, at the place the mistake is. */
export interface PlainYamlError {
  offset: number;
  message: string;
  hint?: string;
  /** The errors the parser reports after this one follow from it (an unclosed bracket or quote). */
  alone?: boolean;
}

/** The offset of the last `open` before `offset` that no `close` after it closes; undefined if none. */
function unclosed(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let at = Math.min(offset, text.length) - 1; at >= 0; at -= 1) {
    if (text[at] === close) depth += 1;
    else if (text[at] === open) {
      if (depth === 0) return at;
      depth -= 1;
    }
  }
  return undefined;
}

/**
 * Where the quoted text that never closes begins: the last value before `offset` that opens with
 * the quote and does not close it on its line (an apostrophe inside the text it ran over is not it).
 */
function openingQuote(text: string, offset: number, quote: string): number | undefined {
  const opens = new RegExp(`^(\\s*(?:-\\s+)?(?:[^\\s#:'"][^:#]*?:\\s+)?)${quote}(?:[^${quote}\\\\]|\\\\.)*$`);
  const lines = text.slice(0, offset).split('\n');
  let end = offset;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] as string;
    end -= line.length + (index < lines.length - 1 ? 1 : 0);
    const match = opens.exec(line);
    if (match) return end + (match[1] ?? '').length;
  }
  return undefined;
}

/**
 * The parser's message in plain words, with a hint, for the errors people meet editing a ladder
 * by hand (the yaml library's error codes); any other is the parser's own message.
 */
export function plainYamlError(error: YAMLError, text: string): PlainYamlError {
  const offset = error.pos[0];
  const own = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const plain = (message: string, hint?: string, at = offset): PlainYamlError => ({ offset: at, message: `YAML: ${message}`, ...(hint ? { hint } : {}) });
  // An unclosed bracket is reported where it opens; the parser finds it lines later, where the next key is.
  const notClosed = (open: '[' | '{'): PlainYamlError => {
    const list = open === '[';
    const start = unclosed(text, offset, open, list ? ']' : '}');
    return { ...plain(`the ${list ? 'list in brackets ([ … ])' : 'mapping in braces ({ … })'} that starts here is never closed`, `close it with ${list ? ']' : '}'} on the line it starts, or write it as lines under its key`, start ?? offset), alone: true };
  };
  const unclosedFlow = /^Flow (sequence|map) (?:in block collection )?must/.exec(own)?.[1];
  if (unclosedFlow) return notClosed(unclosedFlow === 'sequence' ? '[' : '{');
  switch (error.code) {
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(own)?.[1];
      if (quote) {
        const start = openingQuote(text, offset, quote);
        return { ...plain(`the text in ${quote === '"' ? 'double' : 'single'} quotes that starts here is never closed`, `end the text with ${quote}, or${quote === '"' ? ' write \\" for a quote inside it' : " write '' for a quote inside it"}`, start ?? offset), alone: true };
      }
      if (/^Missing , (or : )?between/.test(own)) return plain('two items inside brackets have no comma between them', 'separate the items with `, `, or quote an item that holds a space');
      if (/^Implicit map keys need to be followed by map values/.test(own)) return plain('a key has no colon after it', 'write it as `key: value`');
      if (/^Comments must be separated/.test(own)) return plain('a `#` that starts a comment needs a space before it', 'put a space before the `#`, or quote the text if the `#` belongs to it');
      if (/^Sequence item without - indicator/.test(own)) return plain('this line is in a list, but neither starts a new item with `- ` nor is indented as the keys of the item above', 'indent it as the keys of the item above, or begin a new item with `- `');
      break;
    }
    case 'BAD_INDENT':
      if (/^All sequence items must start at the same column/.test(own)) return plain('this list item is not lined up with the items above it', 'start every `- ` of one list at the same column');
      return plain(`the indentation here does not fit the lines above (${own.charAt(0).toLowerCase()}${own.slice(1)})`, 'indent the keys of one mapping, and the items of one list, by the same number of spaces');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/^Nested mappings/.test(own)) return plain('a second `key: value` follows a key on the same line', 'put the inner key on a line of its own, indented under its key, or quote the text if its `: ` belongs to it');
      return plain('a list starts where a key was expected', 'indent the list under the key it belongs to');
    case 'MULTILINE_IMPLICIT_KEY':
      return plain('a key runs over more than one line: a line above may be missing its colon, or a text goes on to a line that is not indented under its key', 'give each key its colon, and indent a text that goes on to the next line further than its key');
    case 'BLOCK_IN_FLOW': {
      const bracket = unclosed(text, offset, '[', ']') ?? unclosed(text, offset, '{', '}');
      if (bracket !== undefined) return notClosed(text[bracket] as '[' | '{');
      return plain('lines of a list or mapping sit inside brackets or braces', 'write the value either in brackets on one line, or as lines under its key');
    }
    case 'BAD_DQ_ESCAPE':
      return plain(`\`${own.replace(/^Invalid escape sequence /, '')}\` is not an escape that text in double quotes may hold`, "write \\\\ for a backslash, or use single quotes, in which a backslash is only a backslash");
    case 'BAD_SCALAR_START':
      return plain(`text cannot start with \`${own.replace(/^Plain value cannot start with (reserved character )?/, '')}\` unless it is quoted`, 'put the text in quotes');
    case 'UNEXPECTED_TOKEN':
      if (/at node end$/.test(own)) return plain('more text follows a value that has ended (after its closing quote or bracket)', 'put all of the text inside the quotes, or quote none of it');
      break;
    case 'MULTIPLE_DOCS':
      return plain('the file holds more than one document (separated by ---); a ladder is one document', 'keep one ladder in the file, or one ladder per file in a folder');
    case 'TAB_AS_INDENT':
      return plain('tabs cannot indent YAML', 'indent with spaces');
    default:
      break;
  }
  return plain(`${own.charAt(0).toLowerCase()}${own.slice(1)}`);
}
