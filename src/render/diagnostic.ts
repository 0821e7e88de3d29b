import type { Io } from '../io.js';
import { sanitize } from '../io.js';
import { LadderError } from '../errors.js';
import type { Diagnostic, ErrorCode } from '../errors.js';
import { createStyle } from './style.js';
import type { Style } from './style.js';
import { table } from './text/layout.js';

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
    else io.stderr.write('ladder: this is a bug; run again with LADDER_DEBUG=1 for details and report it\n');
    return EXIT.internal;
  }
  io.stderr.write(formatLadderError(error, style));
  return EXIT_FOR[error.code];
}

export function formatLadderError(error: LadderError, style: Style): string {
  if (error.diagnostics.length > 0) return error.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, style)).join('');
  const lines = [`ladder: ${style.error('error:')} ${sanitize(error.message)}`];
  if (error.candidates.length > 0) {
    lines.push(...table(error.candidates.map(({ id, title }) => [style.id(sanitize(id)), sanitize(title)])).map((row) => `  ${row}`));
  }
  if (error.hint) lines.push(`${style.hint('hint:')} ${sanitize(error.hint)}`);
  return `${lines.join('\n')}\n`;
}

/** `FILE:LINE:COL: error: message (hint)`: one line per problem, as compilers print them, so editors can jump to it. */
export function formatDiagnostic(diagnostic: Diagnostic, style: Style): string {
  const where = [diagnostic.file, diagnostic.line, diagnostic.col].filter((part) => part !== undefined).join(':');
  const label = diagnostic.severity === 'error' ? style.error('error:') : style.warning('warning:');
  const hint = diagnostic.hint ? ` ${style.hint(`(${sanitize(diagnostic.hint)})`)}` : '';
  return `${sanitize(where)}: ${label} ${sanitize(diagnostic.message)}${hint}\n`;
}
