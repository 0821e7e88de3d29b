import type { SearchHit } from '../query/search.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import type { Style } from './style.js';
import { hanging, levelName, safe } from './text/layout.js';
import { oneLine } from './text/show.js';

/** The clause with each match marked: coloured in a terminal, bold in Markdown. */
function marked(hit: SearchHit, mark: (text: string) => string, escape: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.matches) {
    out += escape(hit.clause.slice(at, start)) + mark(escape(hit.clause.slice(start, end)));
    at = end;
  }
  return out + escape(hit.clause.slice(at));
}

/** Consecutive hits that share a key, in order. */
function groups(hits: SearchHit[], key: (hit: SearchHit) => string): SearchHit[][] {
  const grouped: SearchHit[][] = [];
  for (const hit of hits) {
    const last = grouped[grouped.length - 1]?.[0];
    if (last && key(last) === key(hit)) grouped[grouped.length - 1]?.push(hit);
    else grouped.push([hit]);
  }
  return grouped;
}

const byLevel = (hit: SearchHit) => hit.level.id;
const bySection = (hit: SearchHit) => `${hit.level.id}\u0000${hit.section}`;

export const searchRenderers: Renderers<SearchHit[]> = {
  text: (hits, { style, wrap, lines }) => {
    const highlight = (hit: SearchHit, s: Style) => marked(hit, s.match, (text) => oneLine(text));
    // On a pipe: `engineer: Domain Knowledge: participate in an on-call rotation.`, as `show` prints it.
    if (lines) return hits.map((hit) => `${safe(hit.level.id)}: ${safe(hit.section)}: ${highlight(hit, style)}\n`).join('');
    // In a terminal: a heading per level with its count of hits, then each hit behind its axis.
    return groups(hits, byLevel)
      .map((group) => {
        const first = group[0] as SearchHit;
        const heading = `${levelName(first.level, style)} ${style.muted(`· ${group.length} ${group.length === 1 ? 'hit' : 'hits'}`)}`;
        return [heading, ...group.map((hit) => hanging(highlight(hit, style), `  ${style.heading(safe(hit.section))}: `, '    ', wrap))].join('\n');
      })
      .join('\n\n')
      .concat(hits.length > 0 ? '\n' : '');
  },
  markdown: (hits) =>
    mdDocument(
      groups(hits, bySection).map((group) => {
        const first = group[0] as SearchHit;
        return [`**${mdText(first.level.heading)}** · ${mdText(first.section)}`, '', ...group.map((hit) => `- ${marked(hit, (text) => `**${text}**`, mdText)}`)].join('\n');
      }),
    ),
  tsv: {
    columns: ['level', 'section', 'clause'],
    rows: (hits) => hits.map((hit) => [hit.level.id, hit.section, hit.clause]),
  },
};
