import type { Cell } from './blocks.js';
import { clean, htmlText } from './inline.js';

/**
 * The rows of an HTML `<table>` block, the first row as its header. A cell's clauses are the
 * pieces its author separated with `<br>`, `<li>` or `<p>`. Anything that is not a table (or a
 * table with fewer than two rows) gives undefined and is read as prose.
 */
export function htmlTable(html: string): { header: Cell[]; rows: Cell[][] } | undefined {
  if (!/^\s*<table\b/i.test(html)) return undefined;
  const rows: Cell[][] = [];
  for (const row of html.split(/<tr\b[^>]*>/i).slice(1)) {
    const body = row.split(/<\/tr\s*>/i)[0] ?? '';
    const cells = body.split(/<t[hd]\b[^>]*>/i).slice(1).map((cell) => htmlCell(cell.split(/<\/t[hd]\s*>/i)[0] ?? ''));
    if (cells.length > 0) rows.push(cells);
  }
  const [header, ...rest] = rows;
  return header && rest.length > 0 ? { header, rows: rest } : undefined;
}

function htmlCell(html: string): Cell {
  const clauses = html
    .split(/<br\s*\/?>|<\/?(?:li|p|ul|ol|div)\b[^>]*>/i)
    .map((piece) => clean(htmlText(piece)))
    .filter((piece) => piece.length > 0);
  const bold = /^\s*<(b|strong)\b[^>]*>[\s\S]*<\/\1>\s*$/i.test(html);
  return { text: clauses.join(' '), clauses, bold };
}
