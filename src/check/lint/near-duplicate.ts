import type { ClauseEntry } from './clauses.js';
import { counted } from './clauses.js';
import { Shingles, forEachCandidate } from './minhash.js';
import type { LintRule, RuleFinding } from './rule.js';

/**
 * `near-duplicate`: clauses that are nearly the same text anywhere in the ladder (one level, two
 * levels, two tracks), clustered. Clauses are compared by their five-letter shingles: MinHash
 * signatures put likely pairs in the same bucket (locality-sensitive hashing), and only those are
 * compared, so the rule stays near-linear in the number of clauses. Copies on the same track and
 * axis one level apart are left to `restated` and to `diff`, which shows such a step as a change.
 */
export const nearDuplicate: LintRule = {
  family: 'near-duplicate',
  rules: [
    {
      id: 'near-duplicate',
      name: 'NearDuplicateClauses',
      short: 'Clauses that are nearly the same text, in different places of the ladder.',
      full: 'A cluster of clauses whose wording is nearly the same (by default, 70% of their five-letter shingles shared), anywhere in the ladder: within a level, across levels, across tracks. Each finding lists every member of the cluster with its place.',
      help: 'Keep one wording where the expectation is the same, or make the difference between them explicit.',
    },
  ],
  run({ clauses, settings }) {
    const options = settings('near-duplicate');
    if (!options) return [];
    return clusters(clauses, options.similarity ?? 0.7, options.minWords ?? 4).map((members): RuleFinding => {
      const [first] = members as [ClauseEntry, ...ClauseEntry[]];
      return {
        rule: 'near-duplicate',
        level: first.level,
        axis: first.axis,
        text: first.text,
        message: `${counted(members.length, 'clause')} nearly alike, in ${counted(new Set(members.map((member) => member.level)).size, 'level')}`,
        place: { path: first.path, find: first.text },
        members: members.map((member) => ({ level: member.level.id, axis: member.axis, text: member.text, place: { path: member.path, find: member.text } })),
      };
    });
  },
};

/** Clusters of two or more clauses, each in ladder order, the clusters in the order of their first member. */
export function clusters(clauses: ClauseEntry[], similarity: number, minWords: number): ClauseEntry[][] {
  // Identical texts are one entry: a clause copied a thousand times is compared once.
  const groups = new Map<string, ClauseEntry[]>();
  for (const clause of clauses) {
    if (wordCount(clause.normal) < minWords) continue;
    const group = groups.get(clause.normal);
    if (group) group.push(clause);
    else groups.set(clause.normal, [clause]);
  }
  const copies = [...groups.values()];
  const shingles = Shingles.of([...groups.keys()]);
  const places = copies.map(placesOf);
  const parent = Int32Array.from(copies, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  // Components do not depend on the order pairs are joined in, nor on pairs already joined.
  forEachCandidate(shingles, (i, j) => {
    if (find(i) !== find(j) && related(places[i], places[j]) && shingles.jaccard(i, j) >= similarity) parent[find(i)] = find(j);
  });
  const components = new Map<number, ClauseEntry[]>();
  copies.forEach((copy, i) => {
    const root = find(i);
    const component = components.get(root);
    if (component) component.push(...copy);
    else components.set(root, [...copy]);
  });
  const order = new Map(clauses.map((clause, i) => [clause, i]));
  return [...components.values()]
    .filter((component) => component.length > 1 && !oneAxisChain(component))
    .map((component) => component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    .sort((a, b) => (order.get(a[0] as ClauseEntry) ?? 0) - (order.get(b[0] as ClauseEntry) ?? 0));
}

/** The words of a normalised clause (one space between words), counted without splitting it. */
function wordCount(normal: string): number {
  if (!normal) return 0;
  let count = 1;
  for (let at = normal.indexOf(' '); at >= 0; at = normal.indexOf(' ', at + 1)) count += 1;
  return count;
}

/**
 * Where the copies of one text are, as far as `related` needs to know: every place when they are
 * on one axis of one track at no more than two levels, otherwise nothing (they are anywhere).
 */
interface Places {
  track: number;
  axis: string;
  indexes: number[];
}

function placesOf(copies: ClauseEntry[]): Places | undefined {
  const [first] = copies;
  if (!first) return undefined;
  const indexes = new Set<number>();
  for (const copy of copies) {
    if (copy.track !== first.track || copy.axis !== first.axis) return undefined;
    indexes.add(copy.index);
    // Of three levels or more, one is not next to a given level.
    if (indexes.size > 2) return undefined;
  }
  return { track: first.track, axis: first.axis, indexes: [...indexes] };
}

/**
 * Two texts worth comparing: some copy of one is not on the same axis of the same track one level
 * from some copy of the other, which would be a step of the ladder rather than a copy. Every copy
 * counts: a text copied into another discipline is compared there, wherever its first copy is.
 */
function related(a: Places | undefined, b: Places | undefined): boolean {
  if (!a || !b || a.track !== b.track || a.axis !== b.axis) return true;
  return a.indexes.some((x) => b.indexes.some((y) => Math.abs(x - y) !== 1));
}

/** One text copied up a track's levels on one axis, once each: `restated` reports that. */
function oneAxisChain(members: ClauseEntry[]): boolean {
  const [first] = members;
  if (!first || members.some((member) => member.normal !== first.normal || member.track !== first.track || member.axis !== first.axis)) return false;
  return new Set(members.map((member) => member.index)).size === members.length;
}
