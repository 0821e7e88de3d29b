import { LadderError } from '../../errors.js';
import { DelimitedTextError, delimitedRecords } from './delimited-records.js';
import { SHEET_LIMITS } from './limits.js';
import type { Sheet, SheetRow } from './table.js';

/**
 * CSV or TSV text as one sheet (RFC 4180 quoting, line breaks inside quoted fields, a byte-order
 * mark dropped). Rows may differ in length; a malformed file is refused at the line of its fault.
 */
export function parseDelimited(text: string, file: string, delimiter: ',' | '\t'): Sheet {
  let records: ReturnType<typeof delimitedRecords>;
  try {
    records = delimitedRecords(text, delimiter, SHEET_LIMITS.rows + 1);
  } catch (error) {
    if (!(error instanceof DelimitedTextError)) throw error;
    throw new LadderError('invalid', `${file}:${error.line}: cannot read as ${delimiter === ',' ? 'CSV' : 'TSV'}: ${error.message}`);
  }
  if (records.length > SHEET_LIMITS.rows) throw new LadderError('invalid', `${file}: more than ${SHEET_LIMITS.rows} rows; spreadsheets are limited to ${SHEET_LIMITS.rows} rows (see SECURITY.md)`);
  const rows: SheetRow[] = [];
  let blank = false;
  for (const { cells, line } of records) {
    if (cells.some((cell) => cell.trim() !== '')) {
      rows.push({ row: line, cells, ...(blank && rows.length > 0 ? { afterBlank: true } : {}) });
      blank = false;
    } else blank = true;
  }
  return { rows };
}
