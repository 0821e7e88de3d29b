import { fstatSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LadderError } from './errors.js';
import { readBounded } from './read/read-bounded.js';
import { MAX_LADDER_BYTES } from './read/source.js';

/** The process's streams and surroundings, injected so commands run the same in tests as in a terminal. */
export interface Io {
  /** Data; `export --format xlsx` writes bytes. */
  stdout: { write(chunk: string | Uint8Array): unknown };
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
      // Reading a terminal would wait for typing that nobody means to do. (node:tty, which brings
      // net and streams, is loaded only here: most runs never read standard input.)
      const { isatty } = createRequire(import.meta.url)('node:tty') as { isatty(fd: number): boolean };
      if (isatty(0)) throw new LadderError('usage', '`-` reads the ladder from standard input, but standard input is a terminal', { hint: 'pipe a ladder in, e.g. `git show HEAD:ladder.yaml | ladder -f - list`' });
      return readBounded(0, MAX_LADDER_BYTES);
    },
  };
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

/** Lines longer than this are hard to read, however wide the terminal. */
const READABLE_WIDTH = 120;

/**
 * Width to wrap text to: $COLUMNS when it is set (20 or more), else the terminal's, capped at 120
 * columns for readability; none when stdout is not a terminal.
 */
export function wrapWidth(io: Io): number | undefined {
  if (!io.stdoutIsTTY) return undefined;
  const asked = Number(io.env.COLUMNS);
  if (Number.isInteger(asked) && asked >= 20) return asked;
  return Math.min(io.columns && io.columns > 20 ? io.columns : 80, READABLE_WIDTH);
}

/**
 * What happens when a standard stream cannot be written. A reader that goes away early
 * (`ladder validate | head -1`) is ordinary: the rest of the output is dropped, quietly, and the
 * command still ends with the status it would have had, as git does, so `set -o pipefail` still
 * sees a failed check. Any other write error (a full disk) ends the run at once with one line on
 * stderr and exit 74.
 */
export function guardOutput(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.write = () => true;
      return;
    }
    try {
      if (stream !== process.stderr) process.stderr.write(`ladder: error: cannot write to ${name}: ${error.code ?? error.message}\n`);
    } finally {
      process.exit(OUTPUT_FAILED);
    }
  });
}

/**
 * Whether standard output was closed when ladder started (`ladder list >&-`). Node then opens
 * /dev/null in its place, read-write, and every write would succeed; a shell's `>/dev/null` opens
 * it write-only. (Linux says how a descriptor was opened in /proc; elsewhere this is not known.)
 */
export function stdoutWasClosed(): boolean {
  try {
    const flags = /^flags:\s*(\d+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2 && fstatSync(1).rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** Makes the first write to a stream that was closed end the run, as `ls >&-` does: one line on stderr, exit 74. */
export function failWrites(stream: NodeJS.WriteStream, name: string): void {
  stream.write = () => {
    process.stderr.write(`ladder: error: cannot write to ${name}: it is closed\n`);
    process.exit(OUTPUT_FAILED);
  };
}

/** The exit code of a run whose output could not be written (EX_IOERR in sysexits.h). */
export const OUTPUT_FAILED = 74;

// C0 and C1 controls (but tab and newline), every character of Unicode's Bidi_Control property
// (the Arabic letter mark, the marks, embeddings, overrides and isolates), and the invisible
// zero-width space, word joiner and zero-width no-break space, which make two names look alike.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Characters a terminal could act on, which JSON.stringify and YAML leave as they are. */
export const UNSAFE_IN_STRINGS = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

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
