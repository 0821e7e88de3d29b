import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
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
  const stdoutIsTTY = isTerminal(1);
  const stderrIsTTY = isTerminal(2);
  const stderr = descriptorWriter(2, () => process.exit(OUTPUT_FAILED));
  const stdout = descriptorWriter(1, (problem) => {
    stderr.write(`ladder: error: cannot write to standard output: ${problem}\n`);
    process.exit(OUTPUT_FAILED);
  });
  if (stdoutWasClosed()) stdout.close();
  // Windows' console is written in UTF-16, which Node's own stream does; bytes written to its
  // descriptor would be read in the console's code page.
  const windowsConsole = process.platform === 'win32';
  return {
    stdout: windowsConsole && stdoutIsTTY ? process.stdout : stdout,
    stderr: windowsConsole && stderrIsTTY ? process.stderr : stderr,
    stdoutIsTTY,
    stderrIsTTY,
    // Asked only of a terminal; process.stdout (which loads node:tty and node:net) is made only then.
    get columns() {
      return stdoutIsTTY ? process.stdout.columns : undefined;
    },
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => {
      // Reading a terminal would wait for typing that nobody means to do.
      if (isatty(0)) throw new LadderError('usage', '`-` reads the ladder from standard input, but standard input is a terminal', { hint: 'pipe a ladder in, e.g. `git show HEAD:ladder.yaml | ladder -f - list`' });
      return readBounded(0, MAX_LADDER_BYTES);
    },
  };
}

/** node:tty's isatty, loaded on first use: node:tty brings net and streams, which most runs never need. */
function isatty(fd: number): boolean {
  return (createRequire(import.meta.url)('node:tty') as { isatty(fd: number): boolean }).isatty(fd);
}

/**
 * Whether a standard descriptor is a terminal. Only a character device can be one, and the one
 * output is most often sent to, /dev/null, is not: files, pipes and /dev/null are answered from
 * the descriptor's status alone.
 */
function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === devNullDevice()) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

let devNull: number | undefined;
const devNullDevice = (): number => (devNull ??= statSync('/dev/null', { throwIfNoEntry: false })?.rdev ?? -1);

/**
 * A standard stream written straight to its descriptor, as git and ls write theirs: no stream
 * objects to load, and every byte is out before the write returns (so an exit never cuts output
 * short). A reader that goes away early (`ladder validate | head -1`) is ordinary: the rest of the
 * output is dropped, quietly, and the command still ends with the status it would have had, so
 * `set -o pipefail` still sees a failed check. Any other write error (a full disk) ends the run
 * at once through `fail`, with exit 74. A descriptor that another process made non-blocking is
 * waited on when it is full.
 */
function descriptorWriter(fd: number, fail: (problem: string) => never) {
  let readerGone = false;
  let closed = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return {
    /** Makes the first write fail, as to a stream that was closed before ladder started. */
    close() {
      closed = true;
    },
    write(chunk: string | Uint8Array): boolean {
      if (readerGone) return true;
      if (closed) fail('it is closed');
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let written = 0; written < bytes.length; ) {
        try {
          written += writeSync(fd, bytes, written, bytes.length - written);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 5);
          else if (code === 'EPIPE') return (readerGone = true);
          else fail(code ?? (error as Error).message);
        }
      }
      return true;
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
 * Whether standard output was closed when ladder started (`ladder list >&-`). Node then opens
 * /dev/null in its place, read-write, and every write would succeed; a shell's `>/dev/null` opens
 * it write-only. (Linux says how a descriptor was opened in /proc; elsewhere this is not known.)
 */
function stdoutWasClosed(): boolean {
  try {
    if (fstatSync(1).rdev !== devNullDevice()) return false;
    const flags = /^flags:\s*(\d+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
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
