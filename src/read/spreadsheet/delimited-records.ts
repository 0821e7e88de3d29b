/**
 * The records of a CSV or TSV text (RFC 4180): fields separated by the delimiter, records by a line
 * break (CRLF, LF or CR), a field in double quotes may hold delimiters, line breaks and `""` for a
 * quote, and a byte-order mark at the start is dropped. Read as csv-parse reads it with
 * `relax_quotes` and `relax_column_count`: a quote inside an unquoted field is text, text after a
 * closing quote keeps the field as written (`"ab"c`), and records may differ in length.
 *
 * It finds quotes, delimiters and line breaks with indexOf, each looked for again only once passed,
 * so the work is linear in the text: csv-parse, which ladder used before, steps through the text a
 * byte at a time in a state machine that V8 interprets in a short run, and took some 60 ms of CPU
 * for 1,000 rows, more than Node's own start-up (docs/spreadsheets.md).
 */
export interface DelimitedRecord {
  cells: string[];
  /** The 0-based line the record starts on. */
  line: number;
}

/** A text that is not CSV (or TSV): a quoted field that never closes. */
export class DelimitedTextError extends Error {
  constructor(
    message: string,
    /** The 1-based line of the problem. */
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Up to `limit` records of `text`. */
export function delimitedRecords(text: string, delimiter: ',' | '\t', limit: number): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const end = text.length;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (at >= end) return records;
  const separator = delimiter.charCodeAt(0);
  const nextDelimiter = finder(text, delimiter);
  const nextLf = finder(text, '\n');
  const nextCr = finder(text, '\r');
  /** Where an unquoted field that starts at `from` ends: the next delimiter, line break or the end. */
  const fieldEnd = (from: number) => Math.min(nextDelimiter(from), nextLf(from), nextCr(from));
  let line = 0;
  let cells: string[] = [];
  let recordLine = 0;
  for (;;) {
    if (text.charCodeAt(at) === QUOTE) {
      const opened = at;
      let content = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new DelimitedTextError('a quoted field that starts on this line is never closed', line + 1);
        content += text.slice(from, close);
        if (text.charCodeAt(close + 1) !== QUOTE) {
          at = close + 1;
          break;
        }
        content += '"';
        from = close + 2;
      }
      if (nextLf(opened) < at || nextCr(opened) < at) line += lineBreaks(text, opened, at);
      const after = text.charCodeAt(at);
      if (at < end && after !== separator && after !== LF && after !== CR) {
        // Text after the closing quote: the field is kept as written, up to its end.
        const stop = fieldEnd(at);
        cells.push(`"${content}"${text.slice(at, stop)}`);
        at = stop;
      } else cells.push(content);
    } else {
      const stop = fieldEnd(at);
      cells.push(text.slice(at, stop));
      at = stop;
    }
    if (at >= end) break;
    const next = text.charCodeAt(at);
    at += 1;
    if (next === separator) continue;
    if (next === CR && text.charCodeAt(at) === LF) at += 1;
    line += 1;
    records.push({ cells, line: recordLine });
    if (at >= end || records.length >= limit) return records;
    cells = [];
    recordLine = line;
  }
  records.push({ cells, line: recordLine });
  return records;
}

/** A function that gives the next place of `char` at or after a place, or the text's end: each search starts where none was found before. */
function finder(text: string, char: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      found = text.indexOf(char, from);
      if (found === -1) found = text.length;
    }
    return found;
  };
}

/** The line breaks between two places (CRLF counted once). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return count;
}
