import type { Token, Tokens } from 'marked';
import { pushAll } from '../../lists.js';
import { readHtmlBlock } from './html.js';
import { clean, inlineLines, inlineText } from './inline.js';
import { markdownLexer } from './lexer.js';

/** A table cell: its text, and the clauses it holds where the author broke lines or listed items in it. */
export interface Cell {
  text: string;
  clauses: string[];
  /** The cell is all bold (a group heading row in a matrix). */
  bold: boolean;
  /** An HTML cell made of parts under headings (`<h3>Role Highlights</h3>` over a list): each heading's text and the clauses under it. */
  parts?: { label: string; clauses: string[] }[];
  /** The id links elsewhere name the cell's row by (`<tr id="se-l1">`). */
  anchor?: string;
  /** The cell's links to places on the same page (`<a href="#se-l1">Software Engineer I</a>`). */
  links?: { anchor: string; text: string }[];
}

export interface ListItem {
  line: number;
  /** The item's own text, without its nested list. */
  text: string;
  /** Inline tokens of the item's first paragraph, for reading a `**Label**:` at its start. */
  tokens: Token[];
  /** Paragraphs of the item after its first one, joined. */
  more: string[];
  /** Nested lists' items, in order. */
  children: ListItem[];
  /** The item's text is a label by its markup (an HTML `<summary>`), however long. */
  label?: true;
}

export type Block =
  | { kind: 'paragraph'; line: number; text: string; tokens: Token[] }
  | { kind: 'list'; line: number; items: ListItem[] }
  | { kind: 'table'; line: number; header: Cell[]; rows: Cell[][] }
  | { kind: 'prose'; line: number; text: string };

/** Text the Markdown holds but renders to nothing: cells past a table's header, a comment never closed. */
export interface Dropped {
  line: number;
  what: string;
  text: string;
}

/** Every word of a table, header included, a row to a string, for a table kept as prose. */
export function tableRows(table: Extract<Block, { kind: 'table' }>): string[] {
  return [table.header, ...table.rows].map((row) => row.map((cell) => cell.text).filter(Boolean).join(' | ')).filter(Boolean);
}

/** A heading and what stands under it, up to the next heading of the same or a higher rank. */
export interface Section {
  title: string;
  depth: number;
  line: number;
  blocks: Block[];
  children: Section[];
  parent?: Section;
  /** For a section the reader made rather than read (a page of one level), the rule that made it. */
  madeBy?: string;
  /** An axis heading whose one sub-heading is a level's mark on it, not an axis of its own (see marked-axes.ts). */
  marked?: true;
}

/**
 * Lexes Markdown (front matter already removed) into a tree of sections. `lineOffset` is the
 * number of lines that stood before `markdown` in the file, so lines stay the file's own.
 */
export function readSections(markdown: string, lineOffset: number): { root: Section; dropped: Dropped[] } {
  const dropped: Dropped[] = [];
  const root: Section = { title: '', depth: 0, line: lineOffset + 1, blocks: [], children: [] };
  let current = root;
  let line = lineOffset + 1;
  const tokens = markdownLexer().lex(markdown);
  const tables = new TableRuns(tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    let token = tokens[index] as Token;
    const at = line + leadingNewlines(token.raw);
    const end = tables.endOf(index);
    if (end > index) {
      // One table the blank lines between its rows cut into several HTML blocks, as a browser shows it.
      const raw = tokens.slice(index, end + 1).map((piece) => withOpenTagAsText(piece.raw)).join('');
      token = { type: 'html', raw, text: raw, block: true, pre: false } as Tokens.HTML;
      index = end;
    }
    line += countNewlines(token.raw);
    const htmlHeadings = token.type === 'html' ? headingElements(token.raw) : undefined;
    if (htmlHeadings) {
      const start = at - leadingNewlines(token.raw);
      for (const { depth, title, offset } of htmlHeadings) {
        while (current.depth >= depth && current.parent) current = current.parent;
        const section: Section = { title, depth, line: start + countNewlines(token.raw.slice(0, offset)), blocks: [], children: [], parent: current };
        current.children.push(section);
        current = section;
      }
      continue;
    }
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      while (current.depth >= heading.depth && current.parent) current = current.parent;
      const section: Section = { title: inlineText(heading.tokens), depth: heading.depth, line: at, blocks: [], children: [], parent: current };
      current.children.push(section);
      current = section;
      continue;
    }
    pushAll(current.blocks, toBlocks(token, at, dropped));
  }
  return { root, dropped };
}

/**
 * An HTML block made only of headings (`<h2 align="center">Senior</h2>`), each on its line: the
 * headings a browser shows, read as Markdown headings of the same depth. A heading with no words is
 * not one.
 */
function headingElements(raw: string): { depth: number; title: string; offset: number }[] | undefined {
  const pattern = /^[ \t]*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>[ \t]*$/gim;
  const headings: { depth: number; title: string; offset: number }[] = [];
  let rest = raw;
  for (const match of raw.matchAll(pattern)) {
    const title = readHtmlBlock(match[2] as string).map((piece) => (piece.kind === 'text' ? piece.text : '')).join(' ').trim();
    if (!title) return undefined;
    headings.push({ depth: Number(match[1]), title, offset: match.index });
    rest = rest.replace(match[0], '');
  }
  return headings.length > 0 && rest.trim() === '' ? headings : undefined;
}

function toBlocks(token: Token, line: number, dropped: Dropped[]): Block[] {
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const tokens = (token as Tokens.Paragraph).tokens ?? [];
      const text = tokens.length > 0 ? inlineText(tokens) : clean(token.text ?? '');
      return text ? [{ kind: 'paragraph', line, text, tokens }] : [];
    }
    case 'heading': {
      // A heading inside a quote or a list item is text there, not a section of the document.
      const text = inlineText((token as Tokens.Heading).tokens);
      return text ? [{ kind: 'paragraph', line, text, tokens: (token as Tokens.Heading).tokens }] : [];
    }
    case 'list':
      return [{ kind: 'list', line, items: listItems(token as Tokens.List, line, dropped) }];
    case 'blockquote':
      return childBlocks((token as Tokens.Blockquote).tokens, token.raw, line, dropped);
    case 'code': {
      const text = clean((token as Tokens.Code).text);
      return text ? [{ kind: 'prose', line, text }] : [];
    }
    case 'table':
      return [pipeTable(token as Tokens.Table, line, dropped)];
    case 'html': {
      const unclosed = /^\s*<(script|style)\b/i.exec(token.raw);
      if (unclosed && !new RegExp(`</${unclosed[1]}\\s*>`, 'i').test(token.raw)) {
        // A script or style never closed hides the rest of the document from every browser.
        dropped.push({ line, what: `text after a \`<${(unclosed[1] as string).toLowerCase()}>\` that is never closed`, text: clean(token.raw.replace(/^\s*<[^>]*>?/, '')) });
        return [];
      }
      // A comment never closed, at the block's start or inside it (`<table>` then `<!--`), hides what follows from every renderer.
      const open = unclosedComment(token.raw);
      if (open >= 0) dropped.push({ line: line + countNewlines(token.raw.slice(0, open)), what: 'text after a comment that is never closed (`<!--` without `-->`)', text: clean(token.raw.slice(open + 4)) });
      return readHtmlBlock(withOpenTagAsText(open >= 0 ? token.raw.slice(0, open) : token.raw)).flatMap((piece): Block[] => {
        if (piece.kind === 'text') return [{ kind: 'prose', line, text: piece.text }];
        if (piece.kind === 'labelled') {
          const clause = (text: string): ListItem => ({ line, text, tokens: [], more: [], children: [] });
          return [{ kind: 'list', line, items: [{ ...clause(piece.label), children: piece.clauses.map(clause), label: true }] }];
        }
        const [header, ...rows] = piece.rows;
        if (header && rows.length > 0) return [{ kind: 'table', line, header, rows }];
        const text = piece.rows.flatMap((row) => row.map((cell) => cell.text)).filter(Boolean).join(' ');
        return text ? [{ kind: 'prose', line, text }] : [];
      });
    }
    default:
      // Spaces, rules and link definitions hold no words.
      return [];
  }
}

/** What opens a tag (a letter, `/`, `!` or `?` after `<`), looked for after a block's last `>`. */
const TAG_OPEN = /<[A-Za-z/!?]/g;

/**
 * A block that ends inside a tag: CommonMark ends an HTML block at a blank line, so no tag spans
 * one, and `<td><Careful work` may be all a block holds of its cell. An HTML parser would take the
 * words for the tag's name and attributes and drop them, the more so once the blocks of one table
 * are joined (`<Careful work` then runs to the next `>`). Its `<` is read as the character it is,
 * so the words stay. (A comment never closed is cut off, and named, before.)
 */
function withOpenTagAsText(raw: string): string {
  // From the last `>` on, in one pass: no tag opened there is closed.
  TAG_OPEN.lastIndex = raw.lastIndexOf('>') + 1;
  const open = TAG_OPEN.exec(raw);
  return open ? `${raw.slice(0, open.index)}&lt;${raw.slice(open.index + 1)}` : raw;
}

/**
 * Where an HTML `<table>` that its first block leaves open is closed. CommonMark ends an HTML block
 * at a blank line, so a table written with blank lines between its rows arrives as several blocks;
 * a browser shows them as one table. The blocks are joined when the table is closed by a later
 * block before anything but HTML blocks, paragraphs (a cell's text) and blank lines comes between; otherwise the table ends
 * with its own block, and what follows is read as Markdown (an unclosed `<table>` never swallows
 * the document). Each token is looked at once: a run that finds no close is not scanned again.
 */
class TableRuns {
  private scannedTo = -1;

  constructor(private readonly tokens: Token[]) {}

  /** The index of the token that closes the table opened at `index`, or `index` itself. */
  endOf(index: number): number {
    const token = this.tokens[index] as Token;
    if (token.type !== 'html' || index <= this.scannedTo || !/^\s*<table\b/i.test(token.raw) || closesTable(token.raw)) return index;
    for (let next = index + 1; next < this.tokens.length; next += 1) {
      const piece = this.tokens[next] as Token;
      if (piece.type === 'space') continue;
      if (!continuesTable(piece)) break;
      if (/<\/table\s*>/i.test(piece.raw)) return next;
      this.scannedTo = next;
    }
    return index;
  }
}

/**
 * Whether a block can be the rest of an open table: an HTML block, a paragraph (a cell's text
 * with a blank line in it), or lines indented four spaces (rows or cell text, which CommonMark
 * alone would show as code).
 * A heading, a list or a new table is not.
 */
function continuesTable(piece: Token): boolean {
  if (/<table\b/i.test(piece.raw)) return false;
  return piece.type === 'html' || piece.type === 'paragraph' || (piece.type === 'code' && !/^\s*(`{3,}|~{3,})/.test(piece.raw));
}

/** Whether a block closes the table it opens: its last table tag is `</table>`. */
function closesTable(raw: string): boolean {
  const lower = raw.toLowerCase();
  const close = lower.lastIndexOf('</table');
  return close !== -1 && close > lower.lastIndexOf('<table');
}

/** Blocks nested in a quote or list item, each with the line found by its first line of text in the parent's raw source. */
function childBlocks(tokens: Token[], parentRaw: string, parentLine: number, dropped: Dropped[]): Block[] {
  const find = locator(parentRaw, parentLine);
  return tokens.flatMap((token) => toBlocks(token, find(token.raw), dropped));
}

function listItems(list: Tokens.List, line: number, dropped: Dropped[]): ListItem[] {
  const find = locator(list.raw, line);
  return list.items.map((item) => {
    const at = find(item.raw);
    const [first, ...rest] = item.tokens;
    const own = first && (first.type === 'text' || first.type === 'paragraph') ? first : undefined;
    const tokens = own ? ((own as Tokens.Paragraph).tokens ?? []) : [];
    const children: ListItem[] = [];
    const more: string[] = [];
    for (const block of childBlocks(own ? rest : item.tokens, item.raw, at, dropped)) {
      if (block.kind === 'list') pushAll(children, block.items);
      else if (block.kind === 'table') pushAll(more, tableRows(block));
      else more.push(block.text);
    }
    const text = own ? (tokens.length > 0 ? inlineText(tokens) : clean(own.text ?? '')) : '';
    return { line: at, text: item.task ? clean(text.replace(/^\[[ xX]\]\s*/, '')) : text, tokens, more, children };
  });
}

function pipeTable(table: Tokens.Table, line: number, dropped: Dropped[]): Block {
  const cell = (value: Tokens.TableCell): Cell => {
    const clauses = inlineLines(value.tokens);
    const bold = value.tokens.length > 0 && value.tokens.every((token) => token.type === 'strong' || (token.type === 'text' && !token.raw.trim()));
    return { text: clauses.join(' '), clauses, bold };
  };
  pushAll(dropped, overflowingCells(table.raw, table.header.length, line));
  return { kind: 'table', line, header: table.header.map(cell), rows: table.rows.map((row) => row.map(cell)) };
}

/** The text of cells past the header's width, row by row, split at pipes as the table itself was. */
function overflowingCells(raw: string, columns: number, line: number): Dropped[] {
  const overflow: Dropped[] = [];
  raw.split('\n').forEach((text, index) => {
    if (index < 2 || !text.trim()) return;
    const cells = splitRow(text.trim().replace(/^\|/, ''));
    if (cells.length > 0 && !cells[cells.length - 1]?.trim()) cells.pop();
    if (cells.length > columns) overflow.push({ line: line + index, what: 'cells beyond the columns of the table header', text: clean(cells.slice(columns).join(' ')) });
  });
  return overflow.filter((entry) => entry.text.length > 0);
}

/** A table row split at its pipes as the lexer splits it: a pipe after an odd number of backslashes is text. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  let backslashes = 0;
  for (let at = 0; at < row.length; at += 1) {
    const char = row[at];
    if (char === '|' && backslashes % 2 === 0) {
      cells.push(row.slice(start, at));
      start = at + 1;
    }
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  cells.push(row.slice(start));
  return cells;
}

/**
 * Finds the line of each child in its parent's raw text, searching forward from the last one
 * found, so a whole parent is scanned once. Children are de-indented copies (quote markers and
 * list indentation removed), so each is found by its first non-blank line.
 */
function locator(parentRaw: string, parentLine: number): (raw: string) => number {
  let cursor = 0;
  let line = parentLine;
  return (raw) => {
    const firstLine = raw.split('\n', 64).find((text) => text.trim().length > 0)?.trim() ?? '';
    const found = firstLine ? parentRaw.indexOf(firstLine, cursor) : -1;
    if (found === -1) return line;
    line += countNewlines(parentRaw.slice(cursor, found));
    cursor = found;
    return line;
  };
}

/** How many line breaks `text` holds. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

function leadingNewlines(text: string): number {
  let count = 0;
  for (const char of text) {
    if (char === '\n') count += 1;
    else if (char !== ' ' && char !== '\t' && char !== '\r') break;
  }
  return count;
}

/** Where a `<!--` that no `-->` closes starts, or -1: one pass, each comment skipped whole. */
function unclosedComment(html: string): number {
  for (let from = 0; ; ) {
    const start = html.indexOf('<!--', from);
    if (start === -1) return -1;
    const end = html.indexOf('-->', start + 4);
    if (end === -1) return start;
    from = end + 3;
  }
}
