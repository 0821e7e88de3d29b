import { LadderError } from '../../errors.js';
import { SHEET_LIMITS } from './limits.js';
import type { Sheet, SheetRow } from './table.js';
import { columnIndex } from './table.js';
import { unzipEntries } from './unzip.js';
import { attribute, decodeText, refuseDoctype, runText, tags } from './xml.js';

const PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;
/** Excel's largest sheet: columns A to XFD. */
const MAX_COLUMN = 16383;

/**
 * The sheets of an XLSX workbook, in tab order, each cell as the text the sheet shows: a formula
 * by its cached value (never evaluated), a date as `yyyy-mm-dd`, a number as written. Nothing a
 * workbook links to is ever opened: only the parts inside the zip are read.
 */
export function parseXlsx(bytes: Uint8Array, file: string): Sheet[] {
  const parts = unzipEntries(bytes, file, (name) => PARTS.test(name));
  const text = (name: string): string | undefined => {
    const part = parts.get(name);
    if (!part) return undefined;
    const xml = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
    refuseDoctype(xml, `${file}: ${name}`);
    return xml;
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new LadderError('invalid', `${file}: not an XLSX workbook (no xl/workbook.xml inside)`, { hint: 'save the spreadsheet as .xlsx (Excel 2007 or later); .xls and .ods are not read' });
  const targets = relationships(text('xl/_rels/workbook.xml.rels') ?? '');
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '', file);
  const dates = dateStyles(text('xl/styles.xml') ?? '');
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const tag of tags(workbook)) {
    if (tag.name !== 'sheet' || tag.closing) continue;
    if (sheets.length >= SHEET_LIMITS.sheets) throw new LadderError('invalid', `${file}: more than ${SHEET_LIMITS.sheets} sheets (see SECURITY.md)`);
    const name = attribute(tag.text, 'name') ?? `Sheet${sheets.length + 1}`;
    const target = targets.get(attribute(tag.text, 'r:id') ?? '');
    const xml = target ? text(target) : undefined;
    // A chart sheet or a missing part has no cells.
    if (xml === undefined) continue;
    const sheet = readSheet(xml, { name, shared, dates, where: `${file}:${name}`, cells: () => (cells += 1) });
    sheets.push(sheet);
  }
  return sheets;
}

/** `rId1` → `xl/worksheets/sheet1.xml`. */
function relationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of tags(xml)) {
    const id = tag.name === 'Relationship' ? attribute(tag.text, 'Id') : undefined;
    const target = attribute(tag.text, 'Target');
    // External targets (links to other workbooks, web pages) are never followed.
    if (id === undefined || target === undefined || attribute(tag.text, 'TargetMode') === 'External') continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return targets;
}

function sharedStrings(xml: string, file: string): string[] {
  const strings: string[] = [];
  let start: number | undefined;
  for (const tag of tags(xml)) {
    if (tag.name !== 'si') continue;
    if (tag.selfClosing) strings.push('');
    else if (!tag.closing) start = tag.end;
    else if (start !== undefined) {
      strings.push(runText(xml, start, tag.start));
      start = undefined;
    }
    if (strings.length > SHEET_LIMITS.sharedStrings) throw new LadderError('invalid', `${file}: more than ${SHEET_LIMITS.sharedStrings} shared strings (see SECURITY.md)`);
  }
  return strings;
}

/** The cell styles (by index) whose number format shows a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<string, string>();
  const dates = new Set<number>();
  let inCellFormats = false;
  let index = 0;
  for (const tag of tags(xml)) {
    if (tag.name === 'numFmt') custom.set(attribute(tag.text, 'numFmtId') ?? '', attribute(tag.text, 'formatCode') ?? '');
    else if (tag.name === 'cellXfs') inCellFormats = !tag.closing && !tag.selfClosing;
    else if (tag.name === 'xf' && inCellFormats && !tag.closing) {
      const id = attribute(tag.text, 'numFmtId') ?? '0';
      if (isDateFormat(Number(id), custom.get(id))) dates.add(index);
      index += 1;
    }
  }
  return dates;
}

function isDateFormat(id: number, code: string | undefined): boolean {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  // A custom format with day or year letters outside quotes and brackets.
  return code !== undefined && /[dy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

interface SheetContext {
  name: string;
  shared: string[];
  dates: Set<number>;
  where: string;
  cells: () => number;
}

function readSheet(xml: string, context: SheetContext): Sheet {
  const rows: SheetRow[] = [];
  let rowCount = 0;
  let row: SheetRow | undefined;
  let nextRow = 0;
  let nextCol = 0;
  let cell: { col: number; type: string; style: number; value?: string; inline?: number } | undefined;
  let valueStart: number | undefined;
  const refuse = (what: string) => new LadderError('invalid', `${context.where}: ${what} (see SECURITY.md)`);
  for (const tag of tags(xml)) {
    if (tag.name === 'row' && !tag.closing) {
      rowCount += 1;
      if (rowCount > SHEET_LIMITS.rows) throw refuse(`more than ${SHEET_LIMITS.rows} rows in one sheet`);
      const r = Number(attribute(tag.text, 'r'));
      row = { row: Number.isInteger(r) && r >= 1 ? r - 1 : nextRow, cells: [] };
      nextRow = row.row + 1;
      nextCol = 0;
      if (!tag.selfClosing) rows.push(row);
    } else if (tag.name === 'c' && !tag.closing && row) {
      const ref = attribute(tag.text, 'r');
      const col = ref && /^[A-Z]{1,3}\d+$/i.test(ref) ? columnIndex(ref.replace(/\d+$/, '')) : nextCol;
      if (col > MAX_COLUMN) throw refuse(`a cell beyond column XFD (${ref ?? col})`);
      nextCol = col + 1;
      cell = { col, type: attribute(tag.text, 't') ?? 'n', style: Number(attribute(tag.text, 's') ?? 0) };
      if (tag.selfClosing) cell = undefined;
    } else if (tag.name === 'v' && cell) {
      if (!tag.closing && !tag.selfClosing) valueStart = tag.end;
      else if (tag.closing && valueStart !== undefined) cell.value = xml.slice(valueStart, tag.start);
    } else if (tag.name === 'is' && cell && !tag.closing) {
      cell.inline = tag.end;
    } else if (tag.name === 'c' && tag.closing && cell && row) {
      const text = cellText(cell, xml, tag.start, context);
      if (text !== '') {
        if (context.cells() > SHEET_LIMITS.cells) throw refuse(`more than ${SHEET_LIMITS.cells} cells with text`);
        while (row.cells.length < cell.col) row.cells.push('');
        row.cells[cell.col] = text;
      }
      cell = undefined;
      valueStart = undefined;
    }
  }
  const kept = rows.filter((candidate) => candidate.cells.some((text) => text.trim() !== ''));
  kept.forEach((candidate, index) => {
    if (index > 0 && candidate.row > (kept[index - 1] as SheetRow).row + 1) candidate.afterBlank = true;
  });
  return { name: context.name, rows: kept };
}

function cellText(cell: { type: string; style: number; value?: string; inline?: number }, xml: string, end: number, context: SheetContext): string {
  if (cell.type === 'inlineStr') return cell.inline === undefined ? '' : runText(xml, cell.inline, end);
  const value = cell.value === undefined ? '' : decodeText(cell.value);
  if (cell.type === 's') return context.shared[Number(value)] ?? '';
  if (cell.type === 'b') return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
  if (cell.type !== 'n' || value === '') return value;
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  if (context.dates.has(cell.style)) return serialDate(number);
  // Binary noise (0.30000000000000004) shown as the 15 digits a spreadsheet shows.
  return String(Number(number.toPrecision(15)));
}

/** A spreadsheet's day number (1900 system) as `yyyy-mm-dd`, with the time when there is one. */
function serialDate(serial: number): string {
  // Beyond 9999-12-31 a spreadsheet shows ####; the number is the faithful text.
  if (serial < 0 || serial > 2_958_465) return String(serial);
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}
