import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, node } from '../helpers/cli.js';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * Reading must not hang, escape or lie: a FIFO where ladder looks for files by itself is refused
 * rather than waited on, a link out of a ladder folder is not followed, and closed standard output
 * is an error (exit 74), as it is for `ls` and `git log`.
 */
const work = scratch('reading');
const track = (i: number) => `tracks:\n  - id: t${i}\n    name: T${i}\n    levels:\n      - { id: l${i}, title: L${i}, axes: { Craft: x } }\n`;
const folderOf = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`ladders/f${i}.yaml`, track(i)]));

describe('files ladder finds by itself', () => {
  it('a FIFO among the files of ./ladders/ is refused at once, by commands and by completion', () => {
    const dir = work.folder('fifo in folder', folderOf(sized(2000)));
    execFileSync('mkfifo', [join(dir, 'ladders', 'zz.yaml')]);
    const run = measure(dir, ['list']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('ladders/zz.yaml: not a regular file (a FIFO, a socket or a device), so it was not read');
    const completion = spawnSync(node, [bin, '__complete', '--', 'show', ''], { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1' }), encoding: 'utf8', timeout: 20_000 });
    expect(completion.status).toBe(0);
    expectWithinBounds(work, 'list beside a FIFO in ./ladders/', run, 3);
  });

  it('a FIFO as ./ladder.yaml, or named by an assessment as its ladder, is refused at once', () => {
    const dir = work.folder('fifo as ladder');
    execFileSync('mkfifo', [join(dir, 'ladder.yaml')]);
    expect(measure(dir, ['list']).status).toBe(3);
    const other = work.folder('fifo named by assessment');
    expect(measure(other, ['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', 'me.yaml']).status).toBe(0);
    execFileSync('mkfifo', [join(other, 'pipe.yaml')]);
    writeFileSync(join(other, 'me.yaml'), readFileSync(join(other, 'me.yaml'), 'utf8').replace(/^ {2}file: .*/m, '  file: pipe.yaml'));
    const run = measure(other, ['assess', 'me.yaml']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('pipe.yaml: the ladder me.yaml names is not a regular file');
  });

  it('a lint configuration beside the ladder is read as a ladder is: a FIFO refused at once, and never past 16 MiB', () => {
    const dir = work.folder('lint configuration', { 'ladder.yaml': track(0) });
    execFileSync('mkfifo', [join(dir, '.ladderlint.yaml')]);
    const found = measure(dir, ['lint']);
    expect(found.status).toBe(3);
    expect(found.stderr).toContain('.ladderlint.yaml: not a regular file (a FIFO, a socket or a device), so it was not read');
    writeFileSync(join(dir, 'large.yaml'), '#'.repeat(16 * 1024 * 1024 + 1));
    const large = measure(dir, ['lint', '--config', 'large.yaml']);
    expect(large.status).toBe(3);
    expect(large.stderr).toContain('large.yaml: 16777217 bytes; ladder files are limited to 16777216 bytes (16 MiB)');
    expectWithinBounds(work, 'lint beside a FIFO as .ladderlint.yaml', found, 2);
  });

  it('a link in a ladder folder to a file outside it is not followed, and its text never quoted', () => {
    const dir = work.folder('link out', folderOf(sized(2000)));
    writeFileSync(join(dir, 'private.yaml'), 'password: hunter2 and other private words\n');
    symlinkSync(join(dir, 'private.yaml'), join(dir, 'ladders', 'zz.yaml'));
    const run = measure(dir, ['validate', 'ladders', '--json']);
    expect(run.status).toBe(3);
    expect(run.stdout + run.stderr).not.toContain('hunter2');
    expect(run.stderr).toContain('ladders/zz.yaml: a link to a file outside ladders, not followed');
    expectWithinBounds(work, 'validate of a folder with a link out of it', run, 3);
  });
});

describe('closed standard output', () => {
  it('ends in exit 74 with a message, as ls and git log do; /dev/null is still fine', () => {
    const dir = work.folder('closed stdout', { 'ladder.yaml': track(1) });
    const closed = spawnSync('sh', ['-c', `"${node}" "${bin}" list >&-`], { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1' }), encoding: 'utf8' });
    expect(closed.status).toBe(74);
    expect(closed.stderr).toBe('ladder: error: cannot write to standard output: it is closed\n');
    const discarded = spawnSync('sh', ['-c', `"${node}" "${bin}" list >/dev/null`], { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1' }), encoding: 'utf8' });
    expect(discarded.status).toBe(0);
  });
});
