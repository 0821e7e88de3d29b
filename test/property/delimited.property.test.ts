import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delimitedRecords } from '../../src/read/spreadsheet/delimited-records.js';
import { RUNS } from './arbitraries.js';

/** csv-parse as ladder called it before it read CSV itself: the records, each with the line it starts on, or the line of an error. */
function byCsvParse(text: string, delimiter: ',' | '\t') {
  try {
    const records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as unknown as { record: string[]; info: { lines: number } }[];
    let line = 0;
    return records.map(({ record, info }) => {
      const read = { cells: record, line };
      line = info.lines;
      return read;
    });
  } catch (error) {
    return { error: (error as { lines: number }).lines };
  }
}

function byLadder(text: string, delimiter: ',' | '\t') {
  try {
    return delimitedRecords(text, delimiter, Infinity);
  } catch (error) {
    return { error: (error as { line: number }).line };
  }
}

// Texts of one kind of line break (csv-parse takes the first it meets for the whole file), full of quotes, delimiters and blank lines.
const texts = (delimiter: string, lineBreak: string) =>
  fc.array(fc.constantFrom('a', 'bc', ' ', 'é', '日', delimiter, '"', '""', lineBreak, `"x${lineBreak}y"`, `"${delimiter}"`), { maxLength: 40 }).map((parts) => parts.join(''));

describe('CSV and TSV records', () => {
  for (const delimiter of [',', '\t'] as const) {
    for (const lineBreak of ['\n', '\r\n']) {
      it(`are those csv-parse reads, with their lines (${JSON.stringify(delimiter)}, ${JSON.stringify(lineBreak)})`, () => {
        fc.assert(
          fc.property(texts(delimiter, lineBreak), fc.boolean(), (body, bom) => {
            const text = `${bom ? '\ufeff' : ''}${body}`;
            const ours = byLadder(text, delimiter);
            const theirs = byCsvParse(text, delimiter);
            // An unclosed quote is refused by both: csv-parse names the line the text ends on, ladder the line the quote opens on.
            if (!Array.isArray(theirs) || !Array.isArray(ours)) expect(Array.isArray(ours)).toBe(Array.isArray(theirs));
            // csv-parse counts a CRLF inside a quoted field as two lines; only the records are compared there.
            else if (lineBreak === '\r\n') expect(ours.map((record) => record.cells)).toEqual(theirs.map((record) => record.cells));
            else expect(ours).toEqual(theirs);
          }),
          { numRuns: RUNS * 5 },
        );
      });
    }
  }
});
