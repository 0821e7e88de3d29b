import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
      if (typeof content === 'string') writeSync(fd, content);
      else writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: renameSync,
  remove: (path) => rmSync(path, { force: true }),
};

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
 * existing file is only replaced with `force`, keeps its mode (and, for root, its owner), and is
 * never one of the command's inputs, standard input included. Only a regular file is ever
 * replaced: a FIFO, a device or a link is refused.
 */
export function writeFileSafely(path: string, content: string | Uint8Array, options: WriteOptions, steps: WriteSteps = diskSteps): void {
  const target = resolve(options.cwd, path);
  const existing = lstatOrUndefined(target);
  if (existing?.isDirectory()) throw new LadderError('usage', `${path} is a directory`, { hint: 'name a file to write' });
  if (existing?.isSymbolicLink()) throw new LadderError('usage', `refusing to write ${path}: it is a symbolic link`, { hint: 'name the file it points to, or remove the link' });
  if (existing && !existing.isFile()) throw new LadderError('usage', `refusing to write ${path}: it is not a regular file (a pipe or a device)`, { hint: 'write to a regular file, or use `-o -` for standard output' });
  for (const input of options.inputs) {
    const read = input === '-' ? stdinStat() : statOrUndefined(resolve(options.cwd, input));
    if (existing && read && read.ino === existing.ino && read.dev === existing.dev) {
      throw new LadderError('usage', `refusing to write ${path}: it is the file being read`, { hint: 'write the result to another file' });
    }
  }
  if (existing && !options.force) {
    throw new LadderError('usage', `${path} already exists; it was left as it is`, { hint: 'use --force to replace it' });
  }
  // A short name of its own, so a long target name never makes the temporary one too long.
  const temporary = join(dirname(target), `.ladder-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (options.makeParents) mkdirSync(dirname(target), { recursive: true });
    steps.writeNew(temporary, content, existing ? existing.mode & 0o7777 : 0o644);
    if (existing && process.getuid?.() === 0) chownSync(temporary, existing.uid, existing.gid);
    steps.rename(temporary, target);
  } catch (error) {
    try {
      steps.remove(temporary);
    } catch {
      // The temporary file may never have been created.
    }
    throw new LadderError('file', `cannot write ${path}: ${reasonFor(error)}`, { hint: existing ? 'the existing file was left as it was' : undefined });
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
