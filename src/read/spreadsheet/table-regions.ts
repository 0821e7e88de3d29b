import { looksLikeLevel } from '../markdown/titles.js';
import { first, headerKey } from './columns.js';
import type { SheetPlan } from './detect-layout.js';
import type { SheetRow } from './table.js';

// What a sheet's rows hold beyond what its header says: where its table ends (notes under it), the
// column that names the axes, and columns of clauses or of row ids where a header would name axes or levels.

/** The rows of a sheet's table: those under its header and above the notes under it. */
export function tableRows(plan: SheetPlan): SheetRow[] {
  return plan.sheet.rows.filter((row) => (plan.header === undefined || row.row > plan.header.row) && (plan.notesFrom === undefined || row.row < plan.notesFrom));
}

/** A cell that reads as a level's title alone: short, no sentence's punctuation, link or list bullet. */
const isBareTitle = (text: string) => text.trim().length <= 40 && !/[.:;!?]|https?:\/\/|^\s*[*•-]/.test(text) && looksLikeLevel(text.trim());

export const cellCount = (row: SheetRow) => row.cells.filter((text) => text.trim()).length;

/**
 * A long sheet whose inner axis column (`Categoria, Skill`) holds a different text on nearly every
 * row holds statements there, not the names of axes, which a level would share with the others:
 * the column before it names the axes, and each statement is a clause (left out where the clause
 * beside it already says it word for word, as a plain copy of a formatted clause does).
 */
export function findStatementColumn(plan: SheetPlan): void {
  const { byRole, headers } = plan.columns;
  const axisCol = first(plan.columns, 'axis');
  const groups = byRole.get('group') ?? [];
  if (plan.layout?.kind !== 'long' || axisCol === undefined || groups.length === 0) return;
  const texts = tableRows(plan).map((row) => (row.cells[axisCol] ?? '').trim()).filter(Boolean);
  if (texts.length < 10 || new Set(texts).size < 0.9 * texts.length) return;
  byRole.set('statement', [axisCol]);
  byRole.set('axis', groups.slice(-1));
  if (groups.length > 1) byRole.set('group', groups.slice(0, -1));
  else byRole.delete('group');
  plan.why += `; \`${headers[axisCol]}\` holds a different text on nearly every row, so it holds clauses and the axes are named in \`${headers[groups[groups.length - 1] as number]}\``;
}

/**
 * An `id` column of a long sheet with an id on more rows than there are levels numbers the rows
 * (a table exported from a database), not the levels, whose ids are given once each.
 */
export function findRowIds(plan: SheetPlan): void {
  const idCol = first(plan.columns, 'id');
  const levelCol = first(plan.columns, 'level');
  if (plan.layout?.kind !== 'long' || idCol === undefined || levelCol === undefined) return;
  const rows = tableRows(plan);
  const ids = rows.map((row) => (row.cells[idCol] ?? '').trim()).filter(Boolean);
  const trackCol = first(plan.columns, 'track');
  // Levels of different tracks may share a title; the sheet is not forward-filled yet, so a blank track is the one above.
  let track = '';
  const levels = new Set<string>();
  for (const row of rows) {
    track = (trackCol === undefined ? '' : (row.cells[trackCol] ?? '').trim()) || track;
    const level = (row.cells[levelCol] ?? '').trim();
    if (level) levels.add(`${track}\u0000${level}`);
  }
  if (ids.length <= levels.size) return;
  plan.columns.byRole.set('rowId', [idCol]);
  plan.columns.byRole.delete('id');
  plan.why += `; \`${plan.columns.headers[idCol]}\` numbers the rows, not the levels`;
}

/**
 * Notes under a table (`How to read the ladder`, a tip, a link): after a blank row, the last rows
 * of the sheet each hold one cell. They describe the ladder rather than add to its last level or
 * axis. A lone cell in a level column of a wide sheet is a clause, and a lone level title a level:
 * both stay in the table.
 */
export function findNotesBelow(plan: SheetPlan): void {
  if (plan.layout?.kind !== 'wide') return;
  const rows = tableRows(plan);
  let start = rows.length;
  while (start > 0 && cellCount(rows[start - 1] as SheetRow) === 1) start -= 1;
  const firstNote = rows[start];
  if (!firstNote || start === 0 || !firstNote.afterBlank) return;
  const levelCols = plan.layout.levelsAre === 'columns' ? new Set(plan.layout.levelColumns) : new Set<number>();
  if (rows.slice(start).some((row) => row.cells.some((text, col) => text.trim() && levelCols.has(col)))) return;
  // With levels as rows, a last level with nothing written beside its title yet (`Fellow`) is a level, not a note.
  const levelCol = first(plan.columns, 'level') ?? 0;
  if (plan.layout.levelsAre === 'rows' && rows.slice(start).some((row) => isBareTitle(row.cells[levelCol] ?? ''))) return;
  plan.notesFrom = firstNote.row;
  plan.why += `; the rows from ${firstNote.row + 1} on, one cell each under a blank row, are notes that describe the ladder`;
}

/**
 * The column that names the axis of a wide sheet: a `name` column, else the last axis-like column,
 * else the first that is not a level. An axis column whose names repeat (`Category`: a few values,
 * each over several rows) groups the axes: a column beside it with a different name on every row
 * (`Parameter`) names them.
 */
export function wideAxisColumn(plan: SheetPlan, levels: Set<number>): number {
  const { headers } = plan.columns;
  const named = headers.findIndex((header, col) => !levels.has(col) && /name$/.test(headerKey(header)));
  if (named >= 0) return named;
  const axes = [...(plan.columns.byRole.get('group') ?? []), ...(plan.columns.byRole.get('axis') ?? [])];
  const chosen = axes.length > 0 ? (axes[axes.length - 1] as number) : headers.findIndex((_, col) => !levels.has(col));
  const rows = tableRows(plan);
  const repeats = (col: number) => {
    const texts = rows.map((row) => (row.cells[col] ?? '').trim()).filter(Boolean);
    return new Set(texts).size < texts.length;
  };
  if (chosen < 0 || !repeats(chosen)) return chosen;
  const claimed = new Set([...plan.columns.byRole.entries()].filter(([role]) => role !== 'axis' && role !== 'group').flatMap(([, cols]) => cols));
  const naming = plan.columns.unknown.filter((col) => !levels.has(col) && !claimed.has(col) && rows.every((row) => (row.cells[col] ?? '').trim()) && !repeats(col));
  return naming.find((col) => col > chosen) ?? chosen;
}
