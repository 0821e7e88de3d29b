import type { ParsedYaml, PathSegment, Position } from '../read/parse-yaml.js';

/**
 * Where each key and list item of a block-style YAML file starts, found from its lines and their
 * indentation alone. It serves files too large for the position-keeping parser (which needs some
 * fifty times a file's size in memory): js-yaml reads the value, and this says where a problem
 * is. Flow collections (`{…}`, `[…]`) are not entered; a path into one is placed at the key that
 * holds it.
 */
export function outlinePositions(text: string): Pick<ParsedYaml, 'positionOf' | 'keysOf'> {
  const root = buildOutline(text);
  const find = (path: readonly PathSegment[]) => findIn(root, path);
  return {
    positionOf(path, at = 'value') {
      const { node, complete } = find(path);
      if (node === root) return undefined;
      const position: Position = { line: node.line, col: node.contentCol ?? node.col };
      return complete && at === 'value' && node.valueCol !== undefined ? { line: node.line, col: node.valueCol } : position;
    },
    keysOf(path) {
      const { node, complete } = find(path);
      const keys = node.children.flatMap((child) => (child.key === undefined ? [] : [child.key]));
      return complete && keys.length > 0 ? keys : undefined;
    },
  };
}

/**
 * Positions the outline knows to be where the parser that keeps positions puts them: a path
 * followed to its end through block-style lines, to a key, or to a value that starts on its key's
 * (or list item's) line. Anything else is undefined, so a caller can tell it must ask that parser.
 * The outline is built on the first call.
 */
export function exactOutlinePositions(text: string): (path: readonly PathSegment[], at?: 'key' | 'value') => Position | undefined {
  let root: OutlineNode | undefined;
  return (path, at = 'value') => {
    const { node, complete } = findIn((root ??= buildOutline(text)), path);
    if (!complete || node === root) return undefined;
    if (at === 'key') return node.key === undefined ? undefined : { line: node.line, col: node.col };
    return node.valueCol === undefined || node.blockScalar ? undefined : { line: node.line, col: node.valueCol };
  };
}

/** The node at `path`, or the deepest one on the way there (`complete` false). */
function findIn(root: OutlineNode, path: readonly PathSegment[]): { node: OutlineNode; complete: boolean } {
  let node = root;
  for (const segment of path) {
    const next = typeof segment === 'number' ? itemsOf(node)[segment] : childByKey(node, segment);
    if (!next) return { node, complete: false };
    node = next;
  }
  return { node, complete: true };
}

interface OutlineNode {
  line: number;
  col: number;
  /** Set for a mapping key. */
  key?: string;
  /** Set for a list item (`- `). */
  item?: boolean;
  /** Where the value starts, when it is on the key's (or list item's) line. */
  valueCol?: number;
  /** The value is a block scalar (`|`, `>`), whose lines follow. */
  blockScalar?: boolean;
  /** For a list item, where its content starts (after `- `): the item's position. */
  contentCol?: number;
  children: OutlineNode[];
  byKey?: Map<string, OutlineNode>;
  items?: OutlineNode[];
}

/** A node's list items, found once: a problem in each of 60,000 levels looks them up 60,000 times. */
function itemsOf(node: OutlineNode): OutlineNode[] {
  return (node.items ??= node.children.filter((child) => child.item));
}

function childByKey(node: OutlineNode, key: string): OutlineNode | undefined {
  if (!node.byKey) {
    node.byKey = new Map();
    for (const child of node.children) if (child.key !== undefined) node.byKey.set(child.key, child);
  }
  return node.byKey.get(key);
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}&*!|>%@`,-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;

function buildOutline(text: string): OutlineNode {
  const root: OutlineNode = { line: 0, col: -1, children: [] };
  const stack: OutlineNode[] = [root];
  // A block scalar (`|`, `>`) owns every deeper line after it: none of them is a key.
  let scalarIndent = -1;
  let lineNumber = 0;
  for (const raw of text.split('\n')) {
    lineNumber += 1;
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    if (scalarIndent >= 0 && indent > scalarIndent) continue;
    scalarIndent = -1;
    let col = indent;
    let content = rest;
    const place = (node: OutlineNode) => {
      while (stack.length > 1) {
        const top = stack[stack.length - 1] as OutlineNode;
        // A list item at its key's own indentation (`levels:` then `- id: …`) still belongs to the key.
        if (top.col > node.col || (top.col === node.col && (top.item || !node.item))) stack.pop();
        else break;
      }
      (stack[stack.length - 1] as OutlineNode).children.push(node);
      stack.push(node);
    };
    while (content === '-' || content.startsWith('- ')) {
      const after = content.slice(1);
      const spaces = after.length - after.trimStart().length;
      content = after.trimStart();
      const inline = content !== '' && !content.startsWith('#');
      place({ line: lineNumber, col: col + 1, contentCol: col + 2 + spaces, ...(inline ? { valueCol: col + 2 + spaces } : {}), item: true, children: [] });
      col += 1 + spaces;
    }
    const match = KEY.exec(content);
    if (!match) continue;
    const key = unquote(match[1] as string);
    const value = content.slice(match[0].length);
    const node: OutlineNode = { line: lineNumber, col: col + 1, key, children: [] };
    if (value && !value.startsWith('#')) node.valueCol = col + 1 + match[0].length;
    place(node);
    if (BLOCK_SCALAR.test(value)) {
      scalarIndent = col;
      node.blockScalar = true;
    }
  }
  return root;
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}
