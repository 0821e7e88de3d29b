import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ladderProcess as ladder, root } from '../helpers/cli.js';

const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n        axes:\n          Craft: one; two\n`;

/** Whether a file of compiled code is whole: a header that gives the code's length, then the code twice over. */
function wholeCode(file: Buffer): boolean {
  const newline = file.indexOf(10);
  const { length } = JSON.parse(file.subarray(0, newline).toString()) as { length: number };
  const code = file.subarray(newline + 1, newline + 1 + length);
  return length > 0 && file.length === newline + 1 + 2 * length && code.equals(file.subarray(newline + 1 + length));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
  made.push(dir);
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
    // One entry under the ladder's text, and one under its place, by which the next run finds it without hashing the text.
    expect(entries()).toHaveLength(2);
    expect(run(['show', 'only'])).toEqual(first);
    expect(first.stdout).toContain('only: title: First Title');
  });

  it('notices a file edited between two runs', () => {
    const { dir, run, entries } = setup();
    expect(run(['show', 'only']).stdout).toContain('First Title');
    writeFileSync(join(dir, 'ladder.yaml'), mini('Second Title'));
    expect(run(['show', 'only']).stdout).toContain('Second Title');
    // Two texts, and the one place, whose entry now names the edited file's stamp.
    expect(entries()).toHaveLength(3);
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
    // Well-formed, of the wrong shape, even with this format's header: the hash of its body gives it away.
    for (const name of entries()) {
      const [header, body] = readFileSync(join(cache, 'ladder', name), 'utf8').split('\n');
      writeFileSync(join(cache, 'ladder', name), `${header}\n${(body as string).replace(/"title":"[^"]*"/, '"title":5')}`);
    }
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
    for (const name of entries()) writeFileSync(join(cache, 'ladder', name), '{ truncated');
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
    for (const name of readdirSync(join(cache, 'ladder', 'code'))) writeFileSync(join(cache, 'ladder', 'code', name), 'not compiled code');
    expect(run(['list', '--json'])).toEqual({ stdout: expected, stderr: '', status: 0 });
  });

  it('rebuilds compiled code that was damaged, rather than hand it to V8', () => {
    const { cache, run } = setup();
    const expected = run(['list']);
    const code = join(cache, 'ladder', 'code');
    // The main bundle's code: every run uses it.
    const name = readdirSync(code).find((file) => file.startsWith('cli-'));
    const original = readFileSync(join(code, name as string));
    // Twelve flips, spread over the file and over every bit of a byte: each costs a run of the CLI.
    for (let flip = 0; flip < 12; flip += 1) {
      const damaged = Buffer.from(original);
      const at = 32 + Math.floor(((flip * 7919) % 1000) / 1000 * (damaged.length - 32));
      damaged[at] = (damaged[at] as number) ^ (1 << flip % 8);
      writeFileSync(join(code, name as string), damaged);
      expect(run(['list'])).toEqual(expected);
      const rebuilt = readFileSync(join(code, name as string));
      expect(wholeCode(rebuilt)).toBe(true);
    }
  }, 60_000);

  it('keeps the compiled code of another installation that shares the cache, and drops its own from another Node', () => {
    const { cache, run } = setup();
    const expected = run(['list']);
    const code = join(cache, 'ladder', 'code');
    const own = readdirSync(code).find((file) => file.startsWith('cli-')) as string;
    const [, pathSum, version, arch] = /^cli-([0-9a-f]+)-(v[\d.]+)-(\w+)\.bin$/.exec(own) ?? [];
    // The main bundle of a checkout elsewhere, and this one's as an older Node compiled it.
    const elsewhere = `cli-${'0'.repeat((pathSum as string).length)}-${version}-${arch}.bin`;
    const olderNode = `cli-${pathSum}-v0.0.0-${arch}.bin`;
    writeFileSync(join(code, elsewhere), 'compiled for another checkout');
    writeFileSync(join(code, olderNode), 'compiled by an older Node');
    // Without its own code, the next run compiles the bundle again and writes it, then tidies up.
    rmSync(join(code, own));
    expect(run(['list'])).toEqual(expected);
    expect([existsSync(join(code, own)), existsSync(join(code, elsewhere)), existsSync(join(code, olderNode))]).toEqual([true, true, false]);
  });

  it('never reads an entry that is a FIFO or a link, and never waits on one', () => {
    const { cache, run, entries } = setup();
    const expected = run(['list']);
    for (const name of entries()) {
      rmSync(join(cache, 'ladder', name));
      if (name === entries()[0]) execFileSync('mkfifo', [join(cache, 'ladder', name)]);
    }
    expect(run(['list'])).toEqual(expected);
    for (const name of entries()) {
      rmSync(join(cache, 'ladder', name), { force: true });
      symlinkSync('/dev/zero', join(cache, 'ladder', name));
    }
    expect(run(['list'])).toEqual(expected);
  });

  it('leaves a folder of the user’s own files alone, and does without a cache there', () => {
    const { dir, run } = setup();
    const home = join(dir, 'home');
    const theirs = join(home, 'ladder');
    mkdirSync(join(theirs, 'code'), { recursive: true });
    const files = { 'notes.json': '{"mine": true}', 'code/tool.bin': 'mine', 'ladder.yaml': 'tracks: []' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(theirs, name), text);
    for (let i = 0; i < 70; i += 1) writeFileSync(join(theirs, `${String(i).padStart(64, '0')}.json`), 'mine too');
    const before = readdirSync(theirs).sort();
    for (let i = 0; i < 3; i += 1) expect(run(['show', 'only'], { XDG_CACHE_HOME: home }).status).toBe(0);
    expect(readdirSync(theirs).sort()).toEqual(before);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(theirs, name), 'utf8')).toBe(text);
    expect(readdirSync(join(theirs, 'code'))).toEqual(['tool.bin']);
    // The same through a link to the user's folder.
    symlinkSync(theirs, join(dir, 'linked'));
    mkdirSync(join(dir, 'via'));
    symlinkSync(theirs, join(dir, 'via', 'ladder'));
    expect(run(['show', 'only'], { XDG_CACHE_HOME: join(dir, 'via') }).status).toBe(0);
    expect(readdirSync(theirs).sort()).toEqual(before);
  });

  it('marks the folder it creates as its own, and keeps its files private', () => {
    const { cache, run } = setup();
    run(['show', 'only']);
    expect(readFileSync(join(cache, 'ladder', 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n# This folder is the cache of `ladder`/);
    expect(statSync(join(cache, 'ladder')).mode & 0o777).toBe(0o700);
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
