import type { Cell } from './blocks.js';
import { clean, htmlText } from './inline.js';

/**
 * The rows of an HTML `<table>` block, the first row as its header. A cell's clauses are the
 * pieces its author separated with `<br>`, `<li>` or `<p>`. Text inside the table but outside
 * every cell (which browsers show above the table) is returned apart. Anything that is not a
 * table (or a table with fewer than two rows) gives undefined and is read as prose.
 */
export function htmlTable(html: string): { header: Cell[]; rows: Cell[][]; outside: string } | undefined {
  if (!/^\s*<table\b/i.test(html)) return undefined;
  const rows: Cell[][] = [];
  const [beforeRows, ...rowParts] = html.split(/<tr\b[^>]*>/i);
  const outside = [beforeRows ?? ''];
  for (const part of rowParts) {
    const [body = '', ...after] = part.split(/<\/tr\s*>/i);
    outside.push(after.join(' '));
    const [beforeCells, ...cellParts] = body.split(/<t[hd]\b[^>]*>/i);
    outside.push(beforeCells ?? '');
    const cells = cellParts.map((cellPart) => {
      const [content = '', ...rest] = cellPart.split(/<\/t[hd]\s*>/i);
      outside.push(rest.join(' '));
      return htmlCell(content);
    });
    if (cells.length > 0) rows.push(cells);
  }
  const [header, ...rest] = rows;
  return header && rest.length > 0 ? { header, rows: rest, outside: clean(htmlText(outside.join(' '))) } : undefined;
}

function htmlCell(html: string): Cell {
  const clauses = html
    .split(/<br\s*\/?>|<\/?(?:li|p|ul|ol|div)\b[^>]*>/i)
    .map((piece) => clean(htmlText(piece)))
    .filter((piece) => piece.length > 0);
  const bold = /^\s*<(b|strong)\b[^>]*>[\s\S]*<\/\1>\s*$/i.test(html);
  return { text: clauses.join(' '), clauses, bold };
}
