import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { measure, scratch } from './run.js';

/**
 * A stale cache: an entry found by a file's stamp must not answer for an edit the stamp cannot
 * show. On a file system that keeps whole seconds, an edit that keeps the size, made in the second
 * the cached run read the file, leaves its stamp as it was ("racily clean", in git's words).
 * The runs here see times as such a file system keeps them (whole-second-times.mjs).
 */
const work = scratch('cache-stamps');
const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n        axes:\n          Craft: one; two\n`;
const wholeSeconds = `--import=${pathToFileURL(join(root, 'test', 'helpers', 'whole-second-times.mjs')).href}`;
const ATTEMPTS = 5;

const secondOf = (path: string) => {
  const stat = statSync(path);
  return `${Math.floor(stat.mtimeMs / 1000)} ${Math.floor(stat.ctimeMs / 1000)}`;
};

/** Waits for the start of the next second, so that a write and a run fit in the one second. */
function nextSecond(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000 - (Date.now() % 1000) + 20);
}

describe('a file edited within the second its cache entry was made', () => {
  it.each([
    ['a ladder file', (dir: string) => ['show', 'only', '-f', join(dir, 'ladder.yaml')]],
    ['a file of a ladder folder', (dir: string) => ['show', 'only', '-f', dir]],
  ])('%s is read again, not answered from the stale entry', (_, args) => {
    const dir = work.folder(`stamps ${args('').length} ${Math.random()}`);
    const file = join(dir, 'ladder.yaml');
    const env = { XDG_CACHE_HOME: join(work.root, `cache-${Math.random()}`), LADDER_NO_CACHE: '', NODE_OPTIONS: wholeSeconds };
    let raced = 0;
    for (let attempt = 0; attempt < ATTEMPTS && raced === 0; attempt++) {
      nextSecond();
      writeFileSync(file, mini(`First Title ${attempt}`));
      const second = secondOf(file);
      expect(measure(dir, args(dir), { env }).stdout).toContain(`First Title ${attempt}`);
      // The same size, the same inode: only the times of change could tell the edit.
      writeFileSync(file, mini(`Later Title ${attempt}`));
      // On a slow machine the second may be over: then the stamps differ, and the case did not happen.
      if (secondOf(file) !== second) continue;
      raced++;
      const after = measure(dir, args(dir), { env });
      expect(after.stdout).toContain(`Later Title ${attempt}`);
      expect(after.stdout).not.toContain('First Title');
    }
    expect(raced, 'an edit in the same second as the cached run').toBe(1);
  });
});
