import { diffWords } from 'diff';
import type { Ladder, Level } from '../model/model.js';
import { LadderError } from '../errors.js';
import { matchName } from '../model/match.js';
import { quoteList } from '../model/names.js';
import { pairSimilar } from './pairing.js';
import { equivalentOf, levelRef, qualifiedTitle } from './views.js';
import type { LevelRef } from './views.js';

export interface WordPart {
  kind: 'unchanged' | 'added' | 'removed';
  text: string;
}

export type ClauseChange =
  | { kind: 'unchanged'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; from: string; to: string; words: WordPart[] };

export interface SectionDiff {
  /** An axis name, or `Description` for the levels' free text. */
  name: string;
  /** `added` / `removed`: the section exists on one side only. */
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  clauses: ClauseChange[];
  /** Present when the section was too large to compare every clause with every other (see pairing.ts). */
  note?: string;
}

export interface DiffSummary {
  sections: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

/** A level as a diff names it: with its labelled equivalent, its grade, and a title that says which track where two tracks share it. */
export type DiffSide = LevelRef & { equivalent: LevelRef | null; grade: string | null; heading: string };

export interface LevelDiff {
  /**
   * `promotion`: two levels of one track (a clause the second does not repeat is `not restated`);
   * `comparison`: levels of two tracks (a clause is only in one of them); `versions`: one level
   * in two versions of a file (a clause is removed).
   */
  kind: 'promotion' | 'comparison' | 'versions';
  from: DiffSide;
  to: DiffSide;
  sections: SectionDiff[];
  summary: DiffSummary;
}

/** The diff of only the named sections (axes, or `Description`), its summary counting only them. */
export function keepSections(diff: LevelDiff, names: string[]): LevelDiff {
  const sections = diff.sections.filter((section) => names.includes(section.name));
  const summary: DiffSummary = { sections: sections.length, added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const section of sections) for (const clause of section.clauses) summary[clause.kind] += 1;
  return { ...diff, sections, summary };
}

/** The sections of a diff that `queries` name (by name or abbreviation, as `--axis` takes them); an error for one that names none. */
export function sectionsNamed(diff: LevelDiff, queries: string[]): string[] {
  const entries = diff.sections.map((section) => ({ item: section.name, ids: [], names: [section.name] }));
  return queries.map((query) => {
    const result = matchName(entries, query);
    if (result.kind === 'one') return result.item;
    const names = diff.sections.map((section) => section.name);
    if (result.kind === 'many') throw new LadderError('ambiguous', `\`${query}\` matches several axes: ${quoteList(result.items)}`);
    throw new LadderError('not-found', `neither \`${diff.from.id}\` nor \`${diff.to.id}\` has an axis matching \`${query}\``, { hint: `their axes are ${quoteList(names, 'and')}` });
  });
}

/** The diff with only clauses of the given kinds, and only the sections that still have some; the summary is kept. */
export function keepClauses(diff: LevelDiff, kinds: ClauseChange['kind'][]): LevelDiff {
  const sections = diff.sections.map((section) => ({ ...section, clauses: section.clauses.filter((clause) => kinds.includes(clause.kind)) }));
  return { ...diff, sections: sections.filter((section) => section.clauses.length > 0) };
}

/** Two clauses at least this similar (Dice coefficient over words) are one clause that changed. */
export const PAIRING_THRESHOLD = 0.5;

/**
 * A word diff that would need more edits than this (a long clause rewritten, or its words
 * shuffled) is shown as the whole clause replaced: the diff's work grows with its edit length.
 */
const MAX_WORD_EDITS = 400;

const DESCRIPTION = 'Description';

/**
 * What changes from one level to another, section by section and clause by clause. `toLadder` is
 * the ladder `to` belongs to, when it is not `ladder` (comparing two versions of a file).
 */
export function diffLevels(ladder: Ladder, from: Level, to: Level, toLadder: Ladder = ladder): LevelDiff {
  const sections = sectionPairs(from, to).map(({ name, before, after }) => diffSection(name, before, after));
  const summary: DiffSummary = { sections: sections.length, added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const section of sections) for (const clause of section.clauses) summary[clause.kind] += 1;
  const side = (owner: Ladder, level: Level): DiffSide => {
    const equivalent = equivalentOf(owner, level);
    return { ...levelRef(owner, level), equivalent: equivalent ? levelRef(owner, equivalent) : null, grade: level.grade ?? null, heading: qualifiedTitle(owner, level) };
  };
  const kind = toLadder !== ladder ? 'versions' : from.trackId !== to.trackId ? 'comparison' : 'promotion';
  return { kind, from: side(ladder, from), to: side(toLadder, to), sections, summary };
}

interface SectionPair {
  name: string;
  before?: string[];
  after?: string[];
}

/** A level's sections as diff compares them, in the level's order: its description's sentences (if any), then each axis's clauses. */
export function sectionsOf(level: Level): { name: string; clauses: string[] }[] {
  return [...(level.description ? [{ name: DESCRIPTION, clauses: sentences(level.description) ?? [] }] : []), ...level.axes.map((axis) => ({ name: axis.name, clauses: axis.clauses }))];
}

/** The description first (when either level has one), then the union of both levels' axes, `from`'s order first. */
function sectionPairs(from: Level, to: Level): SectionPair[] {
  const pairs: SectionPair[] = [];
  if (from.description || to.description) {
    pairs.push({ name: DESCRIPTION, before: sentences(from.description), after: sentences(to.description) });
  }
  const key = (name: string) => name.trim().toLowerCase();
  const toAxes = new Map(to.axes.map((axis) => [key(axis.name), axis]));
  const seen = new Set<string>();
  for (const axis of from.axes) {
    seen.add(key(axis.name));
    pairs.push({ name: axis.name, before: axis.clauses, after: toAxes.get(key(axis.name))?.clauses });
  }
  for (const axis of to.axes) if (!seen.has(key(axis.name))) pairs.push({ name: axis.name, after: axis.clauses });
  return pairs;
}

function sentences(text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function diffSection(name: string, before: string[] | undefined, after: string[] | undefined): SectionDiff {
  const { changes: clauses, exhaustive } = pairClauses(before ?? [], after ?? []);
  let kind: SectionDiff['kind'];
  if (before === undefined) kind = 'added';
  else if (after === undefined) kind = 'removed';
  else kind = clauses.every((clause) => clause.kind === 'unchanged') ? 'unchanged' : 'changed';
  const note = exhaustive ? {} : { note: `${before?.length ?? 0} × ${after?.length ?? 0} clauses: only clauses that share an uncommon word were compared` };
  return { name, kind, clauses, ...note };
}

/**
 * Pairs each old clause with its most similar new clause (greedily, best pair first), then lists
 * the result in reading order: each old clause where it stood, with new clauses that have no
 * partner placed just before the next pair that follows them.
 */
export function pairClauses(before: string[], after: string[]): { changes: ClauseChange[]; exhaustive: boolean } {
  const { pairs: partnerOf, exhaustive } = pairSimilar(before, after, PAIRING_THRESHOLD);
  const taken = new Set(partnerOf.values());
  const changes: ClauseChange[] = [];
  let next = 0;
  const addUnpairedBefore = (limit: number) => {
    for (; next < limit; next += 1) if (!taken.has(next)) changes.push({ kind: 'added', text: after[next] as string });
  };
  before.forEach((text, i) => {
    const j = partnerOf.get(i);
    if (j === undefined) {
      changes.push({ kind: 'removed', text });
      return;
    }
    addUnpairedBefore(j);
    next = Math.max(next, j + 1);
    changes.push(compareClauses(text, after[j] as string));
  });
  addUnpairedBefore(after.length);
  return { changes, exhaustive };
}

/** Two paired clauses; a changed pair's word diff is made when first read (a checklist reads none). */
function compareClauses(from: string, to: string): ClauseChange {
  if (from === to) return { kind: 'unchanged', text: to };
  let words: WordPart[] | undefined;
  return {
    kind: 'changed',
    from,
    to,
    get words() {
      return (words ??= wordDiff(from, to));
    },
  };
}

function wordDiff(from: string, to: string): WordPart[] {
  const parts = diffWords(from, to, { maxEditLength: MAX_WORD_EDITS });
  return parts
    ? parts.map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'unchanged', text: part.value }))
    : [
        { kind: 'removed', text: from },
        { kind: 'added', text: to },
      ];
}
