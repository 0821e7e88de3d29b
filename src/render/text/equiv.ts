import type { EquivalenceRow } from '../../ladder/equiv.js';
import type { LevelRef } from '../../ladder/views.js';
import { levelName, safe, table } from './layout.js';
import type { TextOptions } from './layout.js';

export function renderEquivalenceText(row: EquivalenceRow, { style }: TextOptions): string {
  const side = (ref: LevelRef) => `${levelName(ref, style)} ${style.muted(`· ${safe(ref.track.name)}`)}`;
  if (!row.equivalent) return `${side(row.level)} has no ${safe(row.equivalentLabel).toLowerCase()}\n`;
  return `${side(row.level)} ↔ ${side(row.equivalent)}\n`;
}

/**
 * The whole mapping with one column per track: each pair of equivalents on one row, and every
 * level without an equivalent on a row of its own, so each level appears exactly once.
 */
export function renderEquivalenceTableText(rows: EquivalenceRow[], { style }: TextOptions): string {
  const tracks: { id: string; name: string }[] = [];
  for (const { level } of rows) if (!tracks.some((track) => track.id === level.track.id)) tracks.push(level.track);
  const column = (ref: LevelRef) => tracks.findIndex((track) => track.id === ref.track.id);
  const placed = new Set<string>();
  const body: string[][] = [];
  for (const { level, equivalent } of rows) {
    if (placed.has(level.id)) continue;
    const cells = tracks.map(() => style.muted('n/a'));
    cells[column(level)] = levelName(level, style);
    placed.add(level.id);
    if (equivalent) {
      cells[column(equivalent)] = levelName(equivalent, style);
      placed.add(equivalent.id);
    }
    body.push(cells);
  }
  const header = tracks.map((track) => style.heading(safe(track.name)));
  return `${table([header, ...body], '   ').join('\n')}\n`;
}

