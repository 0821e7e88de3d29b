import { byLevelAxis, levelAxisKey } from './clauses.js';
import type { LintRule, RuleFinding } from './rule.js';

/**
 * `restated`: a clause repeated word for word (case, spacing and punctuation aside) from the level
 * below on the same track and axis. A step up that restates the step below tells the reader
 * nothing new; each finding names the step's count of restated clauses against new ones.
 */
export const restated: LintRule = {
  family: 'restated',
  rules: [
    {
      id: 'restated',
      name: 'RestatedClause',
      short: 'A clause repeated word for word from the level below.',
      full: 'A clause that repeats, word for word (case, spacing and punctuation aside), a clause of the same axis at the level below on the same track. A step up that restates the step below tells the reader nothing about what changes.',
      help: 'Say what is different at this level, or leave the clause to the level below: ladders accumulate, so the level above expects it anyway.',
    },
  ],
  run({ ladder, clauses }) {
    const findings: RuleFinding[] = [];
    const groups = byLevelAxis(clauses);
    ladder.tracks.forEach((track, t) => {
      for (let l = 1; l < track.levels.length; l += 1) {
        const below = track.levels[l - 1];
        const level = track.levels[l];
        if (!below || !level) continue;
        const step: RuleFinding[] = [];
        let total = 0;
        for (const axis of level.axes) {
          const mine = groups.get(levelAxisKey(t, l, axis.name)) ?? [];
          total += mine.length;
          const before = new Set((groups.get(levelAxisKey(t, l - 1, axis.name)) ?? []).map((clause) => clause.normal));
          for (const clause of mine) {
            if (clause.normal && before.has(clause.normal)) {
              step.push({ rule: 'restated', level, axis: axis.name, text: clause.text, message: `restates \`${below.id}\` word for word`, place: { path: clause.path, find: clause.text } });
            }
          }
        }
        const fresh = total - step.length;
        const ratio = fresh === 0 ? 'none new' : `${(step.length / fresh).toFixed(2)} restated to each new`;
        for (const finding of step) findings.push({ ...finding, message: `${finding.message} (step ${below.id} → ${level.id}: ${step.length} restated, ${fresh} new, ${ratio})` });
      }
    });
    return findings;
  },
};
