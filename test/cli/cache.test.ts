import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, root } from '../helpers/cli.js';

const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n        axes:\n          Craft: one; two\n`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
  const cache = join(dir, 'cache');
  writeFileSync(join(dir, 'ladder.yaml'), mini('First Title'));
  const run = (args: string[], env: Record<string, string> = {}) => ladder(args, { cwd: dir, env: { XDG_CACHE_HOME: cache, LADDER_NO_CACHE: '', ...env } });
  const entries = () => (existsSync(join(cache, 'ladder')) ? readdirSync(join(cache, 'ladder')).filter((name) => name.endsWith('.json')) : []);
  return { dir, cache, run, entries };
}

describe('the cache of checked ladders', () => {
  it('stores a checked ladder and answers the same from it', () => {
    const { run, entries } = setup();
    const first = run(['show', 'only']);
    expect(entries()).toHaveLength(1);
    expect(run(['show', 'only'])).toEqual(first);
    expect(first.stdout).toContain('only: title: First Title');
  });

  it('notices a file edited between two runs', () => {
    const { dir, run, entries } = setup();
    expect(run(['show', 'only']).stdout).toContain('First Title');
    writeFileSync(join(dir, 'ladder.yaml'), mini('Second Title'));
    expect(run(['show', 'only']).stdout).toContain('Second Title');
    expect(entries()).toHaveLength(2);
    writeFileSync(join(dir, 'ladder.yaml'), mini('Second Title').replace('equivalent', '').replace('title: Second Title', 'titel: Second Title'));
    const broken = run(['show', 'only']);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/^ladder\.yaml:5:9: error: a level is missing `title`/);
  });

  it('ignores corrupt entries and still answers correctly', () => {
    const { cache, run, entries } = setup();
    const expected = run(['list', '--json']).stdout;
    for (const name of entries()) writeFileSync(join(cache, 'ladder', name), '{"format":1,"ladder":{"tracks":[{"levels":7}]}}');
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
    for (const name of entries()) writeFileSync(join(cache, 'ladder', name), '{ truncated');
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
    for (const name of readdirSync(join(cache, 'ladder', 'code'))) writeFileSync(join(cache, 'ladder', 'code', name), 'not compiled code');
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
  });

  it('works when the cache cannot be written', () => {
    const { dir, run } = setup();
    writeFileSync(join(dir, 'not-a-directory'), '');
    const outcome = run(['show', 'only'], { XDG_CACHE_HOME: join(dir, 'not-a-directory') });
    expect(outcome).toMatchObject({ stderr: '', status: 0 });
    expect(outcome.stdout).toContain('First Title');
  });

  it('is not used with --no-cache or LADDER_NO_CACHE=1', () => {
    const { cache, run } = setup();
    expect(run(['show', 'only', '--no-cache']).status).toBe(0);
    expect(run(['--no-cache', 'list']).status).toBe(0);
    expect(run(['show', 'only'], { LADDER_NO_CACHE: '1' }).status).toBe(0);
    expect(existsSync(cache)).toBe(false);
  });

  it('keeps the shipped ladder byte for byte the same on every command', () => {
    const { cache } = setup();
    const shipped = join(root, 'ladder.yaml');
    const commands = [['show', 'principal', 'fellow'], ['diff', 'engineer', 'lead', '--all'], ['equiv'], ['list', '--format', 'tsv'], ['validate', '--json']];
    for (const args of commands) {
      const uncached = ladder(['-f', shipped, ...args], { env: { LADDER_NO_CACHE: '1' } });
      const filling = ladder(['-f', shipped, ...args], { env: { XDG_CACHE_HOME: cache, LADDER_NO_CACHE: '' } });
      const cached = ladder(['-f', shipped, ...args], { env: { XDG_CACHE_HOME: cache, LADDER_NO_CACHE: '' } });
      expect(filling).toEqual(uncached);
      expect(cached).toEqual(uncached);
    }
    expect(readFileSync(shipped, 'utf8')).toMatch(/^# yaml-language-server/);
  });
});
