import type { Level } from '../../model/model.js';
import { checklist } from '../../query/checklist.js';
import { sectionsOf } from '../../query/diff.js';
import { counted } from './clauses.js';
import type { LintRule, RuleFinding } from './rule.js';
import { levelPath } from './rule.js';

/**
 * `thin-step`: a level whose new or changed clauses since the level below, counted as `ladder
 * checklist --from` counts them (clauses paired as `diff` pairs them), are fewer than a threshold:
 * in all (`min`, 2 by default), and on each axis the level shares with the one below (`minPerAxis`,
 * off by default).
 */
export const thinStep: LintRule = {
  family: 'thin-step',
  rules: [
    {
      id: 'thin-step',
      name: 'ThinStep',
      short: 'A level that adds almost nothing to the level below.',
      full: 'A level whose new or changed clauses since the level below on its track, counted as `ladder checklist LEVEL --from BELOW` counts them, are fewer than the threshold (2 by default), in all or, where configured, on an axis.',
      help: 'Say what the step up asks for that the level below does not, or merge the two levels.',
    },
  ],
  run({ ladder, settings }) {
    const options = settings('thin-step');
    if (!options) return [];
    const min = options.min ?? 2;
    const minPerAxis = options.minPerAxis ?? 0;
    const findings: RuleFinding[] = [];
    ladder.tracks.forEach((track, t) => {
      track.levels.forEach((level, l) => {
        const below = track.levels[l - 1];
        if (!below || (level.axes.length === 0 && !level.description)) return;
        // Pairing clauses as diff does costs most of the rule: a step that clearly adds enough is not paired.
        if (minPerAxis === 0 && changesAtLeast(level, below) >= min) return;
        const list = checklist(ladder, level, below);
        const changes = list.summary.new + list.summary.changed;
        const place = { path: levelPath(t, l, 'title'), find: level.title };
        const base = { rule: 'thin-step', level, text: level.title, place };
        if (changes < min) findings.push({ ...base, message: `only ${counted(changes, 'clause')} new or changed since \`${below.id}\` (${list.summary.new} new, ${list.summary.changed} changed; at least ${min} expected)` });
        if (minPerAxis === 0) return;
        const belowAxes = new Set(below.axes.map((axis) => axis.name));
        for (const axis of level.axes) {
          if (!belowAxes.has(axis.name)) continue;
          const count = list.sections.find((section) => section.name === axis.name)?.items.length ?? 0;
          if (count < minPerAxis) findings.push({ ...base, axis: axis.name, text: axis.name, place: { path: levelPath(t, l, 'axes', axis.name) }, message: `axis \`${axis.name}\` has only ${counted(count, 'clause')} new or changed since \`${below.id}\` (at least ${minPerAxis} expected)` });
        }
      });
    });
    return findings;
  },
};

/**
 * No more than the clauses `checklist --from` counts as new or changed: the level's clauses less
 * those the level below has word for word, since only an identical pair is unchanged. Where the
 * level names an axis twice (by case or spacing), diff pairs its clauses otherwise, and this says 0.
 */
function changesAtLeast(level: Level, below: Level): number {
  const keys = new Set(level.axes.map((axis) => axis.name.trim().toLowerCase()));
  if (keys.size !== level.axes.length) return 0;
  const before = new Map<string, number>();
  for (const section of sectionsOf(below)) for (const clause of section.clauses) before.set(clause, (before.get(clause) ?? 0) + 1);
  let changes = 0;
  for (const section of sectionsOf(level)) {
    for (const clause of section.clauses) {
      const left = before.get(clause) ?? 0;
      if (left > 0) before.set(clause, left - 1);
      else changes += 1;
    }
  }
  return changes;
}
