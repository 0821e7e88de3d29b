/**
 * Locality-sensitive hashing of short texts: each text's five-letter shingles, their MinHash
 * signatures split into bands, and, band by band, the texts that share a bucket. Everything lives
 * in typed arrays, one for all texts: on 30,000 clauses, a typed array per text, boxed numbers
 * above 2^31 and a Map of arrays per band were most of the time `near-duplicate` took.
 */

/** MinHash signature length, split into bands of rows: two texts whose shingles are 70% shared land in one bucket with a chance of 0.9. */
const HASHES = 32;
const ROWS = 4;
const BANDS = HASHES / ROWS;
/** Each text is paired with this many earlier texts of a bucket, which keeps the work linear however full a bucket is. */
const PAIRED_PER_BUCKET = 2;
const SHINGLE = 5;

/** Each text's shingles, hashed (FNV-1a), sorted and without repeats, packed one text after another. */
export class Shingles {
  private constructor(
    readonly hashes: Uint32Array,
    /** Text i's shingles are hashes[starts[i]] up to hashes[starts[i + 1]]. */
    readonly starts: Int32Array,
  ) {}

  static of(texts: string[]): Shingles {
    let total = 0;
    for (const text of texts) total += Math.max(1, text.length + 2 - SHINGLE + 1);
    const hashes = new Uint32Array(total);
    const starts = new Int32Array(texts.length + 1);
    let end = 0;
    texts.forEach((text, t) => {
      const padded = ` ${text} `;
      const count = Math.max(1, padded.length - SHINGLE + 1);
      const from = end;
      for (let i = 0; i < count; i += 1) {
        let hash = 0x811c9dc5;
        const last = Math.min(padded.length, i + SHINGLE);
        for (let c = i; c < last; c += 1) hash = Math.imul(hash ^ padded.charCodeAt(c), 0x01000193);
        hashes[from + i] = hash >>> 0;
      }
      // Sorted in place, then packed without repeats.
      hashes.subarray(from, from + count).sort();
      for (let i = from; i < from + count; i += 1) if (i === from || hashes[i] !== hashes[end - 1]) hashes[end++] = hashes[i] as number;
      starts[t + 1] = end;
    });
    return new Shingles(hashes, starts);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** The share of their shingles two texts have in common (Jaccard similarity). */
  jaccard(a: number, b: number): number {
    const { hashes, starts } = this;
    let i = starts[a] as number;
    let j = starts[b] as number;
    const endA = starts[a + 1] as number;
    const endB = starts[b + 1] as number;
    const size = endA - i + endB - j;
    let shared = 0;
    while (i < endA && j < endB) {
      const x = hashes[i] as number;
      const y = hashes[j] as number;
      if (x === y) {
        shared += 1;
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
    return shared / (size - shared);
  }
}

/**
 * Calls `pair(i, j)` for each text i and the latest earlier texts j that share one of its buckets
 * (a pair may come once per band it shares). Bands are visited one after another, so one table
 * serves them all.
 */
export function forEachCandidate(shingles: Shingles, pair: (i: number, j: number) => void): void {
  const count = shingles.count;
  const signatures = new Uint32Array(count * HASHES);
  for (let i = 0; i < count; i += 1) minHash(shingles, i, signatures, i * HASHES);
  const table = new BucketTable(count);
  for (let band = 0; band < BANDS; band += 1) {
    table.clear();
    for (let i = 0; i < count; i += 1) {
      let key = 0x811c9dc5;
      for (let row = band * ROWS; row < band * ROWS + ROWS; row += 1) key = Math.imul(key ^ (signatures[i * HASHES + row] as number), 0x01000193);
      const slot = table.slotOf(key);
      for (let k = 0; k < PAIRED_PER_BUCKET; k += 1) {
        const j = table.latest(slot, k);
        if (j >= 0) pair(i, j);
      }
      table.add(slot, i);
    }
  }
}

/** Per hash function, a seed to mix each shingle's hash with: fixed, so that output never varies. */
const SEEDS = Int32Array.from({ length: HASHES }, (_, k) => Math.imul(k + 1, 0x9e3779b1) ^ 0x5bd1e995);

/** Text i's MinHash signature, the least of each seed's hashes over its shingles, written at `to`. */
function minHash(shingles: Shingles, text: number, signatures: Uint32Array, to: number): void {
  const { hashes, starts } = shingles;
  signatures.fill(0xffffffff, to, to + HASHES);
  const end = starts[text + 1] as number;
  for (let s = starts[text] as number; s < end; s += 1) {
    const shingle = (hashes[s] as number) | 0;
    for (let k = 0; k < HASHES; k += 1) {
      // A murmur-style finaliser of the shingle mixed with the seed: one permutation per seed.
      let h = shingle ^ (SEEDS[k] as number);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < (signatures[to + k] as number)) signatures[to + k] = h;
    }
  }
}

/** An open-addressing hash table from a band's key to the latest texts that had it. */
class BucketTable {
  private readonly mask: number;
  private readonly keys: Int32Array;
  /** The latest PAIRED_PER_BUCKET texts of each slot, the latest first; -1 where there are fewer (and in a free slot). */
  private readonly texts: Int32Array;

  constructor(count: number) {
    let size = 2;
    while (size < count * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.texts = new Int32Array(size * PAIRED_PER_BUCKET);
  }

  clear(): void {
    this.texts.fill(-1);
  }

  /** The slot of a key, claimed for it if it is new. */
  slotOf(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.texts[slot * PAIRED_PER_BUCKET] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    return slot;
  }

  /** The k-th latest text of a slot, or -1. */
  latest(slot: number, k: number): number {
    return this.texts[slot * PAIRED_PER_BUCKET + k] as number;
  }

  add(slot: number, text: number): void {
    const at = slot * PAIRED_PER_BUCKET;
    // Shifted by hand: copyWithin is a call into the runtime, made once per text and band.
    for (let k = at + PAIRED_PER_BUCKET - 1; k > at; k -= 1) this.texts[k] = this.texts[k - 1] as number;
    this.texts[at] = text;
  }
}
