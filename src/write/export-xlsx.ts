import { strToU8, zipSync } from 'fflate';
import type { Ladder, Level, Track } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { equivalentIds, splitParagraphs } from '../model/model.js';
import { columnLetters, sheetNameOf } from '../read/spreadsheet/table.js';

/** Cell styles of styles.xml: 0 plain, 1 wrapped text at the top of the cell, 2 the same in bold (headers). */
const WRAP = 1;
const HEADER = 2;

interface SheetSpec {
  name: string;
  rows: string[][];
  /** Column widths in characters. */
  widths: number[];
  /** Columns frozen at the left, beside the frozen header row. */
  frozenColumns: number;
  /** The header's row (0-based): rows above it are titles. */
  headerRow?: number;
}

/**
 * The ladder as an XLSX workbook: a sheet per track with its levels as columns and axes as rows
 * (clauses as lines of a cell), a `Long` sheet with one row per clause (a text as the file has it
 * in one row, a list one row per clause; a level's description in rows with no axis), and an `Axes` sheet of what the axes mean. Headers are frozen
 * and bold, text wraps, columns have widths that read well. `ladder import` reads it back.
 */
export function exportXlsx(ladder: Ladder): Uint8Array {
  const taken = new Set<string>();
  const uniqueName = (name: string) => {
    let candidate = sheetNameOf(name);
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${sheetNameOf(name).slice(0, 27)} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
  // The long and axes sheets' names are taken first, so a track called `Long` gets another.
  const longName = uniqueName('Long');
  const axesName = uniqueName('Axes');
  const gradesName = uniqueName('Grades');
  const sheets: SheetSpec[] = ladder.tracks.map((track) => trackSheet(uniqueName(track.name), track.levels));
  sheets.push(longSheet(longName, ladder));
  if (ladder.grades.length > 0) sheets.push({ name: gradesName, rows: [['Grade'], ...ladder.grades.map((grade) => [grade])], widths: [16], frozenColumns: 0 });
  if (ladder.axes?.length || ladder.tracks.some((track) => track.ownAxes?.length)) sheets.push(axesSheet(axesName, ladder));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(workbook(sheets)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  // A fixed date keeps the output the same from run to run.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

function trackSheet(name: string, levels: Level[]): SheetSpec {
  const axes: string[] = [];
  const known = new Set<string>();
  for (const level of levels) for (const axis of level.axes) if (!known.has(axis.name) && known.add(axis.name)) axes.push(axis.name);
  const rows = [['Axis', ...levels.map((level) => level.title)]];
  for (const axis of axes) rows.push([axis, ...levels.map((level) => cellOf(level.axes.find((candidate) => candidate.name === axis)?.value))]);
  return { name, rows, widths: [24, ...levels.map(() => 40)], frozenColumns: 1 };
}

/**
 * A text as written; a list of clauses as one line each. A list of one clause is written as an
 * item (`- clause`): one line alone reads back as a text.
 */
function cellOf(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.length === 1 ? `- ${value[0]}` : value.join('\n');
}

/** An axis's rows of the long sheet: a text in one row, a list one row per clause (a list of one as an item). */
function longLines(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value.length === 1 ? [cellOf(value)] : value;
}

/** What the axes mean: the ladder's, then each track's own, with a Track column where there are any. */
function axesSheet(name: string, ladder: Ladder): SheetSpec {
  const own = ladder.tracks.flatMap((track) => (track.ownAxes ?? []).map((axis) => [track.name, axis.name, axis.description ?? '']));
  const ladderWide = (ladder.axes ?? []).map((axis) => [axis.name, axis.description ?? '']);
  if (own.length === 0) return { name, rows: [['Axis', 'Description'], ...ladderWide], widths: [28, 80], frozenColumns: 1 };
  return { name, rows: [['Track', 'Axis', 'Description'], ...ladderWide.map((row) => ['', ...row]), ...own], widths: [20, 28, 80], frozenColumns: 2 };
}

/**
 * The ladder's name and description are titles above the header; a track's description is a row
 * with no level. Tracks and levels keep their ids, so equivalents named by id resolve. A level's grade, aliases (one a line) and its track's equivalent label have
 * columns where the ladder has any; its equivalents are named by title, or by id where several
 * tracks hold the title, as the Markdown export names them, and `n/a` where several tracks hold
 * its title and it has no peer (the reader would otherwise take same titles for peers).
 */
function longSheet(name: string, ladder: Ladder): SheetSpec {
  const titles = [...(ladder.name ? [[ladder.name]] : []), ...(ladder.description ? [[ladder.description]] : [])];
  const levels = ladder.tracks.flatMap((track) => track.levels);
  const optional: [string, number, boolean, (track: Track, level?: Level) => string][] = [
    ['Equivalent label', 24, ladder.tracks.some((track) => track.equivalentLabel !== 'Equivalent'), (track) => (track.equivalentLabel !== 'Equivalent' ? track.equivalentLabel : '')],
    ['Grade', 10, ladder.grades.length > 0, (_, level) => level?.grade ?? ''],
    ['Aliases', 24, levels.some((level) => level.aliases.length > 0), (_, level) => level?.aliases.join('\n') ?? ''],
  ];
  const extra = optional.filter(([, , used]) => used);
  const titleTracks = new Map<string, number>();
  for (const track of ladder.tracks) for (const title of new Set(track.levels.map((level) => normalizeName(level.title)))) titleTracks.set(title, (titleTracks.get(title) ?? 0) + 1);
  const rows = [...titles, ['Track', 'Track id', 'Level', 'Id', 'Code', ...extra.map(([header]) => header), 'Equivalent', 'Note', 'Axis', 'Clause']];
  for (const track of ladder.tracks) {
    for (const paragraph of splitParagraphs(track.description)) rows.push([track.name, '', '', '', '', ...extra.map(() => ''), '', '', '', paragraph]);
    for (const level of track.levels) {
      const equivalent = equivalentIds(level.declaredEquivalent)
        .flatMap((id) => {
          const peer = ladder.levelById.get(id);
          return peer ? [(titleTracks.get(normalizeName(peer.title)) ?? 0) > 1 ? peer.id : peer.title] : [];
        })
        .join('; ') || ((titleTracks.get(normalizeName(level.title)) ?? 0) > 1 ? 'n/a' : '');
      const head = [track.name, track.id, level.title, level.id, level.code ?? '', ...extra.map(([, , , value]) => value(track, level)), equivalent, level.note ?? ''];
      const blank = [track.name, '', level.title, '', '', ...extra.map(() => ''), '', ''];
      const lines: [string, string][] = [...splitParagraphs(level.description).map((text): [string, string] => ['', text]), ...level.axes.flatMap((axis) => longLines(axis.value).map((text): [string, string] => [axis.name, text]))];
      if (lines.length === 0) lines.push(['', '']);
      lines.forEach(([axis, text], index) => rows.push([...(index === 0 ? head : blank), axis, text]));
    }
  }
  return { name, rows, widths: [20, 12, 28, 16, 8, ...extra.map(([, width]) => width), 24, 30, 24, 80], frozenColumns: 3, headerRow: titles.length };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function contentTypes(sheets: number): string {
  const overrides = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`;
}

function workbook(sheets: SheetSpec[]): string {
  const list = sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const list = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML}<Relationships xmlns="${RELS}">${list}<Relationship Id="rId${sheets + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`;
}

function sheetXml(sheet: SheetSpec): string {
  const header = sheet.headerRow ?? 0;
  const frozen = `${columnLetters(sheet.frozenColumns)}${header + 2}`;
  const pane = `<pane xSplit="${sheet.frozenColumns}" ySplit="${header + 1}" topLeftCell="${frozen}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${frozen}" sqref="${frozen}"/>`;
  const cols = sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((cells, r) => {
      const style = r <= header ? HEADER : WRAP;
      const xml = cells.map((text, c) => (text === '' ? '' : `<c r="${columnLetters(c)}${r + 1}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`)).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><cols>${cols}</cols><sheetData>${rows}</sheetData></worksheet>`;
}

/** Text for XML: markup escaped, and control characters XML cannot hold written as OOXML's `_xHHHH_`. */
function escapeXml(text: string): string {
  return text
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string)
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (char) => `_x${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}
