import { strToU8, zipSync } from 'fflate';
import { testWorkbook } from '../helpers/xlsx.js';
import type { HostileCase } from './cases.js';

const header = [['Level', 'Craft'], ['Baker', 'Kneads']];

/**
 * Spreadsheets built to hurt: each is refused under SECURITY.md's limits (exit 3), whatever the
 * scale, since a case smaller than its limit would prove nothing; `scale` only sizes the padding.
 */
export function spreadsheetCases(scale: number): HostileCase[] {
  // 40 MiB of spaces inside the sheet: past the 32 MiB the reader unpacks, from a file of about 40 KiB.
  const padding = new Uint8Array(40 * 1024 * 1024).fill(0x20);
  const sheet = strToU8('<worksheet><sheetData>');
  const bomb = new Uint8Array(sheet.length + padding.length);
  bomb.set(sheet);
  bomb.set(padding, sheet.length);
  const laughs = ['<?xml version="1.0"?>', '<!DOCTYPE sst [', '<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`), ']>', '<sst><si><t>&lol9;</t></si></sst>'].join('\n');
  const emptyRows = Math.max(100_001, Math.round(1_000_000 * scale));
  const rows = Array.from({ length: emptyRows }, (_, i) => `<row r="${i + 1}"/>`).join('');
  const strings = Array.from({ length: 200_001 }, () => '<si><t>x</t></si>').join('');
  return [
    {
      name: 'an XLSX zip bomb: a sheet that unpacks past the limit',
      files: { 'team.xlsx': testWorkbook([{ name: 'Team', rows: header }], { 'xl/worksheets/sheet1.xml': bomb }) },
      args: ['import', 'team.xlsx'],
      status: 3,
      seconds: 3,
    },
    {
      name: 'an XLSX with billion-laughs entities in its shared strings',
      files: { 'team.xlsx': testWorkbook([{ name: 'Team', rows: header }], { 'xl/sharedStrings.xml': laughs }) },
      args: ['import', 'team.xlsx'],
      status: 3,
      seconds: 2,
    },
    {
      name: 'an XLSX sheet of a million empty rows',
      files: { 'team.xlsx': testWorkbook([{ name: 'Team', rows: header }], { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>` }) },
      args: ['import', 'team.xlsx'],
      status: 3,
      seconds: 3,
    },
    {
      name: 'an XLSX with more shared strings than the limit',
      files: { 'team.xlsx': testWorkbook([{ name: 'Team', rows: header }], { 'xl/sharedStrings.xml': `<sst>${strings}</sst>` }) },
      args: ['import', 'team.xlsx'],
      status: 3,
      seconds: 3,
    },
    {
      name: 'an XLSX zip of more entries than the limit',
      files: { 'team.xlsx': zipSync(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`pad/${i}.txt`, strToU8('x')]))) },
      args: ['import', 'team.xlsx'],
      status: 3,
      seconds: 2,
    },
  ];
}

