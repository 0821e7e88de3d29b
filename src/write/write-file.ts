import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LadderError } from '../errors.js';

/** The file-system steps of a write, injectable so tests can make one fail halfway (a full disk, say). */
export interface WriteSteps {
  /** Creates `path`, which must not exist, with `mode`, writes `content` and flushes it to disk. */
  writeNew(path: string, content: string | Uint8Array, mode: number): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const diskSteps: WriteSteps = {
  writeNew(path, content, mode) {
    const fd = openSync(path, 'wx', mode);
    try {
      // The mode asked for, whatever the umask: a replaced file keeps the mode it had.
      fchmodSync(fd, mode);
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: renameSync,
  remove: (path) => rmSync(path, { force: true }),
};

/**
 * Writes every byte or throws: a write may take fewer bytes than it was given (a disk that fills,
 * a file-size limit reached part-way), and a file short of its end must never be renamed into place.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) {
    const count = writeSync(fd, bytes, written, bytes.length - written);
    if (count <= 0) throw Object.assign(new Error('the file could not be written to its end'), { code: 'EIO' });
    written += count;
  }
}

export interface WriteOptions {
  /** Replace an existing file. */
  force: boolean;
  /** Files the command read (`-` for standard input); it never writes over one of them. */
  inputs: string[];
  /** Directory relative paths are taken from. */
  cwd: string;
  /** Create missing parent folders. */
  makeParents?: boolean;
}

/**
 * Writes `content` to `path` so that an interrupted or failed write leaves nothing half-written:
 * it goes to a temporary file in the same folder, is flushed, then renamed over the target. An
 * existing file is only replaced with `force`, keeps its mode (and, for root, its owner), is never
 * read-only, one of the command's inputs (standard input included) or a file inside a folder the
 * command read. Only a regular file is ever replaced: a FIFO, a device or a link is refused.
 */
export function writeFileSafely(path: string, content: string | Uint8Array, options: WriteOptions, steps: WriteSteps = diskSteps): void {
  writeFilesSafely([{ path, content }], options, steps);
}

/**
 * Writes several files all or none: every target is checked before any is written, and every
 * temporary file is written in full before the first is renamed into place.
 */
export function writeFilesSafely(files: { path: string; content: string | Uint8Array }[], options: WriteOptions, steps: WriteSteps = diskSteps): void {
  const planned = files.map(({ path, content }) => ({ path, content, ...checkTarget(path, options) }));
  const clashes = options.force ? [] : planned.filter((file) => file.existing).map((file) => file.path);
  if (clashes.length === 1 && planned.length === 1) throw new LadderError('usage', `${clashes[0]} already exists; it was left as it is`, { hint: 'use --force to replace it' });
  if (clashes.length > 0) throw new LadderError('usage', `${clashes.join(', ')} already ${clashes.length === 1 ? 'exists' : 'exist'}; nothing was written`, { hint: 'use --force to replace them' });
  const written: { path: string; target: string; temporary: string; existing?: Stats }[] = [];
  let current = planned[0]?.path ?? '';
  let existingTouched: Stats | undefined;
  try {
    for (const { path, target, existing, content } of planned) {
      current = path;
      existingTouched = existing;
      // A short name of its own, so a long target name never makes the temporary one too long.
      const temporary = join(dirname(target), `.ladder-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      if (options.makeParents) mkdirSync(dirname(target), { recursive: true });
      pendingTemporaries.add(temporary);
      written.push({ path, target, temporary, existing });
      steps.writeNew(temporary, content, existing ? existing.mode & 0o7777 : 0o644);
      if (existing && process.getuid?.() === 0) chownSync(temporary, existing.uid, existing.gid);
    }
    for (const { path, target, temporary, existing } of written) {
      current = path;
      existingTouched = existing;
      steps.rename(temporary, target);
      pendingTemporaries.delete(temporary);
    }
  } catch (error) {
    for (const { temporary } of written) {
      if (!pendingTemporaries.delete(temporary)) continue;
      try {
        steps.remove(temporary);
      } catch {
        // The temporary file may never have been created.
      }
    }
    throw new LadderError('file', `cannot write ${current}: ${reasonFor(error)}`, { hint: existingTouched ? 'the existing file was left as it was' : undefined });
  }
}

/** Where `path` leads and what is there now, or an error saying why it must not be written. */
function checkTarget(path: string, options: WriteOptions): { target: string; existing?: Stats } {
  removeTemporariesOnSignal();
  const target = resolve(options.cwd, path);
  const existing = lstatOrUndefined(target);
  if (existing?.isDirectory()) throw new LadderError('usage', `${path} is a directory`, { hint: 'name a file to write' });
  if (existing?.isSymbolicLink()) throw new LadderError('usage', `refusing to write ${path}: it is a symbolic link`, { hint: 'name the file it points to, or remove the link' });
  if (existing && !existing.isFile()) throw new LadderError('usage', `refusing to write ${path}: it is not a regular file (a pipe or a device)`, { hint: 'write to a regular file, or use `-o -` for standard output' });
  if (existing) {
    for (const input of options.inputs) {
      const read = input === '-' ? stdinStat() : statOrUndefined(resolve(options.cwd, input));
      if (read?.isDirectory() ? isInside(target, read) : read && read.ino === existing.ino && read.dev === existing.dev) {
        throw new LadderError('usage', `refusing to write ${path}: it is ${read?.isDirectory() ? `in ${input}, the folder being read` : 'the file being read'}`, { hint: 'write the result to another file' });
      }
    }
  }
  if (existing && options.force && !isWritable(target, existing)) {
    throw new LadderError('file', `refusing to replace ${path}: it is read-only`, { hint: 'make it writable (chmod u+w) if it is to change' });
  }
  return { target, existing };
}

/** Whether `target` lies inside `folder`, at any depth, as the file system has it (links resolved). */
function isInside(target: string, folder: Stats): boolean {
  let directory: string;
  try {
    directory = realpathSync(dirname(target));
  } catch {
    return false;
  }
  for (;;) {
    const stat = statOrUndefined(directory);
    if (stat && stat.ino === folder.ino && stat.dev === folder.dev) return true;
    const parent = dirname(directory);
    if (parent === directory) return false;
    directory = parent;
  }
}

/** A file nobody may write to (`chmod 444`), or that this user may not, was made so on purpose. */
function isWritable(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Temporary files written and not yet renamed into place, removed if the run is interrupted. */
const pendingTemporaries = new Set<string>();
let removingOnSignal = false;

/**
 * Ctrl-C or a `kill` during a write removes the temporary file, then ends the run by the same
 * signal, so the shell sees what it would have. (A write is synchronous: Node runs this handler
 * once the write in progress has finished or failed, never halfway through.)
 */
function removeTemporariesOnSignal(): void {
  if (removingOnSignal) return;
  removingOnSignal = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
      pendingTemporaries.clear();
      process.kill(process.pid, signal);
    });
  }
}

function reasonFor(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOENT':
      return 'no such directory';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EFBIG':
      return 'the file would pass the size limit (ulimit -f)';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return (error as Error).message;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** What standard input is, when it is a file: `-f - export -o X < X` must not write over X. */
function stdinStat(): Stats | undefined {
  try {
    return fstatSync(0);
  } catch {
    return undefined;
  }
}
