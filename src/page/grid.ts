import { LadderError } from '../errors.js';
import { equivalenceGrid } from '../query/equiv.js';
import type { EquivalenceGrid } from '../query/equiv.js';
import type { PageContext } from './context.js';
import { el, scrollRegion, viewLink } from './dom.js';

/** The Grid view: every track side by side, peers in one row, grades where the ladder has them (`ladder equiv`). */
export function gridView(context: PageContext): HTMLElement {
  const title = el('h2', { id: 'view-title', tabindex: '-1' }, 'Levels side by side');
  let grid: EquivalenceGrid;
  try {
    grid = equivalenceGrid(context.ladder);
  } catch (error) {
    if (!(error instanceof LadderError)) throw error;
    return el('section', { class: 'view grid', 'aria-labelledby': 'view-title' }, title, el('p', {}, error.message, '. Open a level from the contents of the whole ladder instead.'));
  }
  const none = () => el('span', { class: 'none' }, 'n/a');
  const table = el(
    'table',
    { class: 'grid' },
    el('caption', {}, `Each row holds levels that are peers${grid.graded ? '; the first column is their grade' : ''}. Open a level to read it.`),
    el('thead', {}, el('tr', {}, grid.graded && el('th', { scope: 'col' }, 'Grade'), grid.tracks.map((track) => el('th', { scope: 'col' }, track.name)))),
    el(
      'tbody',
      {},
      grid.rows.map((row) =>
        el(
          'tr',
          {},
          grid.graded && el('th', { scope: 'row' }, row.grade ?? none()),
          row.levels.map((level) => el('td', {}, level ? viewLink(`level-${level.id}`, level.title) : none())),
        ),
      ),
    ),
  );
  return el('section', { class: 'view grid', 'aria-labelledby': 'view-title' }, title, scrollRegion('Levels side by side', table));
}
