import { minOf } from '../lists.js';
/**
 * Which levels are peers across tracks. A level that names equivalents is the peer of those
 * levels; a level that names none is the peer of the other such levels on its grade. Peers of
 * peers are peers, so the levels fall into groups, one row each of the equivalence grid. The same
 * code serves the checks (on the file's raw levels) and the model (on its levels).
 */
export interface PeerLevel {
  id: string;
  /** Index of the level's track in the ladder. */
  track: number;
  /** 1-based position on its track. */
  position: number;
  grade?: string;
  equivalents: readonly string[];
}

export interface PeerGroups<L extends PeerLevel> {
  /** Each group's members in track order; groups ordered so that every track reads upwards. */
  groups: L[][];
  /** The groups no order can satisfy (equivalents that cycle through three or more tracks), after the ordered ones. */
  unordered: L[][];
}

/** The groups of peers, ordered (see orderGroups). */
export function peerGroups<L extends PeerLevel>(levels: readonly L[], grades: readonly string[] = []): PeerGroups<L> {
  return orderGroups(levels, groupPeers(levels), grades);
}

/**
 * The groups of peers in no particular order, each a list of indexes into `levels`, in track
 * order: union-find, in linear time.
 */
export function groupPeers(levels: readonly PeerLevel[]): number[][] {
  const indexById = new Map<string, number>();
  levels.forEach((level, i) => {
    if (!indexById.has(level.id)) indexById.set(level.id, i);
  });
  const parent = levels.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };

  // A level another names is that level's peer, whether or not it names it back: it does not join its grade's group too.
  const named = new Set(levels.flatMap((level) => level.equivalents));
  const firstOfGrade = new Map<string, number>();
  levels.forEach((level, i) => {
    if (level.equivalents.length > 0 || named.has(level.id)) {
      for (const id of level.equivalents) {
        const target = indexById.get(id);
        if (target !== undefined && levels[target]?.track !== level.track) union(i, target);
      }
    } else if (level.grade !== undefined) {
      const first = firstOfGrade.get(level.grade);
      if (first === undefined) firstOfGrade.set(level.grade, i);
      else union(i, first);
    }
  });

  const byRoot = new Map<number, number[]>();
  levels.forEach((_, i) => {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  });
  const at = (i: number) => levels[i] as PeerLevel;
  return [...byRoot.values()].map((members) => members.sort((a, b) => at(a).track - at(b).track || at(a).position - at(b).position));
}

/**
 * Orders the groups so that on every track each level's group comes after the group of the level
 * below it (a topological order), preferring the lowest grade, then the first track's lowest level.
 */
export function orderGroups<L extends PeerLevel>(levels: readonly L[], groups: number[][], grades: readonly string[]): PeerGroups<L> {
  const groupOf = new Int32Array(levels.length);
  groups.forEach((members, g) => members.forEach((i) => (groupOf[i] = g)));
  const after: number[][] = groups.map(() => []);
  const waitingFor = new Int32Array(groups.length);
  levels.forEach((level, i) => {
    const next = levels[i + 1];
    if (!next || next.track !== level.track) return;
    const from = groupOf[i] as number;
    const to = groupOf[i + 1] as number;
    if (from === to) return;
    after[from]?.push(to);
    waitingFor[to] = (waitingFor[to] as number) + 1;
  });
  const gradeRank = new Map(grades.map((grade, rank) => [grade, rank]));
  const key = (g: number): [number, number, number] => {
    const first = levels[(groups[g] as number[])[0] as number] as L;
    const ranks = (groups[g] as number[]).map((i) => gradeRank.get(levels[i]?.grade ?? '') ?? Infinity);
    return [minOf(ranks), first.track, first.position];
  };
  const keys = groups.map((_, g) => key(g));
  const ready = new MinHeap<number>((a, b) => compareKeys(keys[a] as number[], keys[b] as number[]));
  groups.forEach((_, g) => {
    if (waitingFor[g] === 0) ready.push(g);
  });
  const ordered: L[][] = [];
  const placed = new Uint8Array(groups.length);
  for (let g = ready.pop(); g !== undefined; g = ready.pop()) {
    placed[g] = 1;
    ordered.push((groups[g] as number[]).map((i) => levels[i] as L));
    for (const next of after[g] as number[]) {
      waitingFor[next] = (waitingFor[next] as number) - 1;
      if (waitingFor[next] === 0) ready.push(next);
    }
  }
  const unordered = groups.filter((_, g) => !placed[g]).map((members) => members.map((i) => levels[i] as L));
  return { groups: ordered, unordered };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return 0;
}

/** A binary heap: the order takes n log n however the groups are keyed. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (this.compare(items[i] as T, items[up] as T) >= 0) break;
      [items[i], items[up]] = [items[up] as T, items[i] as T];
      i = up;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && this.compare(items[left] as T, items[least] as T) < 0) least = left;
      if (right < items.length && this.compare(items[right] as T, items[least] as T) < 0) least = right;
      if (least === i) break;
      [items[i], items[least]] = [items[least] as T, items[i] as T];
      i = least;
    }
    return top;
  }
}
