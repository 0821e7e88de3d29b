import type { EquivalenceRow } from '../query/equiv.js';
import type { LevelRef } from '../query/views.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { pairRows, renderEquivalenceTableText, renderEquivalenceText } from './text/equiv.js';

const columns = ['level', 'track', 'equivalent', 'equivalent_track'] as const;
const row = ({ level, equivalent }: EquivalenceRow) => [level.id, level.track.id, equivalent?.id, equivalent?.track.id];
const mdLevel = (ref: LevelRef | null) => (ref ? `${mdText(ref.title)} (\`${ref.id}\`)` : '_n/a_');

export const equivalenceRenderers: Renderers<EquivalenceRow> = {
  text: renderEquivalenceText,
  markdown: (entry) =>
    mdDocument([
      entry.equivalent
        ? `${mdLevel(entry.level)}, ${mdText(entry.level.track.name)} ↔ ${mdLevel(entry.equivalent)}, ${mdText(entry.equivalent.track.name)}`
        : `${mdLevel(entry.level)}, ${mdText(entry.level.track.name)}: no ${mdText(entry.equivalentLabel.toLowerCase())}`,
    ]),
  tsv: { columns, rows: (entry) => [row(entry)] },
};

/** The whole mapping: JSON and TSV list every level with its equivalent; text and Markdown pair them side by side. */
export const equivalenceTableRenderers: Renderers<EquivalenceRow[]> = {
  text: renderEquivalenceTableText,
  markdown: (entries) => {
    const { tracks, rows } = pairRows(entries);
    const header = `| ${tracks.map((track) => mdText(track.name)).join(' | ')} |`;
    const rule = `| ${tracks.map(() => '---').join(' | ')} |`;
    return mdDocument([[header, rule, ...rows.map((cells) => `| ${cells.map(mdLevel).join(' | ')} |`)].join('\n')]);
  },
  tsv: { columns, rows: (entries) => entries.map(row) },
};
