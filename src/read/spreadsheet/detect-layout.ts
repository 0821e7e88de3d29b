import { looksLikeLevel } from '../markdown/titles.js';
import type { Columns } from './columns.js';
import { first, headerKey, isLevelHeader, recognise } from './columns.js';
import type { Sheet, SheetRow } from './table.js';
import { cellCount, findNotesBelow, findRowIds, findStatementColumn, tableRows, wideAxisColumn } from './table-regions.js';

export type LayoutName = 'wide' | 'long' | 'sheets';
export type LevelsAre = 'rows' | 'columns';

/** How one sheet is read. */
export type SheetLayout =
  | { kind: 'long' }
  | { kind: 'wide'; levelsAre: 'columns'; levelColumns: number[] }
  | { kind: 'wide'; levelsAre: 'rows' }
  /** One axis's sheet (a workbook of a sheet per competency): levels as columns, every row a clause of the axis the sheet names. */
  | { kind: 'axis-sheet'; levelColumns: number[] }
  /** One level's sheet: the sheet's name is the level. */
  | { kind: 'level-sheet' }
  /** What the axes mean: an axis column and a description, no levels. */
  | { kind: 'axes' }
  /** The grade scale, lowest first: a sheet named `Grades` whose one column is `Grade`, as export writes it. */
  | { kind: 'grades' };

export interface SheetPlan {
  sheet: Sheet;
  /** Rows above the header: a title, kept as the ladder's name or description. */
  titleRows: SheetRow[];
  header?: SheetRow;
  columns: Columns;
  layout?: SheetLayout;
  /** Why, in a sentence, for `--explain`. */
  why: string;
  /** A second header row names the columns; the first row's label over a column it renames, by column. */
  above?: Map<number, string>;
  /** The row of those labels. */
  aboveRow?: number;
  /** The first row of notes under the table (rows of one cell each after a blank row), which describe the ladder. */
  notesFrom?: number;
}

export interface LayoutOverrides {
  layout?: LayoutName;
  levelsAre?: LevelsAre;
}

/** Rows searched for the header: a title and a blank line or two often come first. */
const HEADER_SEARCH = 10;

/**
 * How each sheet of a workbook is laid out, from its header row and titles: a level column with a
 * clause column is long; a level column with axes as the other headers is wide with levels as
 * rows; headers that read as levels make it wide with levels as columns; a workbook of sheets
 * named as levels, each an axis and its clauses, is one sheet per level.
 */
export function planSheets(sheets: Sheet[], overrides: LayoutOverrides): SheetPlan[] {
  const plans = sheets.map((sheet) => planSheet(sheet, overrides));
  if (overrides.layout === undefined) planAxisSheets(plans);
  const open = (plan: SheetPlan) => plan.layout === undefined || plan.layout.kind === 'axes';
  const levelNamed = plans.filter((plan) => open(plan) && sheetIsLevel(plan));
  if (overrides.layout === 'sheets' || (overrides.layout === undefined && levelNamed.length >= 2)) {
    for (const plan of plans) {
      if (overrides.layout === 'sheets' ? plan.sheet.rows.length > 0 : open(plan) && sheetIsLevel(plan)) {
        plan.layout = { kind: 'level-sheet' };
        plan.why = `one level: the sheet's name is its title, its rows are its axes and clauses`;
      }
    }
  }
  return plans;
}

function sheetIsLevel(plan: SheetPlan): boolean {
  return plan.sheet.name !== undefined && looksLikeLevel(plan.sheet.name) && first(plan.columns, 'axis') !== undefined;
}

function planSheet(sheet: Sheet, overrides: LayoutOverrides): SheetPlan {
  const candidates = sheet.rows.slice(0, HEADER_SEARCH);
  let best: { row: SheetRow; score: number } | undefined;
  for (const row of candidates) {
    const score = headerScore(row.cells);
    if (score > 0 && (!best || score > best.score)) best = { row, score };
  }
  const header = best?.row ?? sheet.rows[0];
  const titleRows = header ? sheet.rows.filter((row) => row.row < header.row) : [];
  const columns = recognise(header?.cells ?? []);
  const plan: SheetPlan = { sheet, titleRows, header, columns, why: '' };
  choose(plan, overrides);
  mergeSecondHeader(plan, overrides);
  findNotesBelow(plan);
  findStatementColumn(plan);
  findRowIds(plan);
  if (plan.layout?.kind === 'wide' && plan.layout.levelsAre === 'columns') {
    const axisCol = wideAxisColumn(plan, new Set(plan.layout.levelColumns));
    if (plan.columns.headers[axisCol]?.trim()) plan.why += `; each row's axis named in column \`${plan.columns.headers[axisCol]?.trim()}\``;
  }
  return plan;
}

/**
 * A header of two rows, levels as rows (`Level, Scope, Dex` over `, , Technical Skill`): the row
 * under the header has no level title and only short, distinct names, so it names the columns it
 * fills; the label above such a column is kept as what the axis means.
 */
function mergeSecondHeader(plan: SheetPlan, overrides: LayoutOverrides): void {
  const { header, layout } = plan;
  if (!header || layout?.kind !== 'wide' || layout.levelsAre !== 'rows') return;
  const next = tableRows(plan)[0];
  const levelCol = first(plan.columns, 'level') ?? 0;
  if (!next || next.afterBlank || (next.cells[levelCol] ?? '').trim() || cellCount(next) < 2 || next.cells.some((text) => text.length > 80 || text.includes('\n'))) return;
  const names = next.cells.map((text) => text.trim()).filter(Boolean);
  if (new Set(names).size < names.length) return;
  const above = new Map<number, string>();
  const width = Math.max(header.cells.length, next.cells.length);
  const cells = Array.from({ length: width }, (_, col) => {
    const top = (header.cells[col] ?? '').trim();
    const below = (next.cells[col] ?? '').trim();
    if (below && top && top !== below) above.set(col, top);
    return below || top;
  });
  const firstRow = header.row;
  plan.header = { row: next.row, cells };
  plan.columns = recognise(cells);
  plan.above = above;
  plan.aboveRow = firstRow;
  choose(plan, overrides);
  plan.why += ` (the header is rows ${firstRow + 1} and ${next.row + 1}: the second names the columns it fills)`;
}

/** A header row names roles or levels in several of its cells; a row with a sentence in it, or one level twice, is data. */
function headerScore(cells: string[]): number {
  if (cells.some((cell) => cell.length > 80 || cell.includes('\n'))) return 0;
  const named = cells.map((cell) => cell.trim().toLowerCase()).filter(Boolean);
  if (new Set(named).size < named.length) return 0;
  const columns = recognise(cells);
  const roles = [...columns.byRole.values()].reduce((sum, cols) => sum + cols.length, 0);
  const levels = cells.filter((cell) => isLevelHeader(cell, looksLikeLevel)).length;
  return roles + (levels >= 2 ? levels : 0);
}

/** `Lead Operator` grows from `Operator`: it ends with that title, after words of its own. */
function grownFrom(title: string, base: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const [longer, shorter] = [words(title), words(base)];
  return shorter.length > 0 && longer.length > shorter.length && longer.slice(-shorter.length).join(' ') === shorter.join(' ');
}

function choose(plan: SheetPlan, overrides: LayoutOverrides): void {
  const { columns } = plan;
  const has = (role: Parameters<typeof first>[1]) => first(columns, role) !== undefined;
  const levelHeaders = columns.headers.map((header, col) => (isLevelHeader(header, looksLikeLevel) ? col : -1)).filter((col) => col >= 0);
  // `Competency, Junior, Mid, Senior`: beside an axis column, headers no role claims are levels too.
  const levelsBesideAxis = has('axis') && !has('clause') && !has('description') && columns.unknown.length > 0;
  const named = columns.headers.filter((header) => header.trim());
  if (overrides.layout === undefined && named.length === 1 && headerKey(named[0] as string) === 'grade' && headerKey(plan.sheet.name ?? '') === 'grade') {
    plan.layout = { kind: 'grades' };
    plan.why = 'the grade scale, lowest first: a sheet of grades, one a row';
    return;
  }
  const wantsColumns = overrides.levelsAre === 'columns' || (overrides.levelsAre === undefined && !has('level') && (levelHeaders.length >= 2 || levelsBesideAxis));
  if (overrides.layout === 'long' || (overrides.layout === undefined && has('level') && has('clause') && overrides.levelsAre === undefined)) {
    plan.layout = { kind: 'long' };
    plan.why = `one row per clause: the level is in column \`${columns.headers[first(columns, 'level') ?? 0] ?? ''}\`, the clause in \`${columns.headers[first(columns, 'clause') ?? 0] ?? ''}\``;
  } else if ((overrides.layout === 'wide' || overrides.layout === undefined) && wantsColumns) {
    // Every column that is not the axis, its group or its description is a level.
    const taken = new Set([...(columns.byRole.get('axis') ?? []), ...(columns.byRole.get('group') ?? []), ...(columns.byRole.get('description') ?? []), ...(columns.byRole.get('track') ?? []), ...(columns.byRole.get('code') ?? [])]);
    // From the first header that reads as a level, every column no role claims is a level (`Baker` beside `Head Baker`).
    // Where headers read as levels, the levels run from the first such header to the last (`Baker`
    // between `Apprentice Baker` and `Head Baker` is one); a column after them says more about the axis.
    const byWords = overrides.levelsAre !== 'columns' && levelHeaders.length >= 2;
    let from = byWords ? (levelHeaders[0] as number) : (first(columns, 'axis') ?? 0) + 1;
    // A title the levels after it grow from is the first of them (`Operator` before `Lead Operator`).
    while (byWords && from > 0 && columns.unknown.includes(from - 1) && levelHeaders.some((col) => grownFrom(columns.headers[col] ?? '', columns.headers[from - 1] ?? ''))) from -= 1;
    const to = byWords ? (levelHeaders[levelHeaders.length - 1] as number) : columns.headers.length - 1;
    const levelColumns = columns.headers.map((_, col) => col).filter((col) => col >= from && col <= to && !taken.has(col) && columns.headers[col]?.trim() && !/name$/.test(headerKey(columns.headers[col] ?? '')));
    plan.layout = { kind: 'wide', levelsAre: 'columns', levelColumns };
    plan.why = `levels as columns (${levelColumns.map((col) => `\`${columns.headers[col]}\``).join(', ')}), axes as rows`;
  } else if ((overrides.layout === 'wide' || overrides.layout === undefined) && (has('level') || overrides.levelsAre === 'rows')) {
    plan.layout = { kind: 'wide', levelsAre: 'rows' };
    plan.why = `levels as rows (named in column \`${columns.headers[first(columns, 'level') ?? 0] ?? ''}\`), each other column an axis`;
  } else if (overrides.layout === undefined && has('axis') && (has('clause') || has('description')) && !has('level')) {
    plan.layout = { kind: 'axes' };
    plan.why = 'what each axis means: an axis column and its description, no levels';
  } else {
    plan.why = 'no level column, no headers that read as levels, and no sheets named as levels';
  }
}

/**
 * A workbook of a sheet per competency, as assessment forms are kept: two or more sheets whose
 * header names the same levels and whose rows name no axis. Each is one axis, named by its sheet;
 * a sheet beside them with other levels (a score summary) is not read as levels.
 */
function planAxisSheets(plans: SheetPlan[]): void {
  const levelTitles = (plan: SheetPlan) => (plan.layout?.kind === 'wide' && plan.layout.levelsAre === 'columns' ? plan.layout.levelColumns.map((col) => headerKey(plan.columns.headers[col] ?? '')).join('|') : '');
  const candidates = plans.filter((plan) => {
    if (plan.sheet.name === undefined || plan.layout?.kind !== 'wide' || plan.layout.levelsAre !== 'columns') return false;
    const levels = new Set(plan.layout.levelColumns);
    const axisCol = wideAxisColumn(plan, levels);
    const rows = tableRows(plan);
    return rows.some((row) => row.cells.some((text, col) => text.trim() && levels.has(col))) && rows.every((row) => !(row.cells[axisCol] ?? '').trim());
  });
  const shared = candidates.filter((plan) => levelTitles(plan) === levelTitles(candidates[0] as SheetPlan));
  if (shared.length < 2) return;
  for (const plan of plans) {
    if (shared.includes(plan) && plan.layout?.kind === 'wide' && plan.layout.levelsAre === 'columns') {
      plan.layout = { kind: 'axis-sheet', levelColumns: plan.layout.levelColumns };
      plan.why = `one axis, \`${plan.sheet.name}\`, as a workbook of a sheet per competency has it: levels as columns (${plan.layout.levelColumns.map((col) => `\`${plan.columns.headers[col]}\``).join(', ')}), each row a clause of the axis, the titles above what it means`;
    } else if (plan.layout?.kind === 'wide') {
      plan.layout = undefined;
      plan.titleRows = [];
      plan.why = 'beside the sheets of one competency each, a sheet whose columns are not their levels';
    }
  }
}
