import { readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { LadderError } from './errors.js';
import { MAX_LADDER_BYTES } from './read/source.js';

/** The process's streams and surroundings, injected so commands run the same in tests as in a terminal. */
export interface Io {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width when stdout is a terminal. */
  columns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  readStdin(): Buffer;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => {
      // Reading a terminal would wait for typing that nobody means to do.
      if (isatty(0)) throw new LadderError('usage', '`-` reads the ladder from standard input, but standard input is a terminal', { hint: 'pipe a ladder in, e.g. `git show HEAD:ladder.yaml | ladder -f - list`' });
      return readAll(0);
    },
  };
}

/**
 * Reads a file descriptor to its end. Standard input is read directly (process.stdin, once touched,
 * puts a pipe in non-blocking mode), and a pipe whose writer has not written yet is waited for.
 * Reading stops a byte past MAX_LADDER_BYTES; the caller refuses the oversized input.
 */
function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total <= MAX_LADDER_BYTES) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks);
}

/**
 * Whether to colour a stream: `--color`/`--no-color` first, then FORCE_COLOR (0 turns it off),
 * then NO_COLOR, then whether the stream is a terminal that is not `dumb`.
 */
export function colorFor(io: Io, isTTY: boolean, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return isTTY && io.env.TERM !== 'dumb';
}

/** Width to wrap text to: the terminal's, capped for readability; none when stdout is not a terminal. */
export function wrapWidth(io: Io): number | undefined {
  if (!io.stdoutIsTTY) return undefined;
  return Math.min(io.columns && io.columns > 20 ? io.columns : 80, 120);
}

/** Stops quietly when the reader of a pipe goes away (`ladder list | head -1`), as other Unix tools do. */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// C0 and C1 controls (but tab and newline), and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Characters a terminal could act on, which JSON.stringify and YAML leave as they are. */
export const UNSAFE_IN_STRINGS = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u009b` for U+009B: the escape JSON and YAML's double-quoted strings both read back as the character. */
export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Ladder text is data: control characters and escape sequences are shown escaped, never sent to the terminal raw. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
