import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLadder, ladderData } from '../../src/model/model.js';
import type { AxisValue, Ladder, LadderData } from '../../src/model/model.js';
import { expectationsOf, review, updatedAssessment } from '../../src/query/assessment.js';
import { ladderFingerprint } from '../../src/query/fingerprint.js';
import { RATINGS } from '../../src/model/assessment.js';
import type { AssessedExpectation, Assessment } from '../../src/model/assessment.js';
import { shipped } from '../helpers/ladders.js';
import { RUNS } from './arbitraries.js';

/** An edit of the target level's text, as a person editing the ladder might make it. */
type Edit =
  | { kind: 'reword'; axis: number; clause: number; word: string }
  | { kind: 'remove'; axis: number; clause: number }
  | { kind: 'add'; axis: number; text: string }
  | { kind: 'move'; axis: number; clause: number; to: number }
  | { kind: 'swap'; axis: number; clause: number };

const word = fc.constantFrom('cloud', 'reliably', 'teams', 'several', 'critical', 'the', 'new', 'platform');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('reword' as const), axis: fc.nat(), clause: fc.nat(), word }),
  fc.record({ kind: fc.constant('remove' as const), axis: fc.nat(), clause: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), axis: fc.nat(), text: fc.array(word, { minLength: 2, maxLength: 8 }).map((words) => words.join(' ')) }),
  fc.record({ kind: fc.constant('move' as const), axis: fc.nat(), clause: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), axis: fc.nat(), clause: fc.nat() }),
);

/** The ladder with the edits applied to one level's axes, each axis kept as a list of clauses. */
function edited(data: LadderData, levelId: string, edits: Edit[]): LadderData {
  const copy = structuredClone(data) as LadderData;
  const level = copy.tracks.flatMap((track) => track.levels).find((candidate) => candidate.id === levelId);
  if (!level) throw new Error(`no level ${levelId}`);
  const axes: [string, string[]][] = level.axes.map(([name, value]: [string, AxisValue]) => [name, typeof value === 'string' ? value.split(';').map((clause) => clause.trim()).filter(Boolean) : [...value]]);
  for (const change of edits) {
    const axis = axes[change.axis % axes.length];
    if (!axis) continue;
    const clauses = axis[1];
    const at = 'clause' in change && clauses.length > 0 ? change.clause % clauses.length : 0;
    if (change.kind === 'reword' && clauses.length > 0) clauses[at] = `${clauses[at]} ${change.word}`;
    if (change.kind === 'remove' && clauses.length > 1) clauses.splice(at, 1);
    if (change.kind === 'add') clauses.push(change.text);
    if (change.kind === 'move' && clauses.length > 1) axes[change.to % axes.length]?.[1].push(...clauses.splice(at, 1));
    if (change.kind === 'swap' && clauses.length > 1) clauses.reverse();
  }
  level.axes = axes.filter(([, clauses]) => clauses.length > 0).map(([name, clauses]) => [name, clauses]);
  return copy;
}

/** Every rating and piece of evidence in an assessment, as one bag each: what an update must keep. */
function kept(assessment: Assessment): { evidence: string[]; rated: string[] } {
  const all: AssessedExpectation[] = [...assessment.expectations, ...(assessment.removed ?? [])];
  return {
    evidence: all.flatMap((entry) => (entry.evidence ?? []).map((item) => item.text)).sort(),
    rated: all.flatMap((entry) => (entry.rating ? [`${entry.rating}:${(entry.evidence ?? []).map((item) => item.text).join('|')}`] : [])).sort(),
  };
}

describe('an assessment updated after edits to the ladder', () => {
  const before: Ladder = shipped();
  const level = before.levelById.get('engineer');
  const target = before.levelById.get('lead');
  if (!level || !target) throw new Error('the shipped ladder has engineer and lead');

  it('loses no rating and no evidence, and a second update changes nothing', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), fc.array(fc.constantFrom(...RATINGS, null), { minLength: 13, maxLength: 13 }), (edits, ratings) => {
        const assessment: Assessment = {
          ladder: { file: 'ladder.yaml', fingerprint: ladderFingerprint(before) },
          level: 'engineer',
          target: 'lead',
          expectations: expectationsOf(before, level, target).map((entry, i) => ({ ...entry, rating: ratings[i % ratings.length] ?? null, evidence: i % 3 === 0 ? [] : [{ text: `evidence ${i}` }] })),
        };
        const after = buildLadder(edited(ladderData(before), 'lead', edits), 'edited.yaml');
        const [now, newTarget] = [after.levelById.get('engineer'), after.levelById.get('lead')];
        if (!now || !newTarget) throw new Error('the edit keeps both levels');
        const fingerprint = ladderFingerprint(after);
        const updated = updatedAssessment(assessment, review(after, now, newTarget, assessment, fingerprint), fingerprint);
        expect(kept(updated)).toEqual(kept(assessment));
        // Every current expectation is in the file, in ladder order.
        expect(updated.expectations.map((entry) => entry.expectation)).toEqual(expectationsOf(after, now, newTarget).map((entry) => entry.expectation));
        const again = updatedAssessment(updated, review(after, now, newTarget, updated, fingerprint), fingerprint);
        expect(again).toEqual(updated);
      }),
      { numRuns: RUNS },
    );
  });
});
