import { basename, extname } from 'node:path';
import type { Diagnostic } from '../../errors.js';
import { LadderError } from '../../errors.js';
import type { ReadResult } from '../finish.js';
import { normalizeName } from '../../model/names.js';
import { finish } from '../finish.js';
import { Collector } from './cells.js';
import type { LayoutOverrides, SheetPlan } from './detect-layout.js';
import { planSheets } from './detect-layout.js';
import { first } from './columns.js';
import { isLevelIdHeader } from './level-table.js';
import type { LevelTable } from './layouts.js';
import { readAxes, readAxisSheet, readGrades, readLevelSheet, readLong, readWideColumns, readWideRows } from './layouts.js';
import { SHEET_LIMITS } from './limits.js';
import { parseDelimited } from './parse-csv.js';
import type { SheetFormat, Workbook } from './table.js';
import { cellPlace } from './table.js';

export interface SpreadsheetOptions extends LayoutOverrides {
  keepUnresolved?: boolean;
  /** The track of levels no track column names (default: the file's name). */
  trackName?: string;
  /** The titles of levels a level column names by id (`nivel_id`), from the table of levels beside the file. */
  levelTable?: LevelTable;
}

export interface SpreadsheetResult extends ReadResult {
  /** How each sheet was read, for `--explain`. */
  plans: SheetPlan[];
  book: Workbook;
}

/** The sheets of a file. The XLSX reader (with its unzipper) is loaded only for an XLSX file. */
export async function readWorkbook(file: string, bytes: Uint8Array, format: SheetFormat): Promise<Workbook> {
  if (bytes.length > SHEET_LIMITS.fileBytes) throw new LadderError('file', `${file}: more than ${SHEET_LIMITS.fileBytes} bytes; spreadsheets are limited to 16 MiB (see SECURITY.md)`);
  if (format === 'xlsx') return { file, format, sheets: (await import('./parse-xlsx.js')).parseXlsx(bytes, file) };
  return readDelimitedBook(file, bytes, format);
}

/** A CSV or TSV file as a workbook of one sheet: no XLSX reader is loaded for it. */
export function readDelimitedBook(file: string, bytes: Uint8Array, format: 'csv' | 'tsv'): Workbook {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { file, format, sheets: [parseDelimited(text, file, format === 'csv' ? ',' : '\t')] };
}

/**
 * A spreadsheet as one ladder, by the layout each sheet shows (or the one asked for). Every cell
 * with text ends up in the ladder, or in a warning that names the cell.
 */
export function readSpreadsheet(book: Workbook, options: SpreadsheetOptions = {}): SpreadsheetResult {
  const plans = planSheets(book.sheets, options);
  for (const plan of plans) {
    const levelCol = first(plan.columns, 'level');
    if (levelCol === undefined || !isLevelIdHeader(plan.columns.headers[levelCol] ?? '')) continue;
    plan.why += options.levelTable ? `; the levels' ids in \`${plan.columns.headers[levelCol]}\` named by ${options.levelTable.file}` : `; the levels are ids in \`${plan.columns.headers[levelCol]}\`, and no table of levels beside the file (\`levels\` or \`niveis\`, with \`id\` and \`name\`) names them`;
  }
  const defaultTrack = options.trackName ?? trackNameOf(book.file);
  const into = new Collector(defaultTrack);
  // Sheets of one level or one axis each are parts of one track; other sheets with levels are a track each.
  const severalSheets = plans.filter((plan) => plan.layout && plan.layout.kind !== 'axes' && plan.layout.kind !== 'grades' && plan.layout.kind !== 'level-sheet' && plan.layout.kind !== 'axis-sheet').length > 1;
  // The grade scale comes first, so the levels' grades can be placed on it. A long sheet holds every
  // level whole, so it is read next; the wide sheets beside it (views of the same ladder, as
  // `export --format xlsx` writes) then add only what it lacks.
  const order = (plan: SheetPlan) => (plan.layout?.kind === 'grades' ? 0 : plan.layout?.kind === 'long' ? 1 : 2);
  for (const plan of [...plans].sort((a, b) => order(a) - order(b))) {
    const reading = { book, plan, into, trackName: severalSheets ? plan.sheet.name : undefined, levelTable: options.levelTable };
    const titles = plan.titleRows.flatMap((row) => row.cells).map((cell) => cell.trim()).filter(Boolean);
    // One competency's sheet: the titles above its table say what the axis means (the first, its name, again).
    if (plan.layout?.kind === 'axis-sheet') {
      const axis = (plan.sheet.name ?? '').trim();
      for (const text of titles) if (normalizeName(text) !== normalizeName(axis)) into.defineAxis(axis, text);
      readAxisSheet(reading, plan.layout.levelColumns);
      continue;
    }
    // A title above the header names the ladder; more titles describe it, as does a first one of several lines or a sentence's length.
    for (const text of titles) {
      if (into.draft.name === undefined && into.draft.description.length === 0 && !text.includes('\n') && text.length <= 80) into.draft.name = text;
      else if (text !== into.draft.name && !into.draft.description.includes(text)) into.draft.description.push(text);
    }
    // Notes under the table describe the ladder.
    for (const row of plan.sheet.rows.filter((candidate) => plan.notesFrom !== undefined && candidate.row >= plan.notesFrom)) {
      for (const text of row.cells.map((cell) => cell.trim()).filter(Boolean)) if (!into.draft.description.includes(text)) into.draft.description.push(text);
    }
    const layout = plan.layout;
    if (!layout) {
      for (const row of plan.sheet.rows) {
        row.cells.forEach((text, col) => {
          if (text.trim()) into.leaveOut(cellPlace(book, plan.sheet, row.row, col), `a cell of a sheet read as no layout (${plan.why})`, text);
        });
      }
      continue;
    }
    if (layout.kind === 'long') readLong(reading);
    else if (layout.kind === 'wide' && layout.levelsAre === 'columns') readWideColumns(reading, layout.levelColumns);
    else if (layout.kind === 'wide') readWideRows(reading);
    else if (layout.kind === 'level-sheet') readLevelSheet(reading);
    else if (layout.kind === 'grades') readGrades(reading);
    else readAxes(reading);
  }
  into.settle();
  if (into.draft.tracks.every((track) => track.levels.length === 0) && into.findings.errors.length === 0) {
    // Sheets that only say what each axis means are a catalogue of skills, not a ladder: no level has a text of its own.
    const catalogue = plans.every((plan) => plan.layout === undefined || plan.layout.kind === 'axes') && into.axisDefinitions.size > 0;
    if (catalogue) into.error({ file: book.file }, `no levels found: not a ladder but a catalogue of ${into.axisDefinitions.size} axes, each with its description, and no text for any level`, 'a ladder gives each level its own text per axis: add a level column (one row per clause) or a column per level, or name the layout with --layout and --levels-are');
    else into.error({ file: book.file }, 'no levels found: no sheet has a level column, headers that read as levels, or sheets named as levels', 'see how each sheet was read with --explain, and name the layout with --layout and --levels-are');
  }
  const result = finish(into.draft, [{ name: book.file }], into.findings, { keepUnresolved: options.keepUnresolved });
  const definitions = (texts: Map<string, string[]>) => [...texts].map(([name, meanings]) => ({ name, description: meanings.join('\n\n') }));
  if (result.data && into.axisDefinitions.size > 0) result.data.axes = definitions(into.axisDefinitions);
  for (const track of result.data?.tracks ?? []) {
    const own = into.trackAxisDefinitions.get(track.name);
    if (own) track.axes = definitions(own);
  }
  return { ...result, warnings: placed(result.warnings), errors: placed(result.errors), plans, book };
}

/** A cell of an XLSX is placed by its name alone (`team.xlsx:Engineers!C14`), with no line. */
function placed(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => (diagnostic.line === 0 ? { ...diagnostic, line: undefined, col: undefined } : diagnostic));
}

/** `career-ladder.csv` → `Career ladder`. */
function trackNameOf(file: string): string {
  const name = basename(file, extname(file)).replace(/[-_]+/g, ' ').trim();
  return name && name !== '-' ? name.charAt(0).toUpperCase() + name.slice(1) : 'Levels';
}

/** `--explain`: how each sheet was read, one line each. */
export function explainSpreadsheet(result: SpreadsheetResult): string[] {
  return result.plans.map((plan) => {
    const where = plan.sheet.name !== undefined ? `${result.book.file}:${plan.sheet.name}` : result.book.file;
    const header = plan.header ? ` header in row ${plan.header.row + 1};` : '';
    const title = plan.titleRows.length > 0 ? ` title above it;` : '';
    const layout = plan.layout ? (plan.layout.kind === 'wide' ? `wide (levels as ${plan.layout.levelsAre})` : plan.layout.kind === 'axis-sheet' ? 'one axis' : plan.layout.kind) : 'not read';
    return `${where}: ${layout};${header}${title} ${plan.why}`;
  });
}
