import { CORE_SCHEMA, load } from 'js-yaml';
import type { State } from 'js-yaml';
import type { Position } from './parse-yaml.js';

/** Anchors a ladder file may define: a real one shares a few texts, and each is a step of work for either parser. */
export const MAX_ANCHORS = 1000;
/**
 * Entries (keys and values, or items) one mapping or list may hold. Only a file of over 2 MB can
 * hold so many, and js-yaml reads every such file (the parser that keeps positions never does),
 * so the limit is kept here: one flow mapping of 1.4 million axes took 19 s and 1 GB to validate,
 * and is refused a third of the way into reading it.
 */
export const MAX_ENTRIES = 1_000_000;

/** A limit that a document passes, found while js-yaml reads it. */
export class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly position: Position,
    readonly hint: string,
  ) {
    super(message);
  }
}

export const ANCHORS_PAST_LIMIT = `YAML: the document defines more than ${MAX_ANCHORS.toLocaleString('en')} anchors`;
export const ANCHORS_HINT = 'write the text out where it is needed, or use fewer anchors';

/** What js-yaml's reader holds as it reads a node: its anchor is set by the time the node closes. */
type ReaderState = State & { anchor: string | null };

/**
 * Ladder text read by js-yaml (YAML 1.2's core schema), stopped with a YamlLimitError at the node
 * that passes MAX_ANCHORS or MAX_ENTRIES, so a file built to be slow is refused as it is read.
 */
export function loadBounded(text: string): unknown {
  const entries: number[] = [];
  /** Where each open node starts: a node's anchor is known when it closes, and reported where it began. */
  const starts: { offset: number; position: Position }[] = [];
  let anchors = 0;
  // A node js-yaml reads twice (to see whether a key begins a mapping) closes twice: it counts once.
  let lastAnchored = -1;
  const at = (state: ReaderState): Position => ({ line: state.line + 1, col: state.position - state.lineStart + 1 });
  return load(text, {
    schema: CORE_SCHEMA,
    listener(event, reader) {
      const state = reader as ReaderState;
      if (event === 'open') {
        const last = entries.length - 1;
        if (last >= 0 && ++(entries[last] as number) > MAX_ENTRIES) {
          throw new YamlLimitError(`YAML: a mapping or list here holds more than ${MAX_ENTRIES.toLocaleString('en')} keys, values and items`, at(state), 'a ladder holds thousands of entries at most; split the file');
        }
        entries.push(0);
        starts.push({ offset: state.position, position: at(state) });
        return;
      }
      entries.pop();
      const start = starts.pop() as (typeof starts)[number];
      if (state.anchor === null || start.offset <= lastAnchored) return;
      lastAnchored = start.offset;
      if (++anchors > MAX_ANCHORS) throw new YamlLimitError(ANCHORS_PAST_LIMIT, start.position, ANCHORS_HINT);
    },
  });
}
