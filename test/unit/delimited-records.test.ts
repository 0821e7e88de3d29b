import { describe, expect, it } from 'vitest';
import { delimitedRecords } from '../../src/read/spreadsheet/delimited-records.js';

const cells = (text: string, delimiter: ',' | '\t' = ',') => delimitedRecords(text, delimiter, Infinity).map((record) => record.cells);
const lines = (text: string) => delimitedRecords(text, ',', Infinity).map((record) => record.line);

describe('delimitedRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks in them', () => {
    expect(cells('Level,Craft\n"Baker, senior","Says ""hello""\nand bakes"\n')).toEqual([['Level', 'Craft'], ['Baker, senior', 'Says "hello"\nand bakes']]);
  });

  it('keeps a quote inside an unquoted field, and a field with text after its closing quote, as written', () => {
    expect(cells('a"b,"ab"c,"x"\n')).toEqual([['a"b', '"ab"c', 'x']]);
  });

  it('takes CRLF, LF and CR alike as the end of a record, even mixed in one file', () => {
    expect(cells('a,b\r\nc\nd\re\r\n')).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('drops a byte-order mark, keeps blank lines as empty records, and makes no record after the last line break', () => {
    expect(cells('\ufeffa\n\nb,\n')).toEqual([['a'], [''], ['b', '']]);
    expect(cells('')).toEqual([]);
  });

  it('splits TSV at tabs only', () => {
    expect(cells('a\tb,c\n', '\t')).toEqual([['a', 'b,c']]);
  });

  it('places each record at the line it starts on, counting the line breaks inside quoted fields once each', () => {
    expect(lines('a\n"b\r\nc\nd"\ne\n')).toEqual([0, 1, 4]);
  });

  it('stops after the records asked for', () => {
    expect(delimitedRecords('a\nb\nc\n', ',', 2)).toHaveLength(2);
  });

  it('refuses a quoted field that never closes, at the line it opens on', () => {
    expect(() => delimitedRecords('a\n"b\nc\n', ',', Infinity)).toThrow(expect.objectContaining({ line: 2, message: 'a quoted field that starts on this line is never closed' }));
  });
});
