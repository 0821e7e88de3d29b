import { sanitize } from '../../io.js';
import { splitParagraphs } from '../../model/model.js';
import type { Style } from '../style.js';

/**
 * What every text renderer needs: the colours to use, the width to wrap to (none on a pipe), and
 * the layout: for a person in a terminal, or `lines` for grep on a pipe, where every line is one
 * record prefixed with where it comes from.
 */
export interface TextOptions {
  style: Style;
  wrap?: Wrapping;
  lines: boolean;
}

/** Wrapping to a terminal's width; the wrapper is loaded only when there is a terminal to wrap for. */
export interface Wrapping {
  width: number;
  wrapText(text: string, width: number): string;
}

/**
 * One logical line, prefixed by `first` and, when wrapped, continued under it with `rest`.
 * Ladder text is sanitised here, before any colour is applied to it.
 */
export function hanging(text: string, first: string, rest: string, wrap?: Wrapping): string {
  const body = text.replace(/\s*\n\s*/g, ' ');
  if (!wrap) return first + body;
  const wrapped = wrap.wrapText(body, Math.max(20, wrap.width - visibleLength(first)));
  return wrapped
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n');
}

/** Paragraphs separated by a blank line, each wrapped and indented. */
export function paragraphs(text: string, indent: string, wrap?: Wrapping): string[] {
  return splitParagraphs(safe(text)).map((paragraph) => hanging(paragraph, indent, indent, wrap));
}

export function safe(text: string): string {
  return sanitize(text);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Pads cells to column widths; the last column is never padded. */
export function table(rows: string[][], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleLength(cell))))
      .join(gap)
      .trimEnd(),
  );
}

export function levelName(ref: { id: string; title: string }, style: Style): string {
  return `${safe(ref.title)} ${style.muted(`(${style.id(safe(ref.id))})`)}`;
}
