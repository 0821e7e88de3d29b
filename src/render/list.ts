import type { LevelSummary } from '../query/views.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { safe, table } from './text/layout.js';

/** On a ladder with a grade scale, each level's grade says more than its first peer (`equiv` has them all). */
const graded = (levels: LevelSummary[]) => levels.some((level) => 'grade' in level);

export const listRenderers: Renderers<LevelSummary[]> = {
  text: (levels, { style, lines }) => {
    const byGrade = graded(levels);
    const last = (level: LevelSummary) => (byGrade ? (level.grade ? safe(level.grade) : style.muted('n/a')) : level.equivalent ? safe(level.equivalent.id) : style.muted('n/a'));
    const rows = levels.map((level) => [style.id(safe(level.id)), safe(level.title), safe(level.track.id), last(level)]);
    // The header names columns for a reader; on a pipe every line is a level.
    const header = lines ? [] : [['ID', 'TITLE', 'TRACK', byGrade ? 'GRADE' : 'EQUIVALENT'].map((name) => style.muted(name))];
    return `${table([...header, ...rows]).join('\n')}\n`;
  },
  markdown: (levels) => {
    const byGrade = graded(levels);
    return mdDocument([
      [
        `| Id | Title | Track | Level |${byGrade ? ' Grade |' : ''} Equivalent |`,
        `| --- | --- | --- | --- |${byGrade ? ' --- |' : ''} --- |`,
        ...levels.map(
          (level) =>
            `| \`${level.id}\` | ${mdText(level.title)} | ${mdText(level.track.name)} | ${level.position} |${byGrade ? ` ${level.grade ? mdText(level.grade) : '_n/a_'} |` : ''} ${level.equivalent ? mdText(level.equivalent.title) : '_n/a_'} |`,
        ),
      ].join('\n'),
    ]);
  },
  tsv: {
    columns: (levels) => ['id', 'title', 'track', 'position', 'equivalent', ...(graded(levels) ? ['grade'] : [])],
    rows: (levels) => levels.map((level) => [level.id, level.title, level.track.id, level.position, level.equivalent?.id, ...(graded(levels) ? [level.grade] : [])]),
  },
};
