import type { LevelSummary } from '../query/views.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { safe, table } from './text/layout.js';

export const listRenderers: Renderers<LevelSummary[]> = {
  text: (levels, { style, lines }) => {
    const rows = levels.map((level) => [style.id(safe(level.id)), safe(level.title), safe(level.track.id), level.equivalent ? safe(level.equivalent.id) : style.muted('n/a')]);
    // The header names columns for a reader; on a pipe every line is a level.
    const header = lines ? [] : [['ID', 'TITLE', 'TRACK', 'EQUIVALENT'].map((name) => style.muted(name))];
    return `${table([...header, ...rows]).join('\n')}\n`;
  },
  markdown: (levels) =>
    mdDocument([
      [
        '| Id | Title | Track | Level | Equivalent |',
        '| --- | --- | --- | --- | --- |',
        ...levels.map((level) => `| \`${level.id}\` | ${mdText(level.title)} | ${mdText(level.track.name)} | ${level.position} | ${level.equivalent ? mdText(level.equivalent.title) : '_n/a_'} |`),
      ].join('\n'),
    ]),
  tsv: {
    columns: ['id', 'title', 'track', 'position', 'equivalent'],
    rows: (levels) => levels.map((level) => [level.id, level.title, level.track.id, level.position, level.equivalent?.id]),
  },
};
