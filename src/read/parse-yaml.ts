import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { aliasPastLimit, anchorPastLimit, MAX_EXPANDED_CHARS } from './yaml-expansion.js';
import { ANCHORS_HINT, ANCHORS_PAST_LIMIT } from './bounded-load.js';
import { plainYamlError } from './yaml-errors.js';
import { explainSyntaxError, tabMistakes } from './yaml-mistakes.js';
import type { Mistake } from './yaml-mistakes.js';
import { pushAll } from '../lists.js';

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

/** Whether a parsed value is a YAML mapping (a JavaScript object that is not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseYaml(text: string, file: string): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // yaml's own check for duplicate keys compares every key with every other, which a mapping of
  // thousands of keys makes slow; duplicateKeys does the same in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number, message: string): Diagnostic => {
    const start = lineCounter.linePos(offset);
    return { severity: 'error', file, line: start.line, col: start.col, message };
  };
  // Where the parser ran out of stack depends on the stack it was called with: a nesting error is
  // placed where the brackets first nest too deep, the same on every run.
  const syntax: Diagnostic[] = [];
  for (const error of doc.errors) {
    if (/call stack/i.test(error.message)) {
      syntax.push(at(deepBracket(text) ?? error.pos[0], yamlMessage(error.message)));
      continue;
    }
    const plain = plainYamlError(error, text);
    const diagnostic = { ...at(plain.offset, plain.message), ...(plain.hint ? { hint: plain.hint } : {}) };
    // The parser often reports two errors at one place; the first says it.
    const previous = syntax[syntax.length - 1];
    if (previous?.line !== diagnostic.line || previous?.col !== diagnostic.col) syntax.push(diagnostic);
    // An unclosed bracket or quote: what the parser reports after it are its effects.
    if (plain.alone) break;
  }
  if (syntax.length > 0) return { diagnostics: rootCause(text, syntax, file) ?? syntax };
  // A repeated key leaves the document readable (the later value counts), so the checks after
  // this one still run and every problem is reported in one round.
  const duplicates = duplicateKeys(doc).map(({ offset, key, first }) => {
    const where = at(offset, `\`${key}\` appears twice in this mapping (first on line ${lineCounter.linePos(first).line}); the later one counts`);
    return key === 'id' ? { ...where, hint: 'if a new level starts here, begin it with `- `' } : where;
  });
  if (doc.contents === null) {
    return { diagnostics: [{ severity: 'error', file, line: 1, col: 1, message: `no ladder found in ${file}: it is empty or only comments`, hint: 'run `ladder init` for a starting point' }] };
  }
  const anchored = anchorPastLimit(doc, text);
  if (anchored !== undefined) {
    const at = lineCounter.linePos(anchored);
    return { diagnostics: [{ severity: 'error', file, line: at.line, col: at.col, message: ANCHORS_PAST_LIMIT, hint: ANCHORS_HINT }] };
  }
  const crossing = aliasPastLimit(doc);
  if (crossing !== undefined) {
    const at = lineCounter.linePos(crossing);
    return { diagnostics: [{ severity: 'error', file, line: at.line, col: at.col, message: `YAML: with its aliases expanded, the document passes ${MAX_EXPANDED_CHARS / 1024 / 1024} MiB at this alias`, hint: 'write the text out where it is needed, or use fewer aliases' }] };
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
  return { parsed: { value, positionOf, keysOf }, diagnostics: duplicates };
}

/** Brackets nested this deep are past any ladder's shape; where they first get there is where a nesting error is reported. */
const DEEP_BRACKETS = 64;

/** The offset of the first `[` or `{` nested DEEP_BRACKETS deep, outside quoted text; undefined if there is none. */
function deepBracket(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      if (char === quote) quote = '';
      else if (char === '\\' && quote === '"') i++;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === DEEP_BRACKETS) return i;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function yamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'YAML: the document is nested too deeply';
  const text = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  return `YAML: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Walks as far down `path` as the document goes and returns the source offset reached. */
/** Keys that repeat a key of the same mapping, with where each is and where it first was, in one pass over the document. */
function duplicateKeys(doc: Document): { offset: number; key: string; first: number }[] {
  const repeats: { offset: number; key: string; first: number }[] = [];
  const pending: unknown[] = [doc.contents];
  for (let node = pending.pop(); pending.length > 0 || node !== undefined; node = pending.pop()) {
    if (isMap(node)) {
      const seen = new Map<string, number>();
      const here: { offset: number; key: string; first: number }[] = [];
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          const offset = pair.key.range?.[0] ?? 0;
          const first = seen.get(key);
          if (first !== undefined) here.push({ offset, key, first });
          else seen.set(key, offset);
        }
        pending.push(pair.value);
      }
      // A repeated `id` is a level run into the one before (a missing `- `); its other keys repeat only because of that.
      const id = here.find((repeat) => repeat.key === 'id');
      pushAll(repeats, id ? [id] : here);
    } else if (isSeq(node)) {
      pushAll(pending, node.items);
    }
  }
  return repeats.sort((a, b) => a.offset - b.offset);
}

/**
 * The one mistake behind the parser's errors, where the lines show a common one: every line that
 * indents with a tab, or a key indented unlike its siblings, a missing colon, `: ` in plain text.
 */
function rootCause(text: string, syntax: Diagnostic[], file: string): Diagnostic[] | undefined {
  const lines = text.split(/\r?\n/);
  const diagnostic = (mistake: Mistake): Diagnostic => ({ severity: 'error', file, ...mistake });
  const tabs = tabMistakes(lines);
  if (tabs.length > 0) return tabs.map(diagnostic);
  const mistake = explainSyntaxError(lines, syntax[0]?.line ?? 1);
  return mistake && [diagnostic(mistake)];
}

/** Each mapping's pairs by key, built the first time a position inside it is asked for, so many lookups stay linear. */
const pairsByKey = new WeakMap<object, Map<string, Pair>>();

function pairOf(node: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(node);
  if (!index) {
    index = new Map();
    // A repeated key's later value is the one that counts, so positions point at it.
    for (const item of node.items) if (isPair(item) && isScalar(item.key)) index.set(String(item.key.value), item);
    pairsByKey.set(node, index);
  }
  return index.get(key);
}

function offsetOf(doc: Document, path: readonly PathSegment[], at: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else if (isMap(node)) {
      const pair = pairOf(node, String(segment));
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
