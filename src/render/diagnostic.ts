import type { Io } from '../io.js';
import { sanitize } from '../io.js';
import { LadderError } from '../errors.js';
import { bugs } from '../../package.json';
import type { Diagnostic, ErrorCode } from '../errors.js';
import { createStyle } from './style.js';
import type { Style } from './style.js';
import { table } from './text/layout.js';
import { pushAll } from '../lists.js';

export const EXIT = { ok: 0, notFound: 1, usage: 2, badLadder: 3, internal: 70 } as const;

const EXIT_FOR: Record<ErrorCode, number> = {
  'not-found': EXIT.notFound,
  ambiguous: EXIT.notFound,
  usage: EXIT.usage,
  file: EXIT.badLadder,
  invalid: EXIT.badLadder,
};

/** Prints an error on stderr and returns the exit code it deserves. The one place errors become text. */
export async function reportError(error: unknown, io: Io, color: boolean): Promise<number> {
  const style = await createStyle(color);
  if (!(error instanceof LadderError)) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ladder: ${style.error('internal error:')} ${sanitize(detail)}\n`);
    if (io.env.LADDER_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write(`ladder: this is a bug; run again with LADDER_DEBUG=1 for details and report it at ${bugs.url}\n`);
    return EXIT.internal;
  }
  io.stderr.write(formatLadderError(error, style, io.stderrIsTTY));
  return EXIT_FOR[error.code];
}

export function formatLadderError(error: LadderError, style: Style, excerpts = false): string {
  if (error.diagnostics.length > 0) return error.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, style, excerpts)).join('');
  const lines = [`ladder: ${style.error('error:')} ${sanitize(error.message)}`];
  if (error.candidates.length > 0) {
    pushAll(lines, table(error.candidates.map(({ id, title }) => [style.id(sanitize(id)), sanitize(title)])).map((row) => `  ${row}`));
  }
  if (error.hint) lines.push(`${style.hint('hint:')} ${sanitize(error.hint)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `FILE:LINE:COL: error: message (hint)`: one line per problem, as compilers print them, so editors
 * can jump to it. In a terminal (`excerpt`), the source line follows, with a caret under the column.
 */
export function formatDiagnostic(diagnostic: Diagnostic, style: Style, excerpt = false): string {
  const where = [diagnostic.file, diagnostic.line, diagnostic.col].filter((part) => part !== undefined).join(':');
  const label = diagnostic.severity === 'error' ? style.error('error:') : style.warning('warning:');
  const hint = diagnostic.hint ? ` ${style.hint(`(${sanitize(diagnostic.hint)})`)}` : '';
  const header = `${sanitize(where)}: ${label} ${sanitize(diagnostic.message)}${hint}\n`;
  if (!excerpt || diagnostic.excerpt === undefined || diagnostic.line === undefined) return header;
  const number = String(diagnostic.line);
  const gutter = ' '.repeat(number.length);
  const text = sanitize(diagnostic.excerpt.replace(/\t/g, '    '));
  const column = sanitize(diagnostic.excerpt.slice(0, Math.max(0, (diagnostic.col ?? 1) - 1)).replace(/\t/g, '    ')).length;
  const marked = /^\S+/.exec(text.slice(column))?.[0].length ?? 1;
  const caret = style.hint(`^${'~'.repeat(Math.min(Math.max(marked - 1, 0), 40))}`);
  return `${header}${style.muted(` ${number} |`)} ${text}\n${style.muted(` ${gutter} |`)} ${' '.repeat(column)}${caret}\n`;
}
