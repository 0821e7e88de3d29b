import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ladder, ladderInProcess, root, stripAnsi } from '../helpers/cli.js';

const elsewhere = mkdtempSync(join(tmpdir(), 'ladder-contract-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('help', () => {
  it('is what bare `ladder` prints, on stdout, with exit 0', () => {
    const bare = ladder([]);
    expect(bare).toMatchObject({ status: 0, stderr: '' });
    expect(bare.stdout).toBe(ladder(['--help']).stdout);
  });

  it('names an unknown command and suggests the nearest, and never shows the internal one', () => {
    expect(ladder(['help', 'lis'])).toEqual({ stdout: '', stderr: 'ladder: error: no command is called `lis`\nhint: did you mean `ladder help list`?\n', status: 2 });
    expect(ladder(['help', '__complete'])).toMatchObject({ stdout: '', status: 2 });
    expect(ladder(['--help']).stdout).not.toContain('__complete');
  });

  it('says in show --help every way a level is named: code, grade, TRACK:LEVEL', () => {
    const help = ladder(['show', '--help']).stdout.replace(/\s+/g, ' ');
    for (const words of ['code', 'grade (L5)', 'alias', 'abbreviation ("ops eng")', 'TRACK:LEVEL (sre:L5)']) expect(help).toContain(words);
  });

  it('says in --help and the README that a number may be typed in digits for Roman numerals', () => {
    expect(ladder(['--help']).stdout.replace(/\s+/g, ' ')).toContain('"eng 2" for Engineer II');
    expect(readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ')).toContain('`"engineer 2"` for `Engineer II`');
  });

  it('does not print "(default: false)" for a flag', () => {
    for (const command of ['list', 'diff', 'export', 'import', 'validate']) expect(ladder([command, '--help']).stdout, command).not.toContain('default: false');
  });
});

describe('usage errors', () => {
  it.each([
    [['list', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid", '`ladder list --help` shows the options and examples'],
    [['list', '-x'], "unknown option '-x'", '`ladder list --help` shows the options and examples'],
    [['show', 'principal', '--axis'], "option '-a, --axis <name>' argument missing", '`ladder show --help` shows the options and examples'],
    [['assess', 'new', '--level', 'engineer'], "required option '--target <level>' not specified", '`ladder assess new --help` shows the options and examples'],
    [['-f', 'ladder.yaml', '--bogus'], "unknown option '--bogus'", '`ladder --help` lists the commands and the options'],
  ])('end with a hint: %j', (args, message, hint) => {
    const outcome = ladder(args);
    expect(outcome.status).toBe(2);
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain(`ladder: error: ${message}`);
    expect(lines.at(-1)).toBe(`hint: ${hint}`);
  });
});

describe('output options that contradict each other', () => {
  it.each([
    [['list', '--json', '--format', 'yaml'], '--json and --format yaml ask for two formats'],
    [['show', 'admin', '--header'], '--header goes with --format tsv, not text'],
    [['list', '--ids', '--format', 'json'], '--ids prints bare ids, one per line, in no other format'],
  ])('refuses %j', (args, message) => {
    const outcome = ladder(args);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr.split('\n')[0]).toBe(`ladder: error: ${message}`);
  });

  it('keeps --json and --format json together', () => {
    expect(ladder(['list', '--json', '--format', 'json']).stdout).toBe(ladder(['list', '--json']).stdout);
  });
});

describe('search with no match', () => {
  it('prints an empty list in JSON and YAML, and exits 1', () => {
    expect(ladder(['search', 'zzqqxx', '--json'])).toEqual({ stdout: '[]\n', stderr: '', status: 1 });
    expect(ladder(['search', 'zzqqxx', '--format', 'yaml'])).toEqual({ stdout: '[]\n', stderr: '', status: 1 });
  });
});

describe('the ladder in effect', () => {
  it('is named by `ladder which`, with the reason', () => {
    expect(ladder(['which'])).toEqual({ stdout: 'ladder.yaml (found in the working directory)\n', stderr: '', status: 0 });
    expect(JSON.parse(ladder(['which', '--json'], { cwd: elsewhere }).stdout)).toMatchObject({ reason: 'shipped', path: join(root, 'ladder.yaml') });
    expect(JSON.parse(ladder(['which', '--json'], { env: { LADDER_FILE: 'eng.md' } }).stdout)).toMatchObject({ file: 'eng.md', reason: 'LADDER_FILE' });
    expect(JSON.parse(ladder(['-f', 'x.yaml', 'which', '--json']).stdout)).toMatchObject({ file: 'x.yaml', reason: 'command line' });
  });

  it('is ./ladder.yml when there is no ./ladder.yaml', () => {
    const dir = mkdtempSync(join(elsewhere, 'yml-'));
    writeFileSync(join(dir, 'ladder.yml'), 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: Only\n        axes:\n          Craft: one\n');
    expect(ladder(['list', '--ids'], { cwd: dir }).stdout).toBe('only\n');
    expect(ladder(['validate'], { cwd: dir }).stdout).toBe('ladder.yml: valid (1 level, 1 track)\n');
  });

  it('says so when it is the shipped example: validate always, other commands once in a terminal', async () => {
    expect(ladder(['validate'], { cwd: elsewhere }).stdout).toMatch(/: valid \(11 levels, 2 tracks\); this is the example that ships with ladder, as there is no ladder\.yaml here\n$/);
    expect(ladder(['list'], { cwd: elsewhere }).stderr).toBe('');
    const io = await ladderInProcess(['list'], { tty: true, env: { NO_COLOR: '1' }, cwd: elsewhere });
    expect(io.stderr).toBe('ladder: no ladder.yaml here; using the example ladder that ships with ladder (name yours with -f FILE or LADDER_FILE)\n');
  });

  it('says when a missing file was named by $LADDER_FILE', () => {
    expect(ladder(['list'], { env: { LADDER_FILE: 'nope.yaml' } }).stderr.split('\n')[0]).toBe('ladder: error: nope.yaml (named by $LADDER_FILE): no such file');
  });
});

describe('validate', () => {
  it('warns about a level with neither axes nor a description', () => {
    const dir = mkdtempSync(join(elsewhere, 'bare-'));
    writeFileSync(join(dir, 'ladder.yaml'), 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: one\n        title: One\n        axes:\n          Craft: one\n      - id: two\n        title: Two\n');
    const outcome = ladder(['validate'], { cwd: dir });
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('ladder.yaml:10:9: warning: `two` has neither axes nor a description (say what the level expects, under axes or in a description)\n');
  });
});

describe('validate --json', () => {
  it('always prints its JSON, for a missing file too, with counts named apart from level lists', () => {
    const missing = ladder(['validate', 'nope.yaml', '--json']);
    expect(missing.status).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ file: 'nope.yaml', valid: false, levelCount: 0, trackCount: 0, problems: [{ severity: 'error', message: 'nope.yaml: no such file' }] });
    expect(JSON.parse(ladder(['validate', '--json']).stdout)).toEqual({ file: 'ladder.yaml', shipped: false, valid: true, levelCount: 11, trackCount: 2, problems: [] });
  });
});

describe('text in a terminal', () => {
  const width = (line: string) => [...stripAnsi(line)].reduce((sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(char) ? 2 : 1), 0);

  it.each([['equiv', 'director'], ['list'], ['diff', 'engineer', 'lead'], ['path', 'admin', 'lead'], ['next', 'engineer'], ['search', 'on-call'], ['changes', 'ladder.yaml', 'ladder.yaml']])('fits %s to 50 columns, never breaking a word', async (...args) => {
    const terminal = await ladderInProcess(args, { tty: true, columns: 50, env: { NO_COLOR: '1' } });
    const wide = await ladderInProcess(args, { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(terminal.status).toBe(0);
    for (const line of terminal.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(50);
    // The same words as at 120 columns, in the same order: none was cut in two.
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(terminal.stdout)).toEqual(words(wide.stdout));
  });

  it('is at most 120 columns wide in a wider terminal, unless COLUMNS asks for more or less', async () => {
    const longest = async (env: Record<string, string>) => Math.max(...(await ladderInProcess(['show', 'principal'], { tty: true, columns: 200, env: { NO_COLOR: '1', ...env } })).stdout.split('\n').map(width));
    expect(await longest({})).toBeLessThanOrEqual(120);
    expect(await longest({})).toBeGreaterThan(100);
    expect(await longest({ COLUMNS: '160' })).toBeGreaterThan(120);
    expect(await longest({ COLUMNS: '60' })).toBeLessThanOrEqual(60);
  });

  it('lines up columns of CJK titles by the width a terminal gives them', async () => {
    const { stdout } = await ladderInProcess(['-f', 'test/fixtures/markdown/non-english.md', 'list'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    const rows = stdout.trim().split('\n').slice(1);
    const trackColumn = rows.map((row) => {
      const at = row.search(/ (ft|track-[0-9a-f]+) /);
      return width(row.slice(0, at));
    });
    expect(new Set(trackColumn).size).toBe(1);
  });
});
