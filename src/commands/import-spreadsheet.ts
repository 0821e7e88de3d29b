import { closeSync, existsSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { LadderError } from '../errors.js';
import { readBounded } from '../read/read-bounded.js';
import type { LayoutName, LevelsAre } from '../read/spreadsheet/detect-layout.js';
import type { LevelTable } from '../read/spreadsheet/layouts.js';
import { levelTableCandidates, levelTitlesById, namesLevelsById } from '../read/spreadsheet/level-table.js';
import { SHEET_LIMITS } from '../read/spreadsheet/limits.js';
import { explainSpreadsheet, readDelimitedBook, readSpreadsheet, readWorkbook } from '../read/spreadsheet/read-spreadsheet.js';
import type { SheetFormat } from '../read/spreadsheet/table.js';
import { spreadsheetFormat } from '../read/spreadsheet/table.js';
import type { CommandContext } from './context.js';
import { warn } from './context.js';
import type { ReadResult } from '../read/finish.js';

export interface SpreadsheetImportOptions {
  from?: SheetFormat;
  layout?: LayoutName;
  levelsAre?: LevelsAre;
  explain?: boolean;
  keepUnresolved: boolean;
  track?: string;
}

/**
 * A CSV, TSV or XLSX file (or standard input with `--from`) read as a ladder, with warnings and
 * errors that name cells; `--explain` prints how each sheet was read. The caller writes
 * the result as it writes a Markdown import.
 */
export async function readSpreadsheetInput(context: CommandContext, input: string, options: SpreadsheetImportOptions): Promise<ReadResult> {
  const format = options.from ?? spreadsheetFormat(input);
  if (!format) throw new LadderError('usage', `${input}: cannot tell the spreadsheet format`, { hint: 'name it with --from csv|tsv|xlsx' });
  const name = input === '-' ? '<stdin>' : input;
  const bytes = input === '-' ? context.io.readStdin() : readFile(resolve(context.io.cwd, input), input);
  const book = await readWorkbook(name, bytes, format);
  const levelTable = input !== '-' && format !== 'xlsx' && namesLevelsById(book) ? findLevelTable(context, input, format) : undefined;
  const result = readSpreadsheet(book, { layout: options.layout, levelsAre: options.levelsAre, keepUnresolved: options.keepUnresolved, trackName: options.track, levelTable });
  if (options.explain) context.io.stdout.write(explainSpreadsheet(result).map((line) => `${line}\n`).join(''));
  await warn(context, result.warnings);
  if (!result.data) throw new LadderError('invalid', `${name}: cannot import`, { diagnostics: result.errors });
  return result;
}

/** The table of levels beside a CSV or TSV file (`niveis.csv` beside `skills.csv`), for a level column of ids. */
function findLevelTable(context: CommandContext, input: string, format: 'csv' | 'tsv'): LevelTable | undefined {
  for (const candidate of levelTableCandidates(input)) {
    if (!existsSync(resolve(context.io.cwd, candidate))) continue;
    const titles = levelTitlesById(readDelimitedBook(candidate, readFile(resolve(context.io.cwd, candidate), candidate), format));
    if (titles) return { file: candidate, titles };
  }
  return undefined;
}

function readFile(path: string, display: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readBounded(fd, SHEET_LIMITS.fileBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LadderError('file', `${display}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
