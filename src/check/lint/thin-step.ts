import { checklist } from '../../query/checklist.js';
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
