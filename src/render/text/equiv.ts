import { labelledPeer } from '../../query/equiv.js';
import type { Equivalence, EquivalenceGrid } from '../../query/equiv.js';
import type { LevelRef } from '../../query/views.js';
import { levelName, safe, table, visibleLength } from './layout.js';
import type { TextOptions } from './layout.js';
import { maxOf } from '../../lists.js';

/** One level's peers: on two tracks, `A · Track ↔ B · Track`; on more, a line per other track. */
export function renderEquivalenceText(entry: Equivalence, { style }: TextOptions): string {
  const side = (ref: LevelRef) => `${levelName(ref, style)} ${style.muted(`· ${safe(ref.track.name)}`)}`;
  if (entry.peers.length <= 1) {
    const equivalent = labelledPeer(entry);
    if (!equivalent) return `${side(entry.level)} has no ${safe(entry.equivalentLabel).toLowerCase()}\n`;
    return `${side(entry.level)} ↔ ${side(equivalent)}\n`;
  }
  const rows = entry.peers.map(({ track, level }) => [`  ${style.muted(safe(track.name))}`, level ? levelName(level, style) : style.muted('n/a')]);
  return `${side(entry.level)}\n${table(rows).join('\n')}\n`;
}

/**
 * The grid, a column per track and a row per group of peers (a Grade column first on a ladder with
 * grades). In a terminal too narrow for it, levels are named by title alone; if it is still too
 * narrow, the tracks that fit are shown, and a last line says how to choose others.
 */
export function renderEquivalenceGridText(grid: EquivalenceGrid, { style, wrap }: TextOptions): string {
  const gap = '   ';
  const grades = grid.graded ? [[style.heading('Grade'), ...grid.rows.map((row) => (row.grade ? safe(row.grade) : style.muted('n/a')))]] : [];
  const columnsNaming = (name: (ref: LevelRef) => string) =>
    grid.tracks.map((track, t) => [style.heading(safe(track.name)), ...grid.rows.map((row) => (row.levels[t] ? name(row.levels[t] as LevelRef) : style.muted('n/a')))]);
  const widthOf = (column: string[]) => maxOf(column.map(visibleLength), 0);
  /** How many of the columns fit beside the grades, at least one. */
  const fitting = (columns: string[][]) => {
    if (!wrap) return columns.length;
    let width = grades.length > 0 ? widthOf(grades[0] as string[]) : -gap.length;
    let count = 0;
    for (const column of columns) {
      width += gap.length + widthOf(column);
      if (width > wrap.width && count > 0) break;
      count++;
    }
    return count;
  };
  let columns = columnsNaming((ref) => levelName(ref, style));
  if (fitting(columns) < columns.length) columns = columnsNaming((ref) => safe(ref.title));
  const shown = fitting(columns);
  const picked = [...grades, ...columns.slice(0, shown)];
  const rows = (picked[0] ?? []).map((_, r) => picked.map((column) => column[r] as string));
  const note = shown < columns.length ? `\n${style.muted(`${shown} of ${columns.length} tracks fit; pick the tracks to show with --track (repeatable)`)}\n` : '';
  return `${table(rows, gap).join('\n')}\n${note}`;
}
