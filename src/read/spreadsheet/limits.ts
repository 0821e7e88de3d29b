/**
 * What a spreadsheet may hold before it is refused (SECURITY.md states the same figures). An XLSX
 * is a zip of XML: its size on disk says little about what it unpacks to, so each bound is on
 * what is unpacked and read, counted as it is read.
 */
export const SHEET_LIMITS = {
  /** The file itself, as for every other input. */
  fileBytes: 16 * 1024 * 1024,
  /** Entries in the zip's directory. */
  zipEntries: 1000,
  /** Bytes unpacked from all the entries that are read, together. */
  unpackedBytes: 32 * 1024 * 1024,
  /** Strings in the shared-strings table. */
  sharedStrings: 200_000,
  /** Rows of one sheet, empty ones included (a row element, or a CSV record). */
  rows: 100_000,
  /** Non-empty cells of the whole workbook. */
  cells: 1_000_000,
  /** Sheets in a workbook. */
  sheets: 256,
} as const;
