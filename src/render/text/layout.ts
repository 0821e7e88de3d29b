import stringWidth from 'string-width';
import { sanitize } from '../../io.js';
import { splitParagraphs } from '../../model/model.js';
import { NON_ASCII } from '../../model/names.js';
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
  // Every line must fit under the wider of the two prefixes, or the last pass (fitToWidth) breaks it again.
  const wrapped = wrap.wrapText(body, Math.max(20, wrap.width - Math.max(visibleLength(first), visibleLength(rest))));
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

/**
 * Columns a terminal gives text: colour codes none, combining marks none, East Asian wide
 * characters and emoji two (a joined emoji, such as a family, is one of two). ASCII is counted
 * directly; anything else by string-width, which the wrapper uses too.
 */
export function visibleLength(text: string): number {
  const plain = text.replace(ANSI, '');
  return NON_ASCII.test(plain) ? stringWidth(plain) : plain.length;
}

/**
 * The last pass over text for a terminal: a line wider than the terminal (a heading, a table row,
 * a summary) is wrapped at its spaces, its continuation indented under it, never cut mid-word.
 */
export function fitToWidth(text: string, wrap: Wrapping): string {
  return text
    .split('\n')
    .map((line) => {
      if (visibleLength(line) <= wrap.width) return line;
      const indent = /^ */.exec(line)?.[0] ?? '';
      return hanging(line.slice(indent.length), indent, `${indent}  `, wrap);
    })
    .join('\n');
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
