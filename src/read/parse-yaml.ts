import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../errors.js';

/** Aliases a document may expand before it is refused, against "billion laughs" files. */
export const MAX_ALIAS_EXPANSION = 1000;

export type PathSegment = string | number;

export interface Position {
  line: number;
  col: number;
}

/** A parsed YAML document that can still say where each value came from. */
export interface ParsedYaml {
  value: unknown;
  /** Position of the value (or, with `at: 'key'`, of the key) at `path`, or of the nearest enclosing node. */
  positionOf(path: readonly PathSegment[], at?: 'key' | 'value'): Position | undefined;
  /** Keys of the mapping at `path` in document order (JavaScript objects reorder integer-like keys). */
  keysOf(path: readonly PathSegment[]): string[] | undefined;
}

export function parseYaml(text: string, file: string): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    const start = lineCounter.linePos(error.pos[0]);
    return { severity: 'error', file, line: start.line, col: start.col, message: yamlMessage(error.message) };
  });
  if (diagnostics.length > 0) return { diagnostics };
  if (doc.contents === null) {
    return { diagnostics: [{ severity: 'error', file, line: 1, col: 1, message: 'the file holds no ladder (it is empty or only comments)', hint: 'run `ladder init` for a starting point' }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    return { diagnostics: [{ severity: 'error', file, line: 1, col: 1, message: yamlMessage((error as Error).message) }] };
  }
  const positionOf = (path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position | undefined => {
    const offset = offsetOf(doc, path, at);
    return offset === undefined ? undefined : lineCounter.linePos(offset);
  };
  const keysOf = (path: readonly PathSegment[]): string[] | undefined => {
    const node = doc.getIn(path, true);
    return isMap(node) ? node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : undefined;
  };
  return { parsed: { value, positionOf, keysOf }, diagnostics: [] };
}

function yamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'YAML: the document is nested too deeply';
  if (/multiple documents/i.test(message)) return 'YAML: the file holds more than one document (separated by ---); a ladder is one document';
  const text = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  return `YAML: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Walks as far down `path` as the document goes and returns the source offset reached. */
function offsetOf(doc: Document, path: readonly PathSegment[], at: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      if (last && at === 'key') return rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else {
      return offset;
    }
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
