import { normalizeName, slugify } from '../../model/names.js';
import type { DraftLevel, DraftTrack } from '../markdown/draft.js';
import { NONE } from '../markdown/labels.js';
import type { Collector } from './cells.js';
import { cellParts } from './cells.js';
import type { ColumnRole } from './columns.js';
import { first, headerKey } from './columns.js';
import type { SheetPlan } from './detect-layout.js';
import { tableRows, wideAxisColumn } from './table-regions.js';
import { isLevelIdHeader } from './level-table.js';
import type { CellPlace, Sheet, Workbook } from './table.js';
import { cellPlace } from './table.js';

/** The roles whose empty cells mean "the same as above" in a sparse (merged-cell) sheet. */
const HIERARCHY: ColumnRole[] = ['track', 'level', 'group', 'axis'];

/** The titles of levels by id, and the file they come from. */
export interface LevelTable {
  file: string;
  titles: Map<string, string>;
}

interface Reading {
  book: Workbook;
  plan: SheetPlan;
  into: Collector;
  /** The track of a sheet without a track column. */
  trackName?: string;
  levelTable?: LevelTable;
}

const at = (reading: Reading, row: number, col: number): CellPlace => cellPlace(reading.book, reading.plan.sheet, row, col);
const cell = (cells: string[], col: number | undefined): string => (col === undefined ? '' : (cells[col] ?? '').trim());
const dataRows = tableRows;

/**
 * Fills the empty cells of the hierarchy columns from the row above, as merged cells exported to
 * CSV need, and says so once per sheet. `roles` go from the outermost (a track) in: a value
 * written in an outer column starts afresh, so the inner ones are filled only under it.
 */
function forwardFill(reading: Reading, roles: ColumnRole[]): void {
  const { plan } = reading;
  const cols = roles.flatMap((role) => plan.columns.byRole.get(role) ?? []);
  const above = new Map<number, string>();
  let filled = 0;
  const named = new Set<number>();
  for (const row of dataRows(plan)) {
    cols.forEach((col, depth) => {
      const text = cell(row.cells, col);
      if (text) {
        if (above.get(col) !== text) for (const inner of cols.slice(depth + 1)) if (!cell(row.cells, inner)) above.delete(inner);
        above.set(col, text);
      } else if (above.has(col)) {
        row.cells[col] = above.get(col) as string;
        filled += 1;
        named.add(col);
      }
    });
  }
  if (filled > 0 && plan.header) {
    reading.into.warn(at(reading, plan.header.row, cols[0] ?? 0), `sparse layout: ${filled} empty ${filled === 1 ? 'cell' : 'cells'} in ${[...named].sort((a, b) => a - b).map((col) => `\`${plan.columns.headers[col] ?? ''}\``).join(', ')} read as the value above (merged cells)`);
  }
}

/**
 * A level's title as its cell names it: in a column of ids (`nivel_id`) with a table of levels
 * beside the file, the title the table gives that id, and the id as the level's code; an id the
 * table lacks is an error at its cell.
 */
function levelTitle(reading: Reading, text: string, row: number, col: number): { title?: string; code?: string } {
  const table = reading.levelTable;
  if (!table || !text || !isLevelIdHeader(reading.plan.columns.headers[col] ?? '')) return { title: text };
  const title = table.titles.get(text);
  if (!title) reading.into.error(at(reading, row, col), `level id \`${text}\` is not in ${table.file}`, 'add the level to that table, or write its title here');
  return { title, code: text };
}

/** A track's description, the group it is in (`Role Family: Architecture`), its equivalent label and id, where the sheet has columns for them. */
function trackExtras(reading: Reading, track: DraftTrack, cells: string[]): void {
  const { columns } = reading.plan;
  const texts = [...(columns.byRole.get('trackGroup') ?? []).map((col) => (cell(cells, col) ? `${columns.headers[col]?.trim()}: ${cell(cells, col)}` : '')), cell(cells, first(columns, 'trackDescription'))];
  for (const text of texts) if (text && !track.description.includes(text)) track.description.push(text);
  const label = cell(cells, first(columns, 'equivalentLabel'));
  if (label && track.equivalentLabel === undefined) track.equivalentLabel = label;
  // Slugified only where there is an id to take: a long sheet calls this on every row.
  const trackId = cell(cells, first(columns, 'trackId'));
  const id = trackId && track.id === undefined ? slugify(trackId) : '';
  if (id) track.id = id;
}

/** A level's description, note, equivalent, id, aliases and grade, where the sheet has columns for them. */
function levelExtras(reading: Reading, level: DraftLevel, cells: string[], row: number): void {
  const { columns } = reading.plan;
  const description = cell(cells, first(columns, 'levelDescription'));
  if (description && !level.description.includes(description)) level.description.push(description);
  const note = cell(cells, first(columns, 'note'));
  if (note && !level.note?.split('\n\n').includes(note)) level.note = level.note ? `${level.note}\n\n${note}` : note;
  const equivalent = cell(cells, first(columns, 'equivalent'));
  if (equivalent && level.equivalentName === undefined) {
    // `n/a` says the level has no peer, which a title other tracks share would otherwise make it.
    if (!NONE.test(equivalent)) level.equivalentName = equivalent;
    level.equivalentLine = row + 1;
  }
  const levelId = cell(cells, first(columns, 'id'));
  const id = levelId && level.pinnedId === undefined ? slugify(levelId) : '';
  if (id) level.pinnedId = id;
  // Aliases one a line, as export writes them (an alias may hold a comma).
  for (const alias of cell(cells, first(columns, 'aliases')).split('\n')) if (alias.trim() && !level.aliases.includes(alias.trim())) level.aliases.push(alias.trim());
  const gradeCol = gradeColumn(reading);
  const grade = cell(cells, gradeCol);
  if (grade && level.grade === undefined) {
    if (reading.into.draft.grades?.includes(grade)) level.grade = grade;
    else reading.into.error(at(reading, row, gradeCol as number), `grade \`${grade}\` is not on the grade scale (${reading.into.draft.grades?.map((known) => `\`${known}\``).join(', ')})`, 'use a grade of the Grades sheet, or add it there in its place');
  }
}

/**
 * The column of grades, where the workbook states its grade scale (a `Grades` sheet, as export
 * writes): a `Grade` column then places each level on the scale. Without a scale, `Grade` is a code.
 */
function gradeColumn(reading: Reading): number | undefined {
  const { columns } = reading.plan;
  if (!reading.into.draft.grades) return undefined;
  return (columns.byRole.get('code') ?? []).find((col) => headerKey(columns.headers[col] ?? '') === 'grade');
}

/** The column of level codes: the first code column that is not the grades'. */
function codeColumn(reading: Reading): number | undefined {
  const grade = gradeColumn(reading);
  return (reading.plan.columns.byRole.get('code') ?? []).find((col) => col !== grade);
}

/** The grade scale, lowest first: each row's grade, once. */
export function readGrades(reading: Reading): void {
  const { plan, into } = reading;
  const col = plan.columns.headers.findIndex((header) => header.trim());
  const grades = into.draft.grades ?? [];
  for (const row of dataRows(plan)) {
    const grade = cell(row.cells, col);
    if (grade && !grades.includes(grade)) grades.push(grade);
  }
  into.draft.grades = grades;
}

/** Columns no role claims: each cell kept in the level's note as `Header: text`, so no word is lost. */
function keepUnknown(reading: Reading, level: DraftLevel, cells: string[], skip: Set<number> = new Set()): void {
  for (const col of reading.plan.columns.unknown) {
    const text = cell(cells, col);
    if (!text || skip.has(col)) continue;
    const line = `${reading.plan.columns.headers[col]}: ${text}`;
    if (level.note?.split('\n').includes(line)) continue;
    level.note = level.note ? `${level.note}\n${line}` : line;
  }
}

/** One row per clause: `Track, Level, Area, Competency, Behaviour`. */
export function readLong(reading: Reading): void {
  const { plan, into } = reading;
  const { columns } = plan;
  forwardFill(reading, HIERARCHY);
  const levelCol = first(columns, 'level') as number;
  const clauseCol = first(columns, 'clause') as number;
  const rowIdCol = first(columns, 'rowId');
  if (rowIdCol !== undefined) {
    const ids = dataRows(plan).filter((row) => cell(row.cells, rowIdCol));
    if (ids[0]) into.leaveOutColumn(at(reading, ids[0].row, rowIdCol), `the rows' own ids in column \`${columns.headers[rowIdCol]}\``, ids.map((row) => cell(row.cells, rowIdCol)));
  }
  // The columns, found once: the loop runs once a clause.
  const trackCol = first(columns, 'track');
  const axisCol = first(columns, 'axis');
  const groupCol = first(columns, 'group');
  const statementCol = first(columns, 'statement');
  const codeCol = codeColumn(reading);
  for (const row of dataRows(plan)) {
    const title = cell(row.cells, levelCol);
    const trackName = cell(row.cells, trackCol);
    const clause = cell(row.cells, clauseCol);
    // A track named with no level under it yet: its text is the track's introduction.
    if (!title && trackName && clause && !cell(row.cells, axisCol)) {
      const track = into.track(trackName, at(reading, row.row, trackCol as number));
      if (!track.description.includes(clause)) track.description.push(clause);
      continue;
    }
    if (!title) {
      into.error(at(reading, row.row, levelCol), `a clause in an unknown level: \`${columns.headers[levelCol]}\` is empty here and in every row above`, 'name the level in this cell');
      continue;
    }
    const named = levelTitle(reading, title, row.row, levelCol);
    if (!named.title) continue;
    const track = into.track(trackName || reading.trackName, at(reading, row.row, trackCol ?? levelCol));
    const level = into.level(track, named.title, at(reading, row.row, levelCol), cell(row.cells, codeCol) || named.code);
    trackExtras(reading, track, row.cells);
    levelExtras(reading, level, row.cells, row.row);
    const axis = cell(row.cells, axisCol) || cell(row.cells, groupCol);
    const statement = cell(row.cells, statementCol);
    if (statement && !sameWords(clause, statement)) into.addCell(level, axis, statement, row.row + 1);
    addAxisCells(reading, level, axis, row.cells, row.row, clauseCol);
    keepUnknown(reading, level, row.cells);
  }
}

/** Whether `clause` says `statement` word for word, its Markdown emphasis aside (`**Kimball**: fact tables` says `Kimball`). */
function sameWords(clause: string, statement: string): boolean {
  const plain = (text: string) => text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return plain(clause).includes(plain(statement));
}

/**
 * The cells of one axis in a row: the clauses, the axis's group and description (what the axis
 * means), examples and proficiency (clauses that say what they are: `Proficiency: Expert`). A row with clauses but no axis gives
 * the level's description.
 */
function addAxisCells(reading: Reading, level: DraftLevel, axis: string, cells: string[], row: number, clauseCol: number | undefined): void {
  const { plan, into } = reading;
  const { columns } = plan;
  const line = row + 1;
  const clause = cell(cells, clauseCol);
  if (!axis) {
    if (clause && !level.description.includes(clause)) level.description.push(clause);
    return;
  }
  for (const col of columns.byRole.get('group') ?? []) {
    const group = cell(cells, col);
    if (group && group !== axis) into.defineAxis(axis, `${columns.headers[col]}: ${group}`);
  }
  for (const col of columns.byRole.get('description') ?? []) if (cell(cells, col)) into.defineAxis(axis, cell(cells, col));
  const proficiency = cell(cells, first(columns, 'proficiency'));
  if (proficiency) into.addCell(level, axis, `${columns.headers[first(columns, 'proficiency') as number]}: ${proficiency}`, line);
  if (clause) into.addCell(level, axis, clause, line);
  const examples = cell(cells, first(columns, 'examples'));
  if (examples) into.addCell(level, axis, cellParts(examples).map((part) => `${columns.headers[first(columns, 'examples') as number]?.trim()}: ${part.text}`).join('\n'), line);
}

/** The levels a header names, one a column; a title two columns share is an error at the second. */
function headerLevels(reading: Reading, track: DraftTrack, levelColumns: number[]): Map<number, DraftLevel> {
  const { plan, into } = reading;
  const headerRow = plan.header?.row ?? 0;
  const levels = new Map<number, DraftLevel>();
  const seen = new Map<string, number>();
  for (const col of levelColumns) {
    const title = (plan.columns.headers[col] ?? '').trim();
    const key = normalizeName(title);
    const before = seen.get(key);
    if (before !== undefined) {
      into.error(at(reading, headerRow, col), `duplicate level \`${title}\`: column ${before + 1} has the same title`, 'each level column names one level; rename or merge one');
      continue;
    }
    seen.set(key, col);
    levels.set(col, into.level(track, title, at(reading, headerRow, col)));
  }
  return levels;
}

/** Levels as columns, axes as rows: `Competency, Level 1, Level 2, …` or `Area, Junior, Senior, …`. */
export function readWideColumns(reading: Reading, levelColumns: number[]): void {
  const { plan, into } = reading;
  const { columns } = plan;
  const headerRow = plan.header?.row ?? 0;
  const levelSet = new Set(levelColumns);
  const axisCol = wideAxisColumn(plan, levelSet);
  const track = into.track(reading.trackName, at(reading, headerRow, axisCol));
  const levels = headerLevels(reading, track, levelColumns);
  forwardFill(reading, ['group', 'axis']);
  const headless = new Set<number>();
  for (const row of dataRows(plan)) {
    const axis = cell(row.cells, axisCol);
    row.cells.forEach((text, col) => {
      if (!text.trim() || col === axisCol || levelSet.has(col)) return;
      if (!(columns.headers[col] ?? '').trim() && !headless.has(col)) {
        headless.add(col);
        into.error(at(reading, row.row, col), 'a level column with no header: this cell has text but its column names no level', `give column ${col + 1} a header (the level's title) in row ${headerRow + 1}`);
      }
    });
    if (!axis) {
      for (const col of levelColumns) if (cell(row.cells, col)) into.error(at(reading, row.row, col), 'a clause with no axis: the axis column is empty here and in every row above', 'name the axis in this row');
      continue;
    }
    for (const [col, level] of levels) if (cell(row.cells, col)) into.addCell(level, axis, row.cells[col] as string, row.row + 1);
    // The axis's other columns (its code, category, description) say what it means.
    row.cells.forEach((text, col) => {
      const header = (columns.headers[col] ?? '').trim();
      if (!text.trim() || col === axisCol || levelSet.has(col) || !header) return;
      into.defineAxis(axis, first(columns, 'description') === col || columns.byRole.get('clause')?.includes(col) ? text.trim() : `${header}: ${text.trim()}`);
    });
  }
}

/** Levels as rows, axes as columns: `Level, Code, Technical, Communication, …`. */
export function readWideRows(reading: Reading): void {
  const { plan, into } = reading;
  const { columns, header } = plan;
  const levelCol = first(columns, 'level') ?? 0;
  const roleCols = new Set([...columns.byRole.entries()].filter(([role]) => role !== 'axis' && role !== 'group' && role !== 'clause').flatMap(([, cols]) => cols));
  const firstRow = new Map<string, number>();
  forwardFill(reading, ['track']);
  for (const row of dataRows(plan)) {
    const title = cell(row.cells, levelCol);
    if (!title) {
      into.error(at(reading, row.row, levelCol), 'empty title: this row has text but no level title', `write the level's title in column ${columns.headers[levelCol] ? `\`${columns.headers[levelCol]}\`` : levelCol + 1}`);
      continue;
    }
    const trackName = cell(row.cells, first(columns, 'track')) || reading.trackName;
    const key = `${normalizeName(trackName ?? '')}\u0000${normalizeName(title)}`;
    const before = firstRow.get(key);
    if (before !== undefined) {
      into.error(at(reading, row.row, levelCol), `duplicate level \`${title}\`: row ${before + 1} has the same title`, 'each row is one level; rename or merge one');
      continue;
    }
    firstRow.set(key, row.row);
    const track = into.track(trackName, at(reading, row.row, levelCol));
    const named = levelTitle(reading, title, row.row, levelCol);
    if (!named.title) continue;
    const { title: bare, tenure } = splitTenure(named.title);
    const level = into.level(track, bare, at(reading, row.row, levelCol), cell(row.cells, codeColumn(reading)) || named.code);
    if (tenure) level.note = level.note ? `${tenure}\n\n${level.note}` : tenure;
    const description = cell(row.cells, first(columns, 'description'));
    if (description) level.description.push(description);
    levelExtras(reading, level, row.cells, row.row);
    row.cells.forEach((text, col) => {
      if (!text.trim() || col === levelCol || roleCols.has(col)) return;
      const axis = (columns.headers[col] ?? '').trim();
      if (!axis) into.error(at(reading, row.row, col), 'a cell in a column with no header: the column names no axis', `give column ${col + 1} a header in row ${(header?.row ?? 0) + 1}`);
      else into.addCell(level, axis, text, row.row + 1);
    });
  }
  // A label over a column the second header row names (`Dex` over `Technical Skill`) says what the axis is.
  for (const [col, label] of plan.above ?? []) {
    const axis = (columns.headers[col] ?? '').trim();
    if (!roleCols.has(col) && col !== levelCol) into.defineAxis(axis, label);
    else into.leaveOut(at(reading, plan.aboveRow ?? 0, col), `the label above \`${axis}\``, label);
  }
}

/** How long a level is typically held, written after its title: `E1, ~ 1 yr`, `E0 ~ 4 - 6 mth`, `E3 (3-5 years)`. */
const TENURE = /^(\S.{0,39}?)\s*(?:,\s*|\s+(?=[~(])|\s+)(\(?~?\s*\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*\+?\s*(?:years?|yrs?|months?|mths?|mos?|anos?|meses|a[ñn]os)\)?)$/i;

/** A level's title and the tenure written after it, which is kept in the level's note. */
export function splitTenure(title: string): { title: string; tenure?: string } {
  const match = TENURE.exec(title.trim());
  return match ? { title: (match[1] as string).trim(), tenure: (match[2] as string).trim() } : { title };
}

/**
 * One competency's sheet of a workbook kept a sheet per competency (an assessment form): the
 * sheet's name is the axis, each level column's cells its clauses at that level. The form's own
 * cells are left out, each named: a row that says the same under every level (`Level result`) is
 * a label, and a column with no header beside the levels that repeats one text (`Nope`) holds the
 * answers.
 */
export function readAxisSheet(reading: Reading, levelColumns: number[]): void {
  const { plan, into } = reading;
  const axis = (plan.sheet.name ?? '').trim();
  const track = into.track(reading.trackName, at(reading, plan.header?.row ?? 0, levelColumns[0] ?? 0));
  const levels = headerLevels(reading, track, levelColumns);
  const rows = dataRows(plan);
  const isLabel = (cells: string[]) => {
    const texts = levelColumns.map((col) => cell(cells, col));
    return texts.length >= 2 && texts.every(Boolean) && new Set(texts).size === 1;
  };
  const answers = new Map<number, { text: string; rows: number[] }>();
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), plan.columns.headers.length);
  for (let col = 0; col < width; col += 1) {
    if ((plan.columns.headers[col] ?? '').trim() || levels.has(col)) continue;
    const texts = rows.filter((row) => !isLabel(row.cells) && cell(row.cells, col)).map((row) => ({ row: row.row, text: cell(row.cells, col) }));
    if (texts.length >= 2 && texts.every((entry) => entry.text === texts[0]?.text)) answers.set(col, { text: texts[0]?.text as string, rows: texts.map((entry) => entry.row) });
  }
  for (const row of rows) {
    const label = isLabel(row.cells);
    row.cells.forEach((text, col) => {
      if (!text.trim() || (!label && answers.has(col))) return;
      const level = levels.get(col);
      if (label) into.leaveOut(at(reading, row.row, col), 'a label of the assessment form', text.trim());
      else if (level) into.addCell(level, axis, text, row.row + 1);
      else into.leaveOut(at(reading, row.row, col), 'a cell beside the level columns', text.trim());
    });
  }
  for (const [col, { text, rows: where }] of answers) {
    into.leaveOutRepeated(at(reading, where[0] as number, col), `the ${where.length} answers of the assessment form in this column (rows ${(where[0] as number) + 1}–${(where[where.length - 1] as number) + 1}), each`, text, where.length);
  }
}

/** One sheet per level: the sheet's name is the level, its rows `Theme, Competency, Proficiency, Evidence`. */
export function readLevelSheet(reading: Reading): void {
  const { plan, into } = reading;
  const { columns } = plan;
  const sheet = plan.sheet as Sheet & { name: string };
  const headerRow = plan.header?.row ?? 0;
  const axisCol = first(columns, 'axis') ?? first(columns, 'group') ?? 0;
  const clauseCol = first(columns, 'clause') ?? first(columns, 'examples') ?? (axisCol === 0 ? 1 : 0);
  const track = into.track(reading.trackName, at(reading, headerRow, 0));
  const existing = into.findLevel(track, sheet.name);
  if (existing) into.error(at(reading, headerRow, 0), `duplicate level \`${sheet.name}\`: another sheet names the same level`, 'rename one of the sheets');
  const level = into.level(track, sheet.name, at(reading, headerRow, 0));
  forwardFill(reading, ['group', 'axis']);
  for (const row of dataRows(plan)) {
    const axis = cell(row.cells, axisCol);
    addAxisCells(reading, level, axis, row.cells, row.row, clauseCol);
    keepUnknown(reading, level, row.cells, new Set([clauseCol]));
  }
}

/** What each axis means: `Axis, Description`. */
export function readAxes(reading: Reading): void {
  const { plan, into } = reading;
  const axisCol = first(plan.columns, 'axis') as number;
  const groupCols = plan.columns.byRole.get('group') ?? [];
  const textCols = [...(plan.columns.byRole.get('description') ?? []), ...(plan.columns.byRole.get('clause') ?? [])];
  // A track column (as export writes for a track's own axes) says whose definition a row is; blank, the ladder's.
  const trackCol = first(plan.columns, 'track');
  forwardFill(reading, ['group', 'axis']);
  for (const row of dataRows(plan)) {
    // A row that names a group and no axis of it (a domain's own row) says what the group means.
    const axis = cell(row.cells, axisCol) || [...groupCols].reverse().map((col) => cell(row.cells, col)).find(Boolean) || '';
    const track = cell(row.cells, trackCol) || undefined;
    row.cells.forEach((text, col) => {
      if (!text.trim() || col === axisCol || col === trackCol || (groupCols.includes(col) && text.trim() !== axis)) return;
      if (text.trim() === axis) return;
      if (!axis) into.leaveOut(at(reading, row.row, col), 'a description with no axis', text);
      else into.defineAxis(axis, textCols.includes(col) ? text.trim() : `${plan.columns.headers[col]}: ${text.trim()}`, track);
    });
  }
}
