import { parse } from 'csv-parse/sync';
import { LadderError } from '../../errors.js';
import { SHEET_LIMITS } from './limits.js';
import type { Sheet, SheetRow } from './table.js';

/**
 * CSV or TSV text as one sheet, by csv-parse (RFC 4180 quoting, line breaks inside quoted fields,
 * a byte-order mark dropped). Rows may differ in length; a malformed file is refused at the line
 * the parser stopped on.
 */
export function parseDelimited(text: string, file: string, delimiter: ',' | '\t'): Sheet {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: SHEET_LIMITS.rows + 1 }) as unknown as typeof records;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new LadderError('invalid', `${file}${lines ? `:${lines}` : ''}: cannot read as ${delimiter === ',' ? 'CSV' : 'TSV'}: ${message.replace(/^Invalid [^:]*: /, '')}`);
  }
  if (records.length > SHEET_LIMITS.rows) throw new LadderError('invalid', `${file}: more than ${SHEET_LIMITS.rows} rows; spreadsheets are limited to ${SHEET_LIMITS.rows} rows (see SECURITY.md)`);
  const rows: SheetRow[] = [];
  // A quoted field may hold line breaks: a record is placed at the line it starts on.
  let line = 0;
  let blank = false;
  for (const { record, info } of records) {
    if (record.some((cell) => cell.trim() !== '')) {
      rows.push({ row: line, cells: record, ...(blank && rows.length > 0 ? { afterBlank: true } : {}) });
      blank = false;
    } else blank = true;
    line = info.lines;
  }
  return { rows };
}
