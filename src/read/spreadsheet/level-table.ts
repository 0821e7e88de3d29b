import { basename, dirname, extname, join } from 'node:path';
import { headerKey, roleOf } from './columns.js';
import type { Workbook } from './table.js';

/**
 * A table exported from a database names its levels by id (`nivel_id`: 1, 2, 3) and keeps their
 * titles in a table of its own beside it, named for levels: `levels.csv`, `niveis.csv`. These are
 * the names that table may have, in the languages the column words know.
 */
const TABLE_NAMES = ['levels', 'level', 'niveis', 'nivel', 'niveles', 'niveaux', 'grades', 'bands'];

/** The columns of such a table: the id, and the title. */
const TITLE_KEYS = new Set(['name', 'title', 'levelname', 'leveltitle', 'level', 'nome', 'nombre', 'nom', 'titulo', 'nivel', 'cargo', 'puesto']);

/** A level column that holds ids, not titles: `nivel_id`, `Level ID`. */
export function isLevelIdHeader(header: string): boolean {
  return /id$/.test(headerKey(header)) && headerKey(header) !== 'id';
}

/** Whether a sheet's header (among its first rows) has a level column of ids. */
export function namesLevelsById(book: Workbook): boolean {
  return book.sheets.some((sheet) => sheet.rows.slice(0, 10).some((row) => row.cells.some((cell) => roleOf(cell) === 'level' && isLevelIdHeader(cell))));
}

/** The files beside `file` that may hold its levels' titles, in the order they are tried. */
export function levelTableCandidates(file: string): string[] {
  const extension = extname(file);
  const own = basename(file).toLowerCase();
  return TABLE_NAMES.map((name) => join(dirname(file), `${name}${extension}`)).filter((candidate) => basename(candidate).toLowerCase() !== own);
}

/** The titles of a table of levels by id, or undefined when it has no id column and title column. */
export function levelTitlesById(book: Workbook): Map<string, string> | undefined {
  const [header, ...rows] = book.sheets[0]?.rows ?? [];
  if (!header) return undefined;
  const keys = header.cells.map((cell) => headerKey(cell));
  const idCol = keys.indexOf('id');
  const titleCol = keys.findIndex((key) => TITLE_KEYS.has(key));
  if (idCol < 0 || titleCol < 0) return undefined;
  const titles = new Map<string, string>();
  for (const row of rows) {
    const id = (row.cells[idCol] ?? '').trim();
    const title = (row.cells[titleCol] ?? '').trim();
    if (id && title && !titles.has(id)) titles.set(id, title);
  }
  return titles.size > 0 ? titles : undefined;
}
