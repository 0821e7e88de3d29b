import { closeSync, existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { fileStamp, wallClockNs } from './cache-directory.js';
import { readBounded } from './read-bounded.js';
import { isAbsolute, join, relative } from 'node:path';
import { LadderError } from '../errors.js';

/** Largest ladder file accepted; larger files are refused before they are read. */
export const MAX_LADDER_BYTES = 16 * 1024 * 1024;

/**
 * Anchors, aliases and tags in YAML text: such a file is read only by the parser that limits how
 * far aliases expand (parse-yaml.ts), never by js-yaml, which expands them without bound.
 */
export const YAML_NODE_PROPERTIES = /[&*!][^\s]/;

export const STDIN_NAME = '<stdin>';

export interface SourceRequest {
  /** `--file` as given; `-` means standard input. */
  file?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The ladder shipped with the package, used when nothing else names one. */
  bundled: string;
}

/** Why this ladder is the one in effect: named on the command line, by $LADDER_FILE, found in the working directory, or the shipped example. */
export type SourceReason = 'command line' | 'LADDER_FILE' | 'working directory' | 'shipped';

export type SourceLocation = ({ kind: 'stdin' } | { kind: 'path'; path: string; display: string }) & {
  reason: SourceReason;
  /** A file of the working directory passed over because it is this run's own standard output. */
  passedOver?: string;
};

/** Names of a ladder file in the working directory, in the order they are looked for. */
export const LOCAL_NAMES = ['ladder.yaml', 'ladder.yml', 'ladder.md', 'ladder.markdown'];

/** The folder in the working directory that holds a ladder kept as several files, looked for after LOCAL_NAMES. */
export const LOCAL_FOLDER = 'ladders';

/**
 * Where the ladder comes from: `--file`, then `$LADDER_FILE` (either may name a file or a folder),
 * then `./ladder.yaml`, `./ladder.yml`, `./ladder.md` or `./ladder.markdown`, then a `./ladders/`
 * folder, then the bundled ladder.
 */
export function locateLadder(request: SourceRequest): SourceLocation {
  const reason: SourceReason = request.file !== undefined ? 'command line' : 'LADDER_FILE';
  const named = request.file ?? (request.env.LADDER_FILE || undefined);
  if (named === '-') return { kind: 'stdin', reason };
  if (named !== undefined) {
    return { kind: 'path', path: isAbsolute(named) ? named : join(request.cwd, named), display: named, reason };
  }
  let passedOver: string | undefined;
  for (const name of LOCAL_NAMES) {
    const path = join(request.cwd, name);
    if (!existsSync(path)) continue;
    // `ladder export > ladder.md` makes the file before ladder starts: it is the output, not the ladder.
    if (isStandardOutput(path)) passedOver ??= name;
    else return { kind: 'path', path, display: name, reason: 'working directory', passedOver };
  }
  const folder = join(request.cwd, LOCAL_FOLDER);
  if (isDirectory(folder)) return { kind: 'path', path: folder, display: LOCAL_FOLDER, reason: 'working directory', passedOver };
  return { kind: 'path', path: request.bundled, display: displayPath(request.bundled, request.cwd), reason: 'shipped', passedOver };
}

/** Whether `path` is the file this process's standard output was opened on. */
function isStandardOutput(path: string): boolean {
  try {
    const output = fstatSync(1);
    const file = statSync(path);
    return output.isFile() && output.dev === file.dev && output.ino === file.ino;
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export interface LadderSource {
  /** The name used in messages: the path as the user gave it, or `<stdin>`. */
  name: string;
  text: string;
  /** A regular file's path and stamp (see fileStamp), by which the cache knows it unchanged without hashing its text. */
  path?: string;
  stamp?: string;
}

export type SourceFormat = 'yaml' | 'markdown';

const MARKDOWN_EXTENSION = /\.(md|markdown|mdown|mkd|mkdn)$/i;
const YAML_EXTENSION = /\.(ya?ml|json)$/i;

/**
 * Which reader a ladder needs: by the file's extension, and by its content where there is none
 * (standard input). A YAML ladder has a top-level `tracks:` key; text without one that has a
 * Markdown heading or front matter is Markdown.
 */
export function sourceFormat(source: LadderSource): SourceFormat {
  if (MARKDOWN_EXTENSION.test(source.name)) return 'markdown';
  if (YAML_EXTENSION.test(source.name)) return 'yaml';
  if (/^tracks[ \t]*:/m.test(source.text)) return 'yaml';
  return /^(#{1,6}[ \t]+\S|---[ \t]*$)/m.test(source.text) || /^[^\n]*\n(=+|-+)[ \t]*$/m.test(source.text) ? 'markdown' : 'yaml';
}

/**
 * A ladder's text. A file named on the command line or in $LADDER_FILE may be of any kind (a pipe
 * from `<(…)`, a device), read only as far as the limit; one found by itself (`./ladder.yaml`, a
 * file of a folder) must be a regular file, so a FIFO left there never blocks every command.
 */
export function readLadderSource(location: SourceLocation, readStdin: () => Buffer, regularOnly = location.reason === 'working directory'): LadderSource {
  if (location.kind === 'stdin') return { name: STDIN_NAME, text: decode(readStdin(), STDIN_NAME) };
  const { path, display } = location;
  let bytes: Buffer;
  let fd: number | undefined;
  let stamp: string | undefined;
  try {
    const readAt = wallClockNs();
    const kind = regularOnly ? statSync(path) : undefined;
    if (kind && !kind.isFile() && !kind.isDirectory()) throw new LadderError('file', `${display}: not a regular file (a FIFO, a socket or a device), so it was not read`, { hint: 'name it with --file if it is meant to be read' });
    fd = openSync(path, 'r');
    const stat = fstatSync(fd, { bigint: true });
    if (stat.isDirectory()) throw new LadderError('file', `${display}: is a directory, not a ladder file`);
    if (stat.isFile() && stat.size > MAX_LADDER_BYTES) throw tooLarge(display, Number(stat.size));
    if (stat.isFile()) stamp = fileStamp(path, stat, readAt);
    bytes = readBounded(fd, MAX_LADDER_BYTES);
  } catch (error) {
    if (error instanceof LadderError) throw error;
    const origin = location.reason === 'LADDER_FILE' ? ' (named by $LADDER_FILE)' : '';
    throw new LadderError('file', `${display}${origin}: ${describeFsError(error)}`, {
      hint: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'pass a ladder file with --file PATH, or run `ladder init` to create one' : undefined,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { name: display, text: decode(bytes, display), ...(stamp === undefined ? {} : { path, stamp }) };
}

function tooLarge(name: string, size?: number): LadderError {
  const what = size === undefined ? `more than ${MAX_LADDER_BYTES} bytes` : `${size} bytes`;
  return new LadderError('file', `${name}: ${what}; ladder files are limited to ${MAX_LADDER_BYTES} bytes (16 MiB)`);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a ladder file';
  return (error as Error).message;
}

/** Ladder files are UTF-8 text; a byte-order mark is dropped, UTF-16 is decoded, binary data is refused. */
function decode(bytes: Buffer, name: string): string {
  // Streams and devices are read only to a byte past the limit, so their real size is unknown.
  if (bytes.length > MAX_LADDER_BYTES) throw tooLarge(name);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes).swap16().toString('utf16le');
  if (bytes.includes(0)) {
    throw new LadderError('file', `${name}: looks like a binary file (it contains a NUL byte), not a YAML ladder`);
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The code units after a UTF-16 byte-order mark, copied so they can be byte-swapped; an odd last byte is dropped. */
function utf16(bytes: Buffer): Buffer {
  const end = 2 + ((bytes.length - 2) & ~1);
  return Buffer.from(bytes.subarray(2, end));
}
