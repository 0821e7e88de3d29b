import { looksLikeLevel } from '../markdown/titles.js';
import type { Columns } from './columns.js';
import { first, headerKey, isLevelHeader, recognise } from './columns.js';
import type { Sheet, SheetRow } from './table.js';

export type LayoutName = 'wide' | 'long' | 'sheets';
export type LevelsAre = 'rows' | 'columns';

/** How one sheet is read. */
export type SheetLayout =
  | { kind: 'long' }
  | { kind: 'wide'; levelsAre: 'columns'; levelColumns: number[] }
  | { kind: 'wide'; levelsAre: 'rows' }
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
  return plan;
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
    const from = byWords ? (levelHeaders[0] as number) : (first(columns, 'axis') ?? 0) + 1;
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
