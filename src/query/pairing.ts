/**
 * Finding which texts of one list are versions of which texts of another: clauses between two
 * levels, titles between two versions of a ladder. Similarity is the Dice coefficient over words.
 *
 * Two short lists are compared pair by pair. Past ALL_PAIRS (thousands of clauses, say), only
 * pairs that share a word fewer than RARE_WORD texts hold are compared: that keeps the work
 * linear in the input, and is reported (`exhaustive: false`) so the caller can say that pairs
 * sharing only common words may show as one text removed and another added.
 */
const ALL_PAIRS = 40_000;
const RARE_WORD = 64;

/** A text's words, lower-cased, with a plural `s` dropped so `participate` meets `participates`, and their counts. */
interface Bag {
  size: number;
  counts: Map<string, number>;
}

function bagOf(text: string): Bag {
  const counts = new Map<string, number>();
  let size = 0;
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const word = raw.length > 3 && raw.endsWith('s') ? raw.slice(0, -1) : raw;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    size += 1;
  }
  return { size, counts };
}

function dice(left: Bag, right: Bag): number {
  if (left.size + right.size === 0) return 1;
  let shared = 0;
  const [small, large] = left.counts.size <= right.counts.size ? [left, right] : [right, left];
  for (const [word, count] of small.counts) shared += Math.min(count, large.counts.get(word) ?? 0);
  return (2 * shared) / (left.size + right.size);
}

/** Dice coefficient over word multisets. */
export function similarity(a: string, b: string): number {
  return dice(bagOf(a), bagOf(b));
}

export interface Pair {
  i: number;
  j: number;
  score: number;
}

/**
 * Each text of `left` with the text of `right` it is most like (at least `threshold`), each
 * used once, best pairs first. Ties go by keys that do not depend on which list is which, so
 * pairing b with a gives the same pairs as a with b.
 */
export function pairSimilar(left: string[], right: string[], threshold: number): { pairs: Map<number, number>; exhaustive: boolean } {
  const leftBags = left.map(bagOf);
  const rightBags = right.map(bagOf);
  const exhaustive = left.length * right.length <= ALL_PAIRS;
  const candidates: Pair[] = [];
  const consider = (i: number, j: number) => {
    const score = dice(leftBags[i] as Bag, rightBags[j] as Bag);
    if (score >= threshold) candidates.push({ i, j, score });
  };
  if (exhaustive) {
    for (let i = 0; i < left.length; i += 1) for (let j = 0; j < right.length; j += 1) consider(i, j);
  } else {
    const holders = new Map<string, number[]>();
    rightBags.forEach((bag, j) => {
      for (const word of bag.counts.keys()) {
        const list = holders.get(word) ?? [];
        if (list.length <= RARE_WORD) list.push(j);
        holders.set(word, list);
      }
    });
    leftBags.forEach((bag, i) => {
      const seen = new Set<number>();
      for (const word of bag.counts.keys()) {
        const list = holders.get(word);
        if (!list || list.length > RARE_WORD) continue;
        for (const j of list) {
          if (seen.has(j)) continue;
          seen.add(j);
          consider(i, j);
        }
      }
    });
  }
  const texts = ({ i, j }: Pair) => [left[i] as string, right[j] as string].sort().join('\u0000');
  candidates.sort((x, y) => y.score - x.score || x.i + x.j - (y.i + y.j) || Math.min(x.i, x.j) - Math.min(y.i, y.j) || texts(x).localeCompare(texts(y)));
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of candidates) {
    if (pairs.has(i) || taken.has(j)) continue;
    pairs.set(i, j);
    taken.add(j);
  }
  return { pairs, exhaustive };
}
