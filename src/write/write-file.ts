import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LadderError } from '../errors.js';

/** The file-system steps of a write, injectable so tests can make one fail halfway (a full disk, say). */
export interface WriteSteps {
  /** Creates `path`, which must not exist, writes `content` and flushes it to disk. */
  writeNew(path: string, content: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const diskSteps: WriteSteps = {
  writeNew(path, content) {
    const fd = openSync(path, 'wx', 0o644);
    try {
      writeSync(fd, content);
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
  /** Files the command read; it never writes over one of them. */
  inputs: string[];
  /** Directory relative paths are taken from. */
  cwd: string;
  /** Create missing parent folders. */
  makeParents?: boolean;
}

/**
 * Writes `content` to `path` so that an interrupted or failed write leaves nothing half-written:
 * it goes to a temporary file in the same folder, is flushed, then renamed over the target. An
 * existing file is only replaced with `force`, and never when it is one of the command's inputs.
 */
export function writeFileSafely(path: string, content: string, options: WriteOptions, steps: WriteSteps = diskSteps): void {
  const target = resolve(options.cwd, path);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new LadderError('usage', `${path} is a directory`, { hint: 'name a file to write' });
  for (const input of options.inputs) {
    const read = statOrUndefined(resolve(options.cwd, input));
    if (existing && read && read.ino === existing.ino && read.dev === existing.dev) {
      throw new LadderError('usage', `refusing to write ${path}: it is the file being read`, { hint: 'write the result to another file' });
    }
  }
  if (existing && !options.force) {
    throw new LadderError('usage', `${path} already exists; it was left as it is`, { hint: 'use --force to replace it' });
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (options.makeParents) mkdirSync(dirname(target), { recursive: true });
    steps.writeNew(temporary, content);
    steps.rename(temporary, target);
  } catch (error) {
    try {
      steps.remove(temporary);
    } catch {
      // The temporary file may never have been created.
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code === 'ENOENT' ? 'no such directory' : (error as Error).message;
    throw new LadderError('file', `cannot write ${path}: ${reason}`, { hint: existing ? 'the existing file was left as it was' : undefined });
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
