/** A sheet as read: its name (an XLSX sheet's tab; none for CSV) and its rows of cell texts. */
export interface Sheet {
  name?: string;
  /** Rows in order, each with its 0-based row number in the file; rows with no text are left out. */
  rows: SheetRow[];
}

export interface SheetRow {
  /** 0-based row in the file (for CSV, the line the record starts on, counted from 0). */
  row: number;
  /** Cell texts by 0-based column; a missing or empty cell is ''. */
  cells: string[];
  /** A row with no text comes between this row and the one before it. */
  afterBlank?: boolean;
}

export const SHEET_FORMATS = ['csv', 'tsv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The spreadsheet format a file's name says, if any. */
export function spreadsheetFormat(name: string): SheetFormat | undefined {
  const extension = /\.(csv|tsv|tab|xlsx|xlsm)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'csv' ? 'csv' : extension === 'tsv' || extension === 'tab' ? 'tsv' : extension ? 'xlsx' : undefined;
}

export interface Workbook {
  /** The file's name as given, for messages. */
  file: string;
  format: SheetFormat;
  sheets: Sheet[];
}

/** Where a cell is, as a diagnostic names it: `ladder.csv:14:3` or `team.xlsx:Engineers!C14`. */
export interface CellPlace {
  file: string;
  line?: number;
  col?: number;
}

/** `0` → `A`, `27` → `AB`. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `AB` → `27`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}

/** The place of a cell (0-based row and column) of a sheet of the workbook. */
export function cellPlace(book: Workbook, sheet: Sheet, row: number, col: number): CellPlace {
  if (book.format !== 'xlsx') return { file: book.file, line: row + 1, col: col + 1 };
  const name = sheet.name ?? '';
  const quoted = /^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return { file: `${book.file}:${quoted}!${columnLetters(col)}${row + 1}` };
}

/** A name as a sheet's tab may hold it: 31 characters at most, none of `[]:*?/\`. */
export function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
}
