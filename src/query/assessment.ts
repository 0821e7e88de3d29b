import type { Ladder, Level } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { RATINGS } from '../model/assessment.js';
import type { AssessedExpectation, Assessment, Rating } from '../model/assessment.js';
import { checklist } from './checklist.js';
import { PAIRING_THRESHOLD, sectionsOf } from './diff.js';
import { pairSimilar } from './pairing.js';
import { headedRef } from './views.js';
import type { HeadedRef } from './views.js';

/** An expectation is met when rated this or higher. */
export const THRESHOLD: Rating = 'consistently';

/** Whether a rating meets the threshold (an unrated expectation does not). */
export const isMet = (rating: Rating | null | undefined): boolean => rating != null && RATINGS.indexOf(rating) >= RATINGS.indexOf(THRESHOLD);

/**
 * The target's expectations in ladder order, each marked when it is new or changed since the
 * current level (what checklist --from lists, found by one diff).
 */
export function expectationsOf(ladder: Ladder, level: Level, target: Level): AssessedExpectation[] {
  const change = new Map(checklist(ladder, target, level).sections.flatMap((section) => section.items.map((item) => [`${section.name}\u0000${item.text}`, item.change] as const)));
  return sectionsOf(target).flatMap((section) =>
    section.clauses.map((clause) => {
      const kind = change.get(`${section.name}\u0000${clause}`);
      return { axis: section.name, expectation: clause, new: kind === 'new', ...(kind === 'changed' ? { changed: true } : {}) };
    }),
  );
}

/**
 * Why a target does not lie ahead of the current level, or undefined when it does (or when the two
 * are on tracks with no peer to compare by): the same level, a level below, or one at the same height.
 */
export function targetNotAhead(level: Level, target: Level): string | undefined {
  if (level === target) return 'is the current level';
  const mine = target.trackId === level.trackId ? level : level.group.find((peer) => peer.trackId === target.trackId);
  if (!mine) return undefined;
  if (mine === target) return 'is a peer of the current level, at the same height';
  return target.position < mine.position ? 'is below the current level' : undefined;
}

/** The assessment against the ladder as it is now: each current expectation with what the file says of it. */
export interface Review {
  level: HeadedRef;
  target: HeadedRef;
  /** Whose assessment it is, when, and who reviews it, as the file says (null when it does not). */
  name: string | null;
  date: string | null;
  reviewer: string | null;
  /** The ladder changed since the file was written or last updated. */
  ladderChanged: boolean;
  /** This run rewrote the file to match the ladder (`--update`). */
  updated: boolean;
  expectations: (AssessedExpectation & { rating: Rating | null; evidence: NonNullable<AssessedExpectation['evidence']>; reworded?: string })[];
  /** In the file, but no longer in the ladder: kept with their ratings and evidence. */
  removed: AssessedExpectation[];
  /** In the ladder, not yet in the file. */
  added: number;
  axes: { name: string; total: number; met: number; counts: Record<Rating | 'unrated', number> }[];
  /** Rated below the threshold or not at all, or without evidence. */
  gaps: { notMet: number; withoutEvidence: number };
  met: boolean;
}

const key = (text: string) => normalizeName(text);

/** The ladder's current expectations, the file's (its `removed` after its `expectations`), and which file entry each current one takes its rating from. */
export interface FileMatch {
  current: AssessedExpectation[];
  old: AssessedExpectation[];
  /** Current expectation's index → the file entry's index in `old`. */
  match: Map<number, number>;
}

/**
 * Puts the file's ratings and evidence on the ladder's current expectations, matched by text, not
 * position: the same text (under any axis) first, then the most similar text by diff's pairing,
 * so a reworded expectation keeps its rating and evidence. What matches nothing is removed.
 */
export function matchToFile(ladder: Ladder, level: Level, target: Level, assessment: Assessment): FileMatch {
  const current = expectationsOf(ladder, level, target);
  const old = [...assessment.expectations, ...(assessment.removed ?? [])];
  const match = new Map<number, number>();
  const taken = new Set<number>();
  // The file's expectations by text, and by axis and text: each list is used up from the front.
  type Queue = { items: number[]; next: number };
  const byText = new Map<string, Queue>();
  const byAxisText = new Map<string, Queue>();
  const add = (index: Map<string, Queue>, name: string, i: number) => {
    const queue = index.get(name);
    if (queue) queue.items.push(i);
    else index.set(name, { items: [i], next: 0 });
  };
  old.forEach((entry, i) => {
    add(byText, key(entry.expectation), i);
    add(byAxisText, `${entry.axis}\u0000${key(entry.expectation)}`, i);
  });
  const firstFree = (queue: Queue | undefined) => {
    while (queue && queue.next < queue.items.length && taken.has(queue.items[queue.next] as number)) queue.next += 1;
    return queue?.items[queue.next];
  };
  current.forEach((entry, c) => {
    const i = firstFree(byAxisText.get(`${entry.axis}\u0000${key(entry.expectation)}`)) ?? firstFree(byText.get(key(entry.expectation)));
    if (i === undefined) return;
    match.set(c, i);
    taken.add(i);
  });
  const openCurrent = current.map((_, c) => c).filter((c) => !match.has(c));
  const openOld = old.map((_, i) => i).filter((i) => !taken.has(i));
  const { pairs } = pairSimilar(
    openOld.map((i) => old[i]?.expectation ?? ''),
    openCurrent.map((c) => current[c]?.expectation ?? ''),
    PAIRING_THRESHOLD,
  );
  for (const [o, c] of pairs) {
    match.set(openCurrent[c] as number, openOld[o] as number);
    taken.add(openOld[o] as number);
  }
  return { current, old, match };
}

/** The assessment against the ladder as it is now (see matchToFile for how the file's entries are found). */
export function review(ladder: Ladder, level: Level, target: Level, assessment: Assessment, fingerprint: string, matched = matchToFile(ladder, level, target, assessment)): Review {
  const { current, old, match } = matched;
  const taken = new Set(match.values());
  const expectations = current.map((entry, c) => {
    const from = match.has(c) ? old[match.get(c) as number] : undefined;
    const reworded = from && key(from.expectation) !== key(entry.expectation) ? from.expectation : undefined;
    return { ...entry, rating: from?.rating ?? null, evidence: from?.evidence ?? [], ...(reworded ? { reworded } : {}) };
  });
  // A removed expectation is no longer new or not; it keeps its rating and evidence.
  const removed = old.filter((_, i) => !taken.has(i)).map(({ axis, expectation, rating, evidence }): AssessedExpectation => ({ axis, expectation, ...(rating !== undefined ? { rating } : {}), ...(evidence ? { evidence } : {}) }));
  // One pass over the expectations, axes in the order they first appear.
  const axes = new Map<string, Review['axes'][number]>();
  for (const entry of expectations) {
    let axis = axes.get(entry.axis);
    if (!axis) axes.set(entry.axis, (axis = { name: entry.axis, total: 0, met: 0, counts: { 'not yet': 0, sometimes: 0, consistently: 0, unrated: 0 } }));
    axis.total += 1;
    axis.counts[entry.rating ?? 'unrated'] += 1;
    if (isMet(entry.rating)) axis.met += 1;
  }
  return {
    name: assessment.name ?? null,
    date: assessment.date ?? null,
    reviewer: assessment.reviewer ?? null,
    level: headedRef(ladder, level),
    target: headedRef(ladder, target),
    ladderChanged: assessment.ladder.fingerprint !== fingerprint,
    updated: false,
    expectations,
    removed,
    added: current.length - match.size,
    axes: [...axes.values()],
    gaps: { notMet: expectations.filter((entry) => !isMet(entry.rating)).length, withoutEvidence: expectations.filter((entry) => entry.evidence.length === 0).length },
    met: expectations.every((entry) => isMet(entry.rating)),
  };
}

/** The review's expectations grouped by axis, in one pass (for the packets, which list them axis by axis). */
export function expectationsByAxis(review: Review): Map<string, Review['expectations']> {
  const groups = new Map<string, Review['expectations']>();
  for (const entry of review.expectations) {
    const group = groups.get(entry.axis);
    if (group) group.push(entry);
    else groups.set(entry.axis, [entry]);
  }
  return groups;
}

/** The file brought up to date with the ladder: current expectations with their ratings and evidence, the removed ones kept. */
export function updatedAssessment(assessment: Assessment, reviewed: Review, fingerprint: string): Assessment {
  const strip = ({ axis, expectation, new: fresh, changed, rating, evidence }: Review['expectations'][number]): AssessedExpectation => ({ axis, expectation, ...(fresh !== undefined ? { new: fresh } : {}), ...(changed ? { changed } : {}), rating, evidence });
  return {
    ladder: { file: assessment.ladder.file, fingerprint },
    ...pick(assessment, ['name', 'date', 'reviewer']),
    level: assessment.level,
    target: assessment.target,
    expectations: reviewed.expectations.map(strip),
    ...(reviewed.removed.length > 0 ? { removed: reviewed.removed } : {}),
  };
}

/** The optional fields the file has, as it has them. */
function pick<K extends keyof Assessment>(assessment: Assessment, keys: K[]): Partial<Pick<Assessment, K>> {
  return Object.fromEntries(keys.filter((key) => assessment[key] !== undefined).map((key) => [key, assessment[key]])) as Partial<Pick<Assessment, K>>;
}
