import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, node } from '../helpers/cli.js';
import { expectWithinBounds, measure, sized, scratch } from './run.js';

/**
 * Data that must never be lost: a write either puts the whole new file in place or leaves the old
 * one as it was, whatever stops it (a size limit reached part-way, a read-only file, a folder that
 * was read, Ctrl-C, a file that already exists among several).
 */
const work = scratch('writes');

/** Leftover temporary files of an interrupted or failed write, anywhere under `dir`. */
const leftovers = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.ladder-\d+-[0-9a-f]+\.tmp$/.test(name));

/** An assessment of the shipped ladder with `items` pieces of evidence spread over its expectations, and a comment of the person's own. */
function filledAssessment(dir: string, items: number): string {
  expect(measure(dir, ['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', 'me.yaml']).status).toBe(0);
  const text = readFileSync(join(dir, 'me.yaml'), 'utf8');
  const slots = text.split('evidence: []').length - 1;
  let next = 0;
  const filled = text.replace(/rating:\n(\s*)evidence: \[\]/g, (_, indent: string) => {
    const count = Math.ceil((items - next) / Math.max(1, slots - next / Math.max(1, items / slots)));
    const evidence = Array.from({ length: Math.max(1, Math.min(count, items - next)) }, () => `${indent}  - text: shipped the change that item ${(next += 1)} describes, with the notes it needed\n${indent}    date: 2024-03-01`);
    return `rating: sometimes # my own note: ask for a second opinion\n${indent}evidence:\n${evidence.join('\n')}`;
  });
  writeFileSync(join(dir, 'me.yaml'), `${filled}# a closing note of my own\n`);
  return filled;
}

describe('writes that lose nothing', () => {
  it('a write cut short by the file-size limit leaves the old file as it was and exits 3', () => {
    const dir = work.folder('short write');
    const before = `${filledAssessment(dir, sized(261))}# a closing note of my own\n`;
    const limit = Math.max(1, Math.floor(Buffer.byteLength(before) / 2 / 1024));
    const update = measure(dir, ['assess', 'me.yaml', '--update'], { prefix: `ulimit -f ${limit}` });
    expect(update.status).toBe(3);
    expect(update.stderr).toMatch(/cannot write me\.yaml: the file would pass the size limit/);
    expect(update.stderr).not.toMatch(/every rating and piece of evidence kept/);
    expect(readFileSync(join(dir, 'me.yaml'), 'utf8')).toBe(before);
    writeFileSync(join(dir, 'out.csv'), 'old\n');
    const exported = measure(dir, ['export', '--format', 'yaml', '-o', 'out.csv', '--force'], { prefix: 'ulimit -f 1' });
    expect(exported.status).toBe(3);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('old\n');
    expect(leftovers(dir)).toEqual([]);
    expectWithinBounds(work, 'assess --update cut short by ulimit -f', update, 2);
  });

  it('assess --update keeps the comments of the file it updates, and refuses a read-only one', () => {
    const dir = work.folder('update keeps comments');
    filledAssessment(dir, sized(261));
    const update = measure(dir, ['assess', 'me.yaml', '--update']);
    expect(update.status).toBe(1);
    const after = readFileSync(join(dir, 'me.yaml'), 'utf8');
    expect(after).toContain('rating: sometimes # my own note: ask for a second opinion');
    expect(after).toContain('# a closing note of my own');
    expect(after.split('- text: shipped').length).toBe(readFileSync(join(dir, 'me.yaml'), 'utf8').split('- text: shipped').length);
    chmodSync(join(dir, 'me.yaml'), 0o444);
    const refused = measure(dir, ['assess', 'me.yaml', '--update']);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('refusing to replace me.yaml: it is read-only');
    expect(readFileSync(join(dir, 'me.yaml'), 'utf8')).toBe(after);
    expect(statSync(join(dir, 'me.yaml')).mode & 0o777).toBe(0o444);
    expectWithinBounds(work, 'assess --update keeping comments', update, 2);
  });

  it('never replaces a file of a folder the command read', () => {
    const dir = work.folder('folder read', {
      'md/a.md': '# Levels\n\n## Junior\n\n### Craft\n\nWrites code.\n',
      'md/b.md': '## Senior\n\n### Craft\n\nDesigns systems.\n',
      'ladders/backend.yaml': 'tracks:\n  - id: b\n    name: Backend\n    levels:\n      - { id: b1, title: One, axes: { Craft: x } }\n',
    });
    const imported = measure(dir, ['import', 'md', '-o', 'md/b.md', '--force']);
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('refusing to write md/b.md: it is in md, the folder being read');
    const exported = measure(dir, ['-f', 'ladders', 'export', '--format', 'yaml', '-o', 'ladders/backend.yaml', '--force']);
    expect(exported.status).toBe(2);
    expect(readFileSync(join(dir, 'md/b.md'), 'utf8')).toBe('## Senior\n\n### Craft\n\nDesigns systems.\n');
    expect(readFileSync(join(dir, 'ladders/backend.yaml'), 'utf8')).toContain('{ id: b1, title: One, axes: { Craft: x } }');
  });

  it('init --org writes all its files or none, and names every file in the way', () => {
    const dir = work.folder('init org', { 'ladders/backend.yaml': 'mine\n', 'ladders/sre.yaml': 'mine too\n' });
    const init = measure(dir, ['init', '--org']);
    expect(init.status).toBe(2);
    expect(init.stderr).toMatch(/ladders\/backend\.yaml, ladders\/sre\.yaml already exist; nothing was written/);
    expect(readdirSync(join(dir, 'ladders')).sort()).toEqual(['backend.yaml', 'sre.yaml']);
  });

  it('Ctrl-C or kill during a write leaves the old file or the new one whole, and no temporary file', async () => {
    const big = ['tracks:', '  - id: t', '    name: T', '    levels:', ...Array.from({ length: sized(60_000) }, (_, i) => `      - { id: l${i}, title: Level ${i}, axes: { Craft: "writes code and reviews it ${i}" } }`)].join('\n');
    const dir = work.folder('interrupted', { 'ladder.yaml': `${big}\n`, 'out.json': 'old\n' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(node, [bin, 'export', '--format', 'json', '-o', 'out.json', '--force'], { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1' }), stdio: 'ignore' });
      // The signal is sent the moment the temporary file appears, while it is being written.
      const watcher = watch(dir, (_, name) => {
        if (name?.endsWith('.tmp')) child.kill(signal);
      });
      const status = await new Promise((done) => child.on('exit', (code, killedBy) => done(killedBy ?? code)));
      watcher.close();
      // A small file may be written and the run over before the signal arrives.
      expect([signal, 0]).toContain(status);
      const out = readFileSync(join(dir, 'out.json'), 'utf8');
      expect(out === 'old\n' || out.endsWith('}\n'), signal).toBe(true);
      expect(leftovers(dir), signal).toEqual([]);
    }
  });
});
