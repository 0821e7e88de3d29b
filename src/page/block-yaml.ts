/**
 * A reader of block YAML: mappings and lists laid out by indentation, and scalars plain, quoted
 * ('…', "…" with its escapes) or in `|` and `>` blocks, over one line or several, with comments,
 * `[]` and `{}`. That is the YAML `ladder assess new` and the page write an assessment file in,
 * and what a person editing one by hand writes. Plain scalars take the types of YAML's core
 * schema, as js-yaml gives them to `ladder assess`. The page bundles this rather than a YAML
 * library, to keep its script small; what it does not read (anchors, aliases, tags, flow
 * collections with content, several documents) it refuses, saying what and where.
 */
export class YamlSubsetError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

interface Line {
  no: number;
  /** Spaces before the text; a list item's content is given its own column. */
  indent: number;
  text: string;
}

const ITEM = /^-([ \t]+|$)/;
const BLANK = /^[ \t]*(#.*)?$/;
/** YAML's white space is spaces and tabs only (JavaScript's trim() would take a no-break space or a byte-order mark too). */
const trimmed = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');
const isEmpty = (text: string) => /^[ \t]*$/.test(text);
/** Where a comment starts in a plain scalar: `#` after white space. */
const COMMENT = /(^|[ \t])#/;
const NUMBER = /^[-+]?(0b[01]+|0o[0-7]+|0x[\da-fA-F]+|\d+(\.\d*)?([eE][-+]?\d+)?)$|^\.\d+([eE][-+]?\d+)?$/;
const DOCUMENT_MARKER = /^(---|\.\.\.)([ \t]|$)/;
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A plain scalar's value in the core schema: null, a boolean, a number, or the text. */
function plainValue(text: string): unknown {
  if (/^(~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return Number.NaN;
  const number = NUMBER.test(text) ? (text.startsWith('-') ? -1 : 1) * Number(text.replace(/^[-+]/, '')) : Number.NaN;
  // A number too large to hold stays text, as js-yaml leaves it.
  return Number.isFinite(number) ? number : text;
}

/** Deeper than any assessment file goes: a file nested further is refused rather than exhausting the stack. */
const MAX_DEPTH = 100;

class Reader {
  private readonly lines: Line[];
  private at = 0;
  private depth = 0;

  constructor(text: string) {
    // The break that ends the last line starts no line of its own.
    this.lines = text
      .replace(/^\ufeff/, '')
      .replace(/(\r\n|\r|\n)$/, '')
      .split(/\r\n|\r|\n/)
      .map((raw, i) => {
        const indent = /^ */.exec(raw)?.[0].length ?? 0;
        return { no: i + 1, indent, text: raw.slice(indent) };
      });
  }

  private fail(line: Line | undefined, reason: string): never {
    throw new YamlSubsetError(line?.no ?? this.lines.length, reason);
  }

  /** The next line with content, past blank lines and comments. */
  private next(): Line | undefined {
    while (this.at < this.lines.length && BLANK.test((this.lines[this.at] as Line).text)) this.at += 1;
    return this.lines[this.at];
  }

  /** The next line of the document's content: not a `---` or `...` marker, and not indented with a tab. */
  private content(): Line | undefined {
    const line = this.next();
    if (!line || (line.indent === 0 && DOCUMENT_MARKER.test(line.text))) return undefined;
    if (line.text.startsWith('\t')) this.fail(line, 'a tab indents this line; YAML indents with spaces');
    return line;
  }

  document(): unknown {
    const start = this.next();
    if (start?.text.startsWith('%')) this.fail(start, 'YAML directives (%) are not read here');
    if (start && start.indent === 0 && start.text.startsWith('---') && DOCUMENT_MARKER.test(start.text)) {
      if (!BLANK.test(start.text.slice(3))) this.fail(start, 'content on the `---` line is not read here');
      this.at += 1;
    }
    const first = this.content();
    const value = first ? this.node(first, -1) : null;
    let end = this.next();
    if (end && end.indent === 0 && end.text.startsWith('...') && DOCUMENT_MARKER.test(end.text)) {
      this.at += 1;
      end = this.next();
    }
    if (end) this.fail(end, DOCUMENT_MARKER.test(end.text) ? 'a file of several YAML documents is not read here' : 'this line is not indented as the lines before it lead one to expect');
    return value;
  }

  /** The node that starts at `line`, inside a collection indented by `parent`. */
  private node(line: Line, parent: number): unknown {
    if (this.depth >= MAX_DEPTH) this.fail(line, `lists and mappings nested more than ${MAX_DEPTH} deep are not read here`);
    this.depth += 1;
    try {
      if (ITEM.test(line.text)) return this.list(line.indent);
      if (this.keyOf(line)) return this.mapping(line.indent);
      this.at += 1;
      return this.scalar(line, line.text, parent);
    } finally {
      this.depth -= 1;
    }
  }

  private list(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.content(); line && line.indent >= indent; line = this.content()) {
      const dash = ITEM.exec(line.text);
      if (line.indent > indent || !dash) this.fail(line, line.indent > indent ? 'this line is indented more than the list item before it' : 'a list item (`- …`) was expected here');
      const content = line.text.slice(dash[0].length);
      if (BLANK.test(content)) {
        this.at += 1;
        items.push(this.nested(indent, false));
      } else {
        // The item's content, as if it were a line of its own at its column: `- axis: …` opens a mapping there.
        line.indent += dash[0].length;
        line.text = content;
        items.push(this.node(line, indent));
      }
    }
    return items;
  }

  private mapping(indent: number): Record<string, unknown> {
    const entries = new Map<string, unknown>();
    for (let line = this.content(); line && line.indent >= indent; line = this.content()) {
      if (line.indent > indent) this.fail(line, 'this line is indented more than the key before it');
      const entry = this.keyOf(line);
      if (!entry) this.fail(line, ITEM.test(line.text) ? 'a list item where a key (`key: value`) was expected' : 'a key (`key: value`) was expected here');
      if (entries.has(entry.key)) this.fail(line, `the key “${entry.key}” is given twice`);
      this.at += 1;
      entries.set(entry.key, BLANK.test(entry.rest) ? this.nested(indent, true) : this.scalar(line, entry.rest, indent));
    }
    // Not an object literal's keys: `__proto__` is a key like any other.
    return Object.fromEntries(entries);
  }

  /** The value on the lines after a key or a dash: a node indented further, a list under a key at the key's own indentation, or null. */
  private nested(indent: number, underKey: boolean): unknown {
    const line = this.content();
    if (line && (line.indent > indent || (underKey && line.indent === indent && ITEM.test(line.text)))) return this.node(line, indent);
    return null;
  }

  /** A line's key and the text after its colon, or undefined when the line is not `key: value`. */
  private keyOf(line: Line): { key: string; rest: string } | undefined {
    const text = line.text;
    if (text.startsWith('"') || text.startsWith("'")) {
      const quoted = text.startsWith('"') ? /^"((?:[^"\\]|\\.)*)"[ \t]*:(?:[ \t]+|$)/.exec(text) : /^'((?:[^']|'')*)'[ \t]*:(?:[ \t]+|$)/.exec(text);
      if (!quoted) return undefined;
      const key = text.startsWith('"') ? this.unescape(line, quoted[1] as string) : (quoted[1] as string).replace(/''/g, "'");
      return { key, rest: text.slice(quoted[0].length) };
    }
    const colon = /:(?:[ \t]+|$)/.exec(text);
    if (!colon) return undefined;
    const key = text.slice(0, colon.index).replace(/[ \t]+$/, '');
    if (key === '' || COMMENT.test(key) || /^[[{|>@`]/.test(key) || /^[?-]([ \t]|$)/.test(key)) return undefined;
    if (/^[&*!]/.test(key)) this.fail(line, 'anchors, aliases and tags (&, *, !) are not read here');
    return { key, rest: text.slice(colon.index + colon[0].length) };
  }

  /** A scalar that starts with `text` on `line` (already taken), inside a collection indented by `parent`. */
  private scalar(line: Line, text: string, parent: number): unknown {
    const first = text[0];
    if (first === '"' || first === "'") return this.quoted(line, text, parent);
    if (first === '|' || first === '>') return this.block(line, text, parent);
    if (first === '[' || first === '{') {
      const empty = /^(\[[ \t]*\]|\{[ \t]*\})([ \t]+#.*|[ \t]*)$/.exec(text);
      if (!empty) this.fail(line, 'a list or mapping in brackets (`[a, b]`, `{a: b}`) is not read here: write it one item a line');
      return first === '[' ? [] : {};
    }
    if (first === '&' || first === '*' || first === '!') this.fail(line, 'anchors, aliases and tags (&, *, !) are not read here');
    if (first === '@' || first === '`' || /^[-?:]([ \t]|$)/.test(text)) this.fail(line, `a value cannot start with “${first ?? ''}” unless it is quoted`);
    return plainValue(this.plain(line, text, parent));
  }

  /** A plain scalar, continued on the lines indented past `parent` and folded: a line break is a space, an empty line a line break. */
  private plain(line: Line, text: string, parent: number): string {
    const words = (part: string, on: Line) => {
      if (/:([ \t]|$)/.test(part)) this.fail(on, 'a colon and a space inside a value: put the value in quotes');
      return trimmed(part);
    };
    const comment = COMMENT.exec(text);
    let value = words(comment ? text.slice(0, comment.index) : text, line);
    if (comment) return value;
    let breaks = 0;
    for (let i = this.at; i < this.lines.length; i += 1) {
      const next = this.lines[i] as Line;
      if (isEmpty(next.text)) {
        breaks += 1;
        continue;
      }
      if (next.indent <= parent || /^[ \t]*#/.test(next.text) || (next.indent === 0 && DOCUMENT_MARKER.test(next.text))) break;
      const cut = COMMENT.exec(next.text);
      value += (breaks > 0 ? '\n'.repeat(breaks) : ' ') + words(cut ? next.text.slice(0, cut.index) : next.text, next);
      breaks = 0;
      this.at = i + 1;
      if (cut) break;
    }
    return value;
  }

  /** A double- or single-quoted scalar, over as many lines as it takes, folded as a plain one is. */
  private quoted(line: Line, text: string, parent: number): string {
    const quote = text[0] as string;
    // The lines before this one, folded, and this line's text: only the last is ever trimmed.
    let value = '';
    let piece = '';
    // This line's text up to here is kept as it is at the line's end: white space written as an escape is not trimmed.
    let kept = 0;
    let current = line;
    let rest = text.slice(1);
    for (;;) {
      let closed = false;
      let escapedBreak = false;
      for (let i = 0; i < rest.length && !closed && !escapedBreak; i += 1) {
        const char = rest[i] as string;
        if (char === quote && quote === "'" && rest[i + 1] === "'") {
          piece += "'";
          i += 1;
        } else if (char === quote) {
          closed = true;
          if (!BLANK.test(rest.slice(i + 1))) this.fail(current, 'text after the closing quote');
        } else if (quote === '"' && char === '\\') {
          // A backslash that ends the line escapes the line break: the lines join with nothing between.
          escapedBreak = i + 1 === rest.length;
          if (escapedBreak) break;
          const escape = rest.slice(i, i + 2 + (HEX_DIGITS[rest[i + 1] as string] ?? 0));
          piece += this.unescape(current, escape);
          i += escape.length - 1;
          kept = piece.length;
        } else piece += char;
      }
      if (closed) return value + piece;
      value += escapedBreak ? piece : piece.slice(0, kept) + piece.slice(kept).replace(/[ \t]+$/, '');
      let breaks = 0;
      let next = this.lines[this.at];
      for (; next && isEmpty(next.text); next = this.lines[++this.at]) breaks += 1;
      if (!next || (next.indent <= parent && parent >= 0)) this.fail(current, `a ${quote === '"' ? 'double' : 'single'}-quoted value is not closed`);
      value += breaks > 0 ? '\n'.repeat(breaks) : escapedBreak ? '' : ' ';
      piece = '';
      kept = 0;
      this.at += 1;
      current = next;
      rest = next.text.replace(/^[ \t]+/, '');
    }
  }

  private unescape(line: Line, text: string): string {
    return text.replace(/\\(x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|.)?/g, (escape, code: string | undefined) => {
      if (code && code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
      const char = code === undefined ? undefined : ESCAPES[code];
      if (char === undefined) this.fail(line, `“${escape}” is not an escape YAML knows`);
      return char;
    });
  }

  /** A `|` (literal) or `>` (folded) block, with its chomping (`-`, `+`) and indentation indicators. */
  private block(line: Line, text: string, parent: number): string {
    const header = /^([|>])(?:([1-9])([+-])?|([+-])([1-9])?)?([ \t]+#.*|[ \t]*)$/.exec(text);
    if (!header) this.fail(line, 'a `|` or `>` block header must be alone on its line, with at most `-`, `+` and a digit');
    const [, style, digit = header[5], chomp = header[4]] = header;
    let indent = digit ? Math.max(parent, 0) + Number(digit) : 0;
    const body: string[] = [];
    for (let next = this.lines[this.at]; next; next = this.lines[++this.at]) {
      const raw = ' '.repeat(next.indent) + next.text;
      if (isEmpty(raw)) {
        body.push(raw.slice(indent || raw.length));
        continue;
      }
      if (!indent) indent = next.indent > parent ? next.indent : Number.POSITIVE_INFINITY;
      if (next.indent < indent) break;
      body.push(raw.slice(indent));
    }
    let trailing = 0;
    // Trailing lines with nothing past the indentation are for chomping; a line of white space beyond it is text.
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing += 1;
    }
    const content = style === '|' ? body.join('\n') : folded(body);
    if (body.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
    return content + (chomp === '-' ? '' : chomp === '+' ? '\n'.repeat(trailing + 1) : '\n');
  }
}

/** A `>` block's lines: a line break between two lines of text is a space; empty lines, and lines indented further, keep theirs. */
function folded(lines: string[]): string {
  let value = '';
  let breaks = 0;
  let previous: 'text' | 'indented' | undefined;
  for (const text of lines) {
    if (text === '') {
      breaks += 1;
      continue;
    }
    const kind = /^[ \t]/.test(text) ? 'indented' : 'text';
    if (previous === undefined) value += '\n'.repeat(breaks);
    else if (previous === 'text' && kind === 'text') value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    else value += '\n'.repeat(breaks + 1);
    value += text;
    previous = kind;
    breaks = 0;
  }
  return value;
}

/** The value of a YAML file written in block style; throws YamlSubsetError, with the line, for anything else. */
export function readBlockYaml(text: string): unknown {
  return new Reader(text).document();
}
