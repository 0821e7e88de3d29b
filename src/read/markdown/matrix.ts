import type { Block, Cell } from './blocks.js';
import { looksLikeLevel } from './titles.js';

type Table = Extract<Block, { kind: 'table' }>;

/** One level's column (or row) of a matrix: the axis texts it holds, in table order. */
export interface MatrixLevel {
  title: string;
  /** Lines of the title's cell after its first (`Junior<br>(with a coach)`), the group a header row above names, an unlabelled row's cell: notes on the level. */
  notes?: string[];
  axes: { name: string; clauses: string[] }[];
  /** The id links elsewhere name the level's row by (`<tr id="se-l1">`). */
  anchor?: string;
}

/** A matrix's levels, the names of axes (or groups) that no level has a text for, and the text of cells past the header's columns. */
export interface Matrix {
  levels: MatrixLevel[];
  /** Which way round the table was read, and why, for the outline. */
  orientation: string;
  unused: string[];
  beyondHeader: string[];
  /** The corner cell of the row of titles, where that row is not the header (a header row of groups above it). */
  corner?: string;
  /** Every column is a level, the first too: no cell names an axis, so each level's text is one unnamed axis (`Expectations`). */
  unnamed?: true;
}

const LEVELS_DIMENSION = /^(levels?|titles?|roles?|grades?|positions?|ranks?|bands?|job titles?)$/i;
/** Column titles of a table that describes things, one text each: not levels. */
const GENERIC_COLUMN = /^(descriptions?|details?|notes?|examples?|expectations?|text|summary|meaning|evidence|comments?)\b/i;
const AXES_DIMENSION = /^(|axis|axes|areas?|categor(y|ies)|competenc(y|ies)|skills?|dimensions?|attributes?|topics?|criteria|expectations?|traits?|pillars?|focus areas?|themes?)$/i;

/**
 * Reads a table whose header row or first column holds the level titles (levels as columns or
 * as rows); the other cells become axis texts. The corner cell, where it names what the first
 * column holds (`Level`, `Rank`; `Skill`, `Area`), decides which way round; otherwise the side
 * whose titles read more like level titles holds the levels. A bold row whose other cells are empty names a
 * group of the axes below it, kept as a prefix of their names (`Craft / Code quality`). A header
 * row of groups over the titles' row is looked for unless `groupRow` is false (`--no-group-row`).
 * Any other table gives undefined.
 */
export function readMatrix(table: Table, groupRow = true): Matrix | undefined {
  return readPlainMatrix(table) ?? (groupRow ? readUnderGroups(table) : undefined);
}

/**
 * A header row of groups over the row of level titles (`CORE`, `IMPLEMENT` spanning `GRADUATE`,
 * `JUNIOR`, `MIDDLE`, …; an empty cell continues the group on its left, and the first is never
 * empty): the titles' row is the header, and each level's group is a note on it.
 */
function readUnderGroups(table: Table): Matrix | undefined {
  const [titles, ...rows] = table.rows;
  const groups = table.header.slice(1).map((cell) => cell.text);
  // Groups span columns, so some cells are empty; a header that names what its columns hold (`Level`, `Description`) is no row of groups.
  if (!titles || rows.length === 0 || !groups[0] || groups.every(Boolean) || groups.some(namesDimension)) return undefined;
  const matrix = readPlainMatrix({ ...table, header: titles, rows });
  if (!matrix?.orientation.startsWith('levels as columns')) return undefined;
  let group = '';
  matrix.levels.forEach((level, index) => {
    group = table.header[index + 1]?.text || group;
    if (group) level.notes = [group, ...(level.notes ?? [])];
  });
  const corner = table.header[0]?.text ?? '';
  return { ...matrix, orientation: `${matrix.orientation}, under a header row of groups (--no-group-row or \`ladder: { group-row: false }\` reads the header row as the titles)`, corner: [corner, titles[0]?.text ?? ''].filter(Boolean).join(' ') };
}

function readPlainMatrix(table: Table): Matrix | undefined {
  const everyColumn = table.header.map(titleLine);
  // A header of level titles from its first cell on, over rows no longer than it: no column names the axes.
  if (everyColumn.length >= 2 && everyColumn.every(looksLikeLevel) && distinct(everyColumn) && !everyColumn.some(namesDimension) && table.rows.length > 0 && table.rows.every((row) => row.length <= everyColumn.length)) {
    return { ...levelsInEveryColumn(table, everyColumn), orientation: 'levels as columns (every header cell, the first too, reads as a level title, so no column names axes)', unnamed: true };
  }
  const columns = table.header.slice(1).map(titleLine);
  const rows = table.rows.map((row) => row[0]?.text ?? '');
  if (columns.length === 0 || rows.length === 0) return undefined;
  // The corner cell names what the first column holds (`Level`, `Skill`, `Level / Skill`).
  const corner = (table.header[0]?.text ?? '').split(/\s*(?:[/\\×|]|\bx\b)\s*/)[0]?.trim() ?? '';
  const score = (titles: string[]) => titles.filter(looksLikeLevel).length / titles.length;
  const count = (share: number, of: number) => `${Math.round(share * of)} of ${of}`;
  // A corner cell that names the first column decides alone, where the other side holds several titles that are not generic.
  if (LEVELS_DIMENSION.test(corner) && rows.length >= 2 && distinct(rows)) return { ...levelsAsRows(table), orientation: `levels as rows (the corner cell says \`${corner}\`)` };
  if (corner && AXES_DIMENSION.test(corner) && columns.length >= 2 && distinct(columns) && !columns.some(namesDimension)) {
    return { ...levelsAsColumns(table, columns), orientation: `levels as columns (the corner cell says \`${corner}\`)` };
  }
  // A side that names a dimension (`Level`, `Description`) is a table's labels, not its levels.
  const asColumns = columns.some(namesDimension) ? 0 : score(columns);
  const asRows = rows.some(namesDimension) ? 0 : score(rows);
  if (asColumns >= 0.5 && asColumns >= asRows && distinct(columns)) {
    return { ...levelsAsColumns(table, columns), orientation: `levels as columns (${count(asColumns, columns.length)} header cells read as level titles)` };
  }
  if (asRows >= 0.5 && distinct(rows)) return { ...levelsAsRows(table), orientation: `levels as rows (${count(asRows, rows.length)} first cells read as level titles)` };
  return undefined;
}

function namesDimension(title: string): boolean {
  return title !== '' && (LEVELS_DIMENSION.test(title) || AXES_DIMENSION.test(title) || GENERIC_COLUMN.test(title));
}

function distinct(titles: string[]): boolean {
  return titles.every(Boolean) && new Set(titles.map((title) => title.toLowerCase())).size === titles.length;
}

function levelsAsColumns(table: Table, titles: string[]): Omit<Matrix, 'orientation'> {
  const levels: MatrixLevel[] = titles.map((title, index) => ({ title, ...noteOf(table.header[index + 1]), axes: [] }));
  const labels: string[] = [];
  let group = '';
  for (const [index, row] of table.rows.entries()) {
    const [nameCell, ...cells] = row;
    const name = nameCell?.text ?? '';
    if (index === 0 && !name) {
      // A row with no label right under the titles describes each level: it names no axis.
      levels.forEach((level, column) => {
        const text = cells[column]?.text ?? '';
        if (text) level.notes = [...(level.notes ?? []), text];
      });
      continue;
    }
    labels.push(name);
    if (isGroupRow(nameCell, cells)) {
      group = name;
      continue;
    }
    levels.forEach((level, index) => {
      const clauses = filled(cells[index]);
      if (clauses.length > 0) level.axes.push({ name: group && name ? `${group} / ${name}` : name || group || 'Expectations', clauses });
    });
  }
  return { levels, unused: unusedLabels(labels, levels), beyondHeader: beyondHeader(table) };
}

/** A table whose every column is a level: each level's cells are the text of one unnamed axis. */
function levelsInEveryColumn(table: Table, titles: string[]): Omit<Matrix, 'orientation'> {
  const levels: MatrixLevel[] = titles.map((title, index) => ({ title, ...noteOf(table.header[index]), axes: [] }));
  levels.forEach((level, index) => {
    const clauses = table.rows.flatMap((row) => filled(row[index]));
    if (clauses.length > 0) level.axes.push({ name: 'Expectations', clauses });
  });
  return { levels, unused: [], beyondHeader: [] };
}

function levelsAsRows(table: Table): Omit<Matrix, 'orientation'> {
  const names = table.header.slice(1).map((cell) => cell.text);
  const levels = table.rows.map(([titleCell, ...cells]): MatrixLevel => {
    const axes = names.flatMap((name, index) => axesOfCell(name || 'Expectations', cells[index]));
    const titled = titleFromParts(titleCell);
    const level: MatrixLevel = titled ? { ...titled, axes: [...titled.axes, ...axes] } : { title: titleCell?.text ?? '', axes };
    return titleCell?.anchor ? { ...level, anchor: titleCell.anchor } : level;
  });
  return { levels, unused: unusedLabels(names, levels), beyondHeader: beyondHeader(table) };
}

/** A cell's text as axes: one named by the column, or, for a cell of parts under headings (`<h3>Communication</h3>` over a list), one per part. */
function axesOfCell(name: string, cell: Cell | undefined): { name: string; clauses: string[] }[] {
  if (cell?.parts) return cell.parts.map((part) => ({ name: part.label, clauses: part.clauses.filter((clause) => !/^[-–—]+$/.test(clause)) })).filter((axis) => axis.clauses.length > 0);
  const clauses = filled(cell);
  return clauses.length > 0 ? [{ name, clauses }] : [];
}

/** The part of a level's cell that names its title (`<h3>Title</h3>` in a cell of parts that the corner cell lists as `Level / Title / Experience`). */
const TITLE_PART = /^(titles?|names?|roles?|job titles?|positions?)$/i;

/**
 * A level's cell of parts under headings: the part labelled `Title` is its title, a part that
 * names the level's rank (`Level`, `Grade`) a note on it, and each other part an axis.
 */
function titleFromParts(cell: Cell | undefined): Omit<MatrixLevel, 'anchor'> | undefined {
  const title = cell?.parts?.find((part) => TITLE_PART.test(part.label) && part.clauses.length > 0);
  if (!cell?.parts || !title) return undefined;
  const others = cell.parts.filter((part) => part !== title && part.clauses.length > 0);
  const notes = others.filter((part) => LEVELS_DIMENSION.test(part.label)).map((part) => `${part.label} ${part.clauses.join(' ')}`);
  const axes = others.filter((part) => !LEVELS_DIMENSION.test(part.label)).map((part) => ({ name: part.label, clauses: part.clauses }));
  return { title: title.clauses.join(' '), ...(notes.length > 0 ? { notes } : {}), axes };
}

/** A header cell's first line, where the author broke it (`QA Junior<br>(with a coach)`): the rest is a note, not the title. */
function titleLine(cell: Cell | undefined): string {
  return cell && cell.clauses.length > 1 ? (cell.clauses[0] as string) : (cell?.text ?? '');
}

function noteOf(cell: Cell | undefined): { notes?: string[] } {
  return cell && cell.clauses.length > 1 ? { notes: [cell.clauses.slice(1).join(' ')] } : {};
}

/** Cells of rows longer than the header (an HTML table's rows can be), which name no level or axis. */
function beyondHeader(table: Table): string[] {
  return table.rows.flatMap((row) => row.slice(table.header.length).map((cell) => cell.text)).filter(Boolean);
}

/** Row or column labels that name no axis of any level: a column left empty, a group with nothing under it. */
function unusedLabels(labels: string[], levels: MatrixLevel[]): string[] {
  const used = new Set(levels.flatMap((level) => level.axes.flatMap((axis) => axis.name.split(' / '))));
  return labels.filter((label) => label && !used.has(label));
}

/** A cell's clauses; a dash alone is how tables say "nothing here". */
function filled(cell: Cell | undefined): string[] {
  return (cell?.clauses ?? []).filter((clause) => !/^[-–—]+$/.test(clause));
}

function isGroupRow(nameCell: Cell | undefined, cells: Cell[]): boolean {
  return nameCell !== undefined && nameCell.bold && cells.every((cell) => filled(cell).length === 0);
}
