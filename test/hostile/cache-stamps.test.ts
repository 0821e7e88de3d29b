import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { measure, scratch } from './run.js';

/**
 * A stale cache: an entry found by a file's stamp must not answer for an edit the stamp cannot
 * show. On a file system that keeps whole seconds, an edit that keeps the size, made in the second
 * the cached run read the file, leaves its stamp as it was ("racily clean", in git's words). The
 * runs here see every file time, and the clock, in one such second (one-tick-clock.mjs), so the
 * case happens on every run whatever the machine's load, and no test waits on the clock.
 */
const work = scratch('cache-stamps');
const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n        axes:\n          Craft: one; two\n`;
const oneTick = `--import=${pathToFileURL(join(root, 'test', 'helpers', 'one-tick-clock.mjs')).href}`;
const TICK = '1700000000';

describe('a file edited within the second its cache entry was made', () => {
  it.each([
    ['a ladder file', (dir: string) => ['show', 'only', '-f', join(dir, 'ladder.yaml')]],
    ['a file of a ladder folder', (dir: string) => ['show', 'only', '-f', dir]],
  ])('%s is read again, not answered from the stale entry', (what, args) => {
    const dir = work.folder(`stamps ${what}`);
    const file = join(dir, 'ladder.yaml');
    const env = { XDG_CACHE_HOME: join(work.root, `cache ${what}`.replace(/\W+/g, '-')), LADDER_NO_CACHE: '', LADDER_TEST_TICK: TICK, NODE_OPTIONS: oneTick };
    writeFileSync(file, mini('First Title'));
    const first = measure(dir, args(dir), { env });
    expect(first.stdout, first.stderr).toContain('First Title');
    // The same size, the same inode and, as the runs see them, the same times.
    writeFileSync(file, mini('Later Title'));
    const after = measure(dir, args(dir), { env });
    expect(after.stdout, after.stderr).toContain('Later Title');
    expect(after.stdout).not.toContain('First Title');
  });
});
