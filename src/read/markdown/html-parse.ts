import { html as htmlNames, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Cell } from './blocks.js';
import { clean } from './inline.js';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/** A piece of an HTML block in document order: text outside any table, or a table's rows. */
export type HtmlPiece = { kind: 'text'; text: string } | { kind: 'table'; rows: Cell[][] } | { kind: 'labelled'; label: string; clauses: string[] };

/** Elements whose text is never content: styles, scripts and the like are instructions to a browser. */
const NEVER_CONTENT = new Set(['style', 'script', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math']);
/** Elements that end a run of words: what stands on either side is two clauses (or two paragraphs). */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'section', 'article', 'details', 'summary', 'hr', 'tr', 'caption']);

/** Where a breaking element ends: text after `</p>` is another line, whatever element holds it. */
const BLOCK_END = Symbol('end of a block');
type Step = Node | typeof BLOCK_END;

const ORPHAN_ROWS = /^\s*<(?:tr|td|th|thead|tbody|tfoot)\b/i;
const ROW_TAG = /<(?:tr|td|th)\b/i;
const TABLE_TAG = /<table\b/i;

/**
 * Reads an HTML block as a browser does: parse5 builds the tree with the HTML standard's recovery
 * rules (a `<th>` closed by `</td>`, cells never closed, stray text foster-parented before the
 * table), in one pass over the text. Comments, `<style>`, `<script>` and their kind are not
 * content; tables are returned row by row, cells split into clauses at `<br>`, `<li>` and `<p>`.
 */
export function readHtml(html: string): HtmlPiece[] {
  // Rows cut from their table (by a heading between them, say), or under a tag that only looks
  // like a table's (`<t-able>`), are still rows: outside a table a parser drops their tags, and the
  // words of their cells would run together.
  const known = withUnknownTagsAsText(html);
  const source = ORPHAN_ROWS.test(known) || (ROW_TAG.test(known) && !TABLE_TAG.test(known)) ? `<table>${known}</table>` : known;
  const pieces: HtmlPiece[] = [];
  let words: string[] = [];
  const flushText = () => {
    const text = clean(words.join(''));
    if (text) pieces.push({ kind: 'text', text });
    words = [];
  };
  const stack: Step[] = [...parseFragment(source).childNodes].reverse();
  // An explicit stack, not recursion: nesting as deep as the input allows costs no call frames.
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node === BLOCK_END) {
      words.push(' ');
      continue;
    }
    if (node.nodeName === '#text') {
      words.push((node as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    if (!('tagName' in node) || NEVER_CONTENT.has(node.tagName)) continue;
    if (node.tagName === 'table') {
      flushText();
      pieces.push({ kind: 'table', rows: tableRows(node) });
      continue;
    }
    if (node.tagName === 'details' && node.childNodes.some(isSummary)) {
      // `<details><summary>Label</summary>…</details>`: a label over the text it folds away, each item or line a clause; each `<summary>` starts a label.
      flushText();
      const leading = node.childNodes.findIndex(isSummary);
      const before = textOf({ ...node, childNodes: node.childNodes.slice(0, leading) }).map(clean).filter(Boolean).join(' ');
      if (before) pieces.push({ kind: 'text', text: before });
      let open: { label: string; nodes: Node[] } | undefined;
      const close = () => {
        if (!open) return;
        const clauses = textOf({ ...node, childNodes: open.nodes }).map(clean).filter(Boolean);
        // An empty `<summary>` names nothing: what it folds away is plain text, not an axis with no name.
        if (open.label) pieces.push({ kind: 'labelled', label: open.label, clauses });
        else if (clauses.length > 0) pieces.push({ kind: 'text', text: clauses.join(' ') });
      };
      for (const child of node.childNodes.slice(leading)) {
        if (isSummary(child)) {
          close();
          open = { label: clean(textOf(child).join(' ')), nodes: [] };
        } else {
          open?.nodes.push(child);
        }
      }
      close();
      continue;
    }
    if (BREAKS.has(node.tagName)) {
      words.push(' ');
      stack.push(BLOCK_END);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i] as Node);
  }
  flushText();
  return pieces;
}

/** The elements of HTML: those parse5 gives special rules, and the rest. */
const ELEMENTS = new Set<string>([
  ...Object.values(htmlNames.TAG_NAMES),
  ...'abbr acronym audio bdi bdo blink canvas cite data datalist del dfn ins kbd legend map mark meter output picture portal progress q samp slot time video'.split(' '),
]);
/** `<` and a name: where a start tag would open. */
const START_TAG = /<([A-Za-z][^\s/>]*)/g;

/**
 * `<` before a word that names no element (`<td><Writes the signal book`) opens no tag an author
 * meant: a parser would take the words that follow, up to the next `>`, for the tag's name and
 * attributes and drop them. Such a `<` is read as the character it is. Custom elements (`<t-able>`,
 * with a hyphen) and namespaced ones (`<o:p>`) are tags.
 */
function withUnknownTagsAsText(html: string): string {
  return html.replace(START_TAG, (tag, name: string) => (ELEMENTS.has(name.toLowerCase()) || /[-:]/.test(name) ? tag : `&lt;${name}`));
}

function isSummary(node: Node): node is Element {
  return 'tagName' in node && node.tagName === 'summary';
}

/** A table's rows in order, from its sections (`<thead>`, `<tbody>`, `<tfoot>`) and any row directly under it. A table inside a cell is that cell's text. */
function tableRows(table: Element): Cell[][] {
  const rows: Cell[][] = [];
  const caption: string[] = [];
  for (const child of table.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'tr') rows.push(rowCells(child));
    else if (child.tagName === 'caption') caption.push(textOf(child).join(' '));
    else for (const row of child.childNodes) if ('tagName' in row && row.tagName === 'tr') rows.push(rowCells(row));
  }
  const title = clean(caption.join(' '));
  return title ? [[{ text: title, clauses: [title], bold: false }], ...rows] : rows;
}

function rowCells(row: Element): Cell[] {
  const cells = row.childNodes.filter((cell): cell is Element => 'tagName' in cell && (cell.tagName === 'td' || cell.tagName === 'th')).map(cellOf);
  const anchor = attribute(row, 'id');
  if (anchor && cells[0] && cells[0].anchor === undefined) cells[0].anchor = anchor;
  return cells;
}

function cellOf(cell: Element): Cell {
  const clauses = textOf(cell).map(clean).filter(Boolean);
  const parts = partsOf(cell);
  const links = linksOf(cell);
  const anchor = attribute(cell, 'id');
  return { text: clauses.join(' '), clauses, bold: clauses.length > 0 && isAllBold(cell), ...(parts ? { parts } : {}), ...(links.length > 0 ? { links } : {}), ...(anchor ? { anchor } : {}) };
}

const HEADING = /^h[1-6]$/;

/** A cell whose content is headings, each over its text (`<h3>Level</h3><p>1</p><h3>Title</h3>…`): its parts; undefined where text stands before the first heading, or there is none. */
function partsOf(cell: Element): { label: string; clauses: string[] }[] | undefined {
  const parts: { label: string; clauses: string[] }[] = [];
  for (const child of cell.childNodes) {
    if ('tagName' in child && HEADING.test(child.tagName)) {
      parts.push({ label: clean(textOf(child).join(' ')), clauses: [] });
      continue;
    }
    const clauses = child.nodeName === '#text' ? [clean((child as DefaultTreeAdapterMap['textNode']).value)] : 'tagName' in child && !NEVER_CONTENT.has(child.tagName) ? textOf(child).map(clean) : [];
    const words = clauses.filter(Boolean);
    if (words.length === 0) continue;
    const last = parts[parts.length - 1];
    if (!last) return undefined;
    last.clauses.push(...words);
  }
  return parts.length > 0 && parts.every((part) => part.label) ? parts : undefined;
}

/** Links to places on the page (`href="#…"`) under an element, with their text. */
function linksOf(element: Element): { anchor: string; text: string }[] {
  const links: { anchor: string; text: string }[] = [];
  const stack: Node[] = [...element.childNodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('tagName' in node)) continue;
    const href = node.tagName === 'a' ? attribute(node, 'href') : undefined;
    if (href?.startsWith('#') && href.length > 1) links.push({ anchor: href.slice(1), text: clean(textOf(node).join(' ')) });
    else stack.push(...node.childNodes);
  }
  return links.reverse();
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value.trim() || undefined;
}

/** The text of an element split at its breaks, comments and never-content elements left out. */
function textOf(element: Element): string[] {
  const pieces: string[] = [''];
  const stack: Step[] = [...element.childNodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node === BLOCK_END) {
      pieces.push('');
      continue;
    }
    if (node.nodeName === '#text') {
      pieces[pieces.length - 1] += (node as DefaultTreeAdapterMap['textNode']).value;
      continue;
    }
    if (!('tagName' in node) || NEVER_CONTENT.has(node.tagName)) continue;
    if (BREAKS.has(node.tagName) || node.tagName === 'table' || node.tagName === 'td' || node.tagName === 'th') {
      pieces.push('');
      stack.push(BLOCK_END);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i] as Node);
  }
  return pieces;
}

/** A cell whose every word is inside `<b>` or `<strong>` (a group's name in a matrix). */
function isAllBold(cell: Element): boolean {
  const stack: { node: Node; bold: boolean }[] = cell.childNodes.map((node) => ({ node, bold: false }));
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, bold } = entry;
    if (node.nodeName === '#text') {
      if (!bold && (node as DefaultTreeAdapterMap['textNode']).value.trim()) return false;
      continue;
    }
    if (!('tagName' in node) || NEVER_CONTENT.has(node.tagName)) continue;
    const inBold = bold || node.tagName === 'b' || node.tagName === 'strong';
    for (const child of node.childNodes) stack.push({ node: child, bold: inBold });
  }
  return true;
}
