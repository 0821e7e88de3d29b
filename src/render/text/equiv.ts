import type { EquivalenceRow } from '../../query/equiv.js';
import type { LevelRef } from '../../query/views.js';
import { levelName, safe, table } from './layout.js';
import type { TextOptions } from './layout.js';

export function renderEquivalenceText(row: EquivalenceRow, { style }: TextOptions): string {
  const side = (ref: LevelRef) => `${levelName(ref, style)} ${style.muted(`· ${safe(ref.track.name)}`)}`;
  if (!row.equivalent) return `${side(row.level)} has no ${safe(row.equivalentLabel).toLowerCase()}\n`;
  return `${side(row.level)} ↔ ${side(row.equivalent)}\n`;
}

/**
 * The mapping with one column per track: each pair of equivalents on one row, and every level
 * without an equivalent on a row of its own, so each level appears exactly once.
 */
export function pairRows(entries: EquivalenceRow[]): { tracks: LevelRef['track'][]; rows: (LevelRef | null)[][] } {
  // Columns for the tracks of the peers too: `equiv --track management` keeps its mapping to the IC track.
  const tracks: LevelRef['track'][] = [];
  for (const { level, equivalent } of entries) {
    for (const ref of [level, equivalent]) if (ref && !tracks.some((track) => track.id === ref.track.id)) tracks.push(ref.track);
  }
  const column = (ref: LevelRef) => tracks.findIndex((track) => track.id === ref.track.id);
  const placed = new Set<string>();
  const rows: (LevelRef | null)[][] = [];
  for (const { level, equivalent } of entries) {
    if (placed.has(level.id)) continue;
    const cells: (LevelRef | null)[] = tracks.map(() => null);
    cells[column(level)] = level;
    placed.add(level.id);
    if (equivalent && column(equivalent) >= 0) {
      cells[column(equivalent)] = equivalent;
      placed.add(equivalent.id);
    }
    rows.push(cells);
  }
  return { tracks, rows };
}

export function renderEquivalenceTableText(entries: EquivalenceRow[], { style }: TextOptions): string {
  const { tracks, rows } = pairRows(entries);
  const header = tracks.map((track) => style.heading(safe(track.name)));
  const body = rows.map((cells) => cells.map((ref) => (ref ? levelName(ref, style) : style.muted('n/a'))));
  return `${table([header, ...body], '   ').join('\n')}\n`;
}
