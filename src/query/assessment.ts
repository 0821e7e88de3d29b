import { createHash } from 'node:crypto';
import { ladderData } from '../model/model.js';
import type { Ladder, Level } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { RATINGS } from '../read/assessment.js';
import type { AssessedExpectation, Assessment, Rating } from '../read/assessment.js';
import { checklist } from './checklist.js';
import { PAIRING_THRESHOLD, sectionsOf } from './diff.js';
import { pairSimilar } from './pairing.js';
import { levelRef } from './views.js';
import type { LevelRef } from './views.js';

/** An expectation is met when rated this or higher. */
export const THRESHOLD: Rating = 'consistently';

/** A hash of the ladder's content (not its formatting): an assessment made against it records it. */
export function ladderFingerprint(ladder: Ladder): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(ladderData(ladder))).digest('hex').slice(0, 16)}`;
}

/**
 * The target's expectations in ladder order, each marked when it is new or changed since the
 * current level (what checklist --from lists, found by one diff).
 */
export function expectationsOf(ladder: Ladder, level: Level, target: Level): AssessedExpectation[] {
  const fresh = new Set(checklist(ladder, target, level).sections.flatMap((section) => section.items.map((item) => `${section.name}\u0000${item.text}`)));
  return sectionsOf(target).flatMap((section) => section.clauses.map((clause) => ({ axis: section.name, expectation: clause, new: fresh.has(`${section.name}\u0000${clause}`) })));
}

/** The assessment against the ladder as it is now: each current expectation with what the file says of it. */
export interface Review {
  level: LevelRef;
  target: LevelRef;
  /** The ladder changed since the file was written or last updated. */
  ladderChanged: boolean;
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

/**
 * Puts the file's ratings and evidence on the ladder's current expectations, matched by text, not
 * position: the same text (under any axis) first, then the most similar text by diff's pairing,
 * so a reworded expectation keeps its rating and evidence. What matches nothing is removed.
 */
export function review(ladder: Ladder, level: Level, target: Level, assessment: Assessment, fingerprint: string): Review {
  const current = expectationsOf(ladder, level, target);
  const old = [...assessment.expectations, ...(assessment.removed ?? [])];
  const match = new Map<number, number>();
  const taken = new Set<number>();
  const byText = new Map<string, number[]>();
  old.forEach((entry, i) => byText.set(key(entry.expectation), [...(byText.get(key(entry.expectation)) ?? []), i]));
  current.forEach((entry, c) => {
    const candidates = (byText.get(key(entry.expectation)) ?? []).filter((i) => !taken.has(i));
    const i = candidates.find((candidate) => old[candidate]?.axis === entry.axis) ?? candidates[0];
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
  const expectations = current.map((entry, c) => {
    const from = match.has(c) ? old[match.get(c) as number] : undefined;
    const reworded = from && key(from.expectation) !== key(entry.expectation) ? from.expectation : undefined;
    return { ...entry, rating: from?.rating ?? null, evidence: from?.evidence ?? [], ...(reworded ? { reworded } : {}) };
  });
  // A removed expectation is no longer new or not; it keeps its rating and evidence.
  const removed = old.filter((_, i) => !taken.has(i)).map(({ axis, expectation, rating, evidence }): AssessedExpectation => ({ axis, expectation, ...(rating !== undefined ? { rating } : {}), ...(evidence ? { evidence } : {}) }));
  const met = (rating: Rating | null) => rating !== null && RATINGS.indexOf(rating) >= RATINGS.indexOf(THRESHOLD);
  const axes = [...new Set(expectations.map((entry) => entry.axis))].map((name) => {
    const mine = expectations.filter((entry) => entry.axis === name);
    const counts = { 'not yet': 0, sometimes: 0, consistently: 0, unrated: 0 } as Record<Rating | 'unrated', number>;
    for (const entry of mine) counts[entry.rating ?? 'unrated'] += 1;
    return { name, total: mine.length, met: mine.filter((entry) => met(entry.rating)).length, counts };
  });
  return {
    level: levelRef(ladder, level),
    target: levelRef(ladder, target),
    ladderChanged: assessment.ladder.fingerprint !== fingerprint,
    expectations,
    removed,
    added: current.length - match.size,
    axes,
    gaps: { notMet: expectations.filter((entry) => !met(entry.rating)).length, withoutEvidence: expectations.filter((entry) => entry.evidence.length === 0).length },
    met: expectations.every((entry) => met(entry.rating)),
  };
}

/** The file brought up to date with the ladder: current expectations with their ratings and evidence, the removed ones kept. */
export function updatedAssessment(assessment: Assessment, reviewed: Review, fingerprint: string): Assessment {
  const strip = ({ axis, expectation, new: fresh, rating, evidence }: Review['expectations'][number]): AssessedExpectation => ({ axis, expectation, ...(fresh !== undefined ? { new: fresh } : {}), rating, evidence });
  return {
    ladder: { file: assessment.ladder.file, fingerprint },
    level: assessment.level,
    target: assessment.target,
    expectations: reviewed.expectations.map(strip),
    ...(reviewed.removed.length > 0 ? { removed: reviewed.removed } : {}),
  };
}
