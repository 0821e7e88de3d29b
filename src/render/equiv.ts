import { labelledPeer } from '../query/equiv.js';
import type { Equivalence, EquivalenceGrid } from '../query/equiv.js';
import type { LevelRef } from '../query/views.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { renderEquivalenceGridText, renderEquivalenceText } from './text/equiv.js';

const mdLevel = (ref: LevelRef | null) => (ref ? `${mdText(ref.title)} (\`${ref.id}\`)` : '_n/a_');

export const equivalenceRenderers: Renderers<Equivalence> = {
  text: renderEquivalenceText,
  markdown: (entry) => {
    if (entry.peers.length > 1) {
      return mdDocument([`${mdLevel(entry.level)}, ${mdText(entry.level.track.name)}`, entry.peers.map(({ track, level }) => `- ${mdText(track.name)}: ${mdLevel(level)}`).join('\n')]);
    }
    const equivalent = labelledPeer(entry);
    return mdDocument([
      equivalent
        ? `${mdLevel(entry.level)}, ${mdText(entry.level.track.name)} ↔ ${mdLevel(equivalent)}, ${mdText(equivalent.track.name)}`
        : `${mdLevel(entry.level)}, ${mdText(entry.level.track.name)}: no ${mdText(entry.equivalentLabel.toLowerCase())}`,
    ]);
  },
  // A row per other track: the peer there, or an empty cell.
  tsv: {
    columns: ['level', 'track', 'equivalent', 'equivalent_track'],
    rows: ({ level, peers }) => peers.map((peer) => [level.id, level.track.id, peer.level?.id, peer.level ? peer.track.id : undefined]),
  },
};

export const equivalenceGridRenderers: Renderers<EquivalenceGrid> = {
  text: renderEquivalenceGridText,
  markdown: (grid) => {
    const header = `| ${[...(grid.graded ? ['Grade'] : []), ...grid.tracks.map((track) => mdText(track.name))].join(' | ')} |`;
    const rule = `| ${[...(grid.graded ? ['---'] : []), ...grid.tracks.map(() => '---')].join(' | ')} |`;
    const rows = grid.rows.map((row) => `| ${[...(grid.graded ? [row.grade ? mdText(row.grade) : '_n/a_'] : []), ...row.levels.map(mdLevel)].join(' | ')} |`);
    return mdDocument([[header, rule, ...rows].join('\n')]);
  },
  // The grid as it is: a column per track (after the grade), each cell a level id.
  tsv: {
    columns: (grid) => [...(grid.graded ? ['grade'] : []), ...grid.tracks.map((track) => track.id)],
    rows: (grid) => grid.rows.map((row) => [...(grid.graded ? [row.grade] : []), ...row.levels.map((level) => level?.id)]),
  },
};
