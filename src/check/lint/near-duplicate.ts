import type { ClauseEntry } from './clauses.js';
import { counted } from './clauses.js';
import type { LintRule, RuleFinding } from './rule.js';

/** MinHash signature length, split into bands of rows: two clauses whose shingles are 70% shared land in one bucket with a chance of 0.9. */
const HASHES = 32;
const ROWS = 4;
const BANDS = HASHES / ROWS;
/** Each clause is verified against this many earlier clauses of a bucket, which keeps the work linear however full a bucket is. */
const COMPARED_PER_BUCKET = 2;
const SHINGLE = 5;

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
    if (clause.normal.split(' ').length < minWords) continue;
    const group = groups.get(clause.normal);
    if (group) group.push(clause);
    else groups.set(clause.normal, [clause]);
  }
  const texts = [...groups.keys()];
  const shingles = texts.map(shingleSet);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  // One map per band, keyed by a hash of the band's rows: numbers, not strings, for 30,000 clauses.
  const bands = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  texts.forEach((_, i) => {
    const signature = minHash(shingles[i] as Uint32Array);
    for (let band = 0; band < BANDS; band += 1) {
      let key = 0x811c9dc5;
      for (let row = band * ROWS; row < band * ROWS + ROWS; row += 1) key = Math.imul(key ^ (signature[row] as number), 0x01000193);
      const buckets = bands[band] as Map<number, number[]>;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      for (let k = Math.max(0, bucket.length - COMPARED_PER_BUCKET); k < bucket.length; k += 1) {
        const j = bucket[k] as number;
        if (find(i) !== find(j) && related(groups.get(texts[i] as string)?.[0], groups.get(texts[j] as string)?.[0]) && jaccard(shingles[i] as Uint32Array, shingles[j] as Uint32Array) >= similarity) parent[find(i)] = find(j);
      }
      bucket.push(i);
    }
  });
  const components = new Map<number, ClauseEntry[]>();
  texts.forEach((text, i) => {
    const root = find(i);
    const members = components.get(root) ?? [];
    members.push(...(groups.get(text) ?? []));
    components.set(root, members);
  });
  const order = new Map(clauses.map((clause, i) => [clause, i]));
  return [...components.values()]
    .filter((members) => members.length > 1 && !oneAxisChain(members))
    .map((members) => members.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    .sort((a, b) => (order.get(a[0] as ClauseEntry) ?? 0) - (order.get(b[0] as ClauseEntry) ?? 0));
}

/** Two clauses worth comparing: not the same axis of one track one level apart, which is a step of the ladder rather than a copy. */
function related(a: ClauseEntry | undefined, b: ClauseEntry | undefined): boolean {
  return !a || !b || a.track !== b.track || a.axis !== b.axis || Math.abs(a.index - b.index) !== 1;
}

/** One text copied up a track's levels on one axis, once each: `restated` reports that. */
function oneAxisChain(members: ClauseEntry[]): boolean {
  const [first] = members;
  if (!first || members.some((member) => member.normal !== first.normal || member.track !== first.track || member.axis !== first.axis)) return false;
  return new Set(members.map((member) => member.index)).size === members.length;
}

/** The text's five-letter shingles, hashed (FNV-1a), sorted and without repeats. */
function shingleSet(text: string): Uint32Array {
  const padded = ` ${text} `;
  const count = Math.max(1, padded.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    let hash = 0x811c9dc5;
    const end = Math.min(padded.length, i + SHINGLE);
    for (let c = i; c < end; c += 1) hash = Math.imul(hash ^ padded.charCodeAt(c), 0x01000193);
    hashes[i] = hash >>> 0;
  }
  // Sorted in place and the repeats dropped: no Set to build and copy at start-up, before the loop is compiled.
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < count; i += 1) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i] as number;
  return hashes.subarray(0, distinct);
}

/** Per hash function, a seed to mix each shingle's hash with: fixed, so that output never varies. */
const SEEDS = Array.from({ length: HASHES }, (_, k) => (Math.imul(k + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);

function minHash(shingles: Uint32Array): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < HASHES; k += 1) {
      // A murmur-style finaliser of the shingle mixed with the seed: one permutation per seed.
      let h = (shingle ^ (SEEDS[k] as number)) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < (signature[k] as number)) signature[k] = h;
    }
  }
  return signature;
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if ((a[i] as number) < (b[j] as number)) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}
