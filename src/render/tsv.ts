import { sanitize } from '../io.js';

/**
 * Tab-separated values: one record per line, in a fixed column order. A tab, newline or carriage
 * return inside a field is written as `\t`, `\n` or `\r`, and a backslash as `\\`, so no ladder text
 * can break a row (the escaping of PostgreSQL's COPY text format and of `jq @tsv`).
 */
export function renderTsv(columns: readonly string[], rows: readonly (string | number | null | undefined)[][], header: boolean): string {
  const lines = rows.map((row) => columns.map((_, i) => escapeField(row[i])).join('\t'));
  if (header) lines.unshift(columns.join('\t'));
  return lines.map((line) => `${line}\n`).join('');
}

function escapeField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const escaped = String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] ?? char);
  // Any other control character is shown escaped, as in every text format.
  return sanitize(escaped);
}
