import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, ladder, ladderInProcess, node, root, stripAnsi } from '../helpers/cli.js';

const ESC = '\u001b';

describe('exit codes and streams', () => {
  it('exits 1 for an unknown level, with a suggestion on stderr', () => {
    expect(ladder(['show', 'principle'])).toEqual({
      stdout: '',
      stderr: 'ladder: error: no level matches `principle`\nhint: did you mean `principal` (Principal Operations Engineer)?\n',
      status: 1,
    });
  });

  it('exits 1 for an ambiguous level and lists the candidates with their ids', () => {
    const { stderr, status } = ladder(['show', 'senior']);
    expect(status).toBe(1);
    expect(stderr).toBe('ladder: error: `senior` matches 2 levels\n  senior-manager  Senior Manager\n  svp             Senior Vice President / CTO / CIO\nhint: name one of them by its id\n');
  });

  it('exits 1 for an unknown axis', () => {
    expect(ladder(['show', 'lead', '--axis', 'sales']).status).toBe(1);
  });

  it('exits 2 for usage errors, with a suggestion', () => {
    expect(ladder(['shwo', 'lead'])).toMatchObject({ stdout: '', status: 2, stderr: "ladder: error: unknown command 'shwo'\nhint: did you mean show?\n" });
    expect(ladder(['show', 'lead', '--fromat', 'json'])).toMatchObject({ status: 2, stderr: "ladder: error: unknown option '--fromat'\nhint: did you mean --format?\n" });
    expect(ladder(['show', 'lead', '--format', 'xml']).status).toBe(2);
    // A missing argument shows how the command is called.
    expect(ladder(['diff', 'lead'])).toEqual({ stdout: '', status: 2, stderr: "ladder: error: missing required argument 'to'\nusage: ladder diff [options] <from> <to>\nhint: `ladder diff --help` shows the options and examples\n" });
  });

  it('exits 3 for a missing or unreadable ladder file, or a folder with none in it, without a stack trace', () => {
    const missing = ladder(['-f', 'nope.yaml', 'show', 'lead']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe('ladder: error: nope.yaml: no such file\nhint: pass a ladder file with --file PATH, or run `ladder init` to create one\n');
    const directory = ladder(['-f', 'test', 'show', 'lead']);
    expect(directory).toMatchObject({ status: 3, stderr: 'ladder: error: no ladder found in test: no ladder files (.yaml, .yml or .md) in it\nhint: sub-folders are not read; fixtures/ and golden/ hold ladder files: name one, e.g. ladder -f test/fixtures\n' });
    const binary = join(mkdtempSync(join(tmpdir(), 'ladder-')), 'x.yaml');
    writeFileSync(binary, Buffer.from([0x74, 0x00, 0x01]));
    expect(ladder(['-f', binary, 'list']).stderr).toMatch(/binary file/);
    for (const outcome of [missing, directory]) expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and version on stdout and exits 0', () => {
    const help = ladder(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('$ ladder diff engineer lead');
    expect(ladder(['show', '--help']).stdout).toContain('$ ladder show principal');
    expect(ladder(['--version']).stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  it('lists the same exit codes in --help as in the README, with every command that exits 1 named in both', () => {
    const help = ladder(['--help']).stdout;
    const section = help.slice(help.indexOf('Exit codes:'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const heading = readme.indexOf('### Exit codes');
    const table = readme.slice(heading, readme.indexOf('\n\n', readme.indexOf('| code |', heading)));
    const rows = new Map([...table.matchAll(/^\| (\d+) \| (.*) \|$/gm)].map((match) => [match[1] as string, match[2] as string]));
    expect([...rows.keys()]).toEqual([...section.matchAll(/^ {2}(\d+) +/gm)].map((match) => match[1]));
    const notFound = /^ {2}1 {2}([\s\S]*?)^ {2}\d/m.exec(section)?.[1] ?? '';
    const commands = new Set(notFound.match(/\b(search|diff|changes|lint|assess|validate|checklist)\b/g));
    expect(commands.size).toBeGreaterThan(3);
    for (const command of commands) expect(rows.get('1'), command).toMatch(new RegExp(`\\b${command}\\b`));
  });
});

describe('where the ladder comes from', () => {
  it('uses the bundled ladder from any directory', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ladder-'));
    const { stdout, status } = ladder(['equiv', 'director'], { cwd: elsewhere });
    expect(status).toBe(0);
    expect(stdout).toMatch(/Distinguished Operations Engineer/);
  });

  it('prefers --file, then $LADDER_FILE, then ./ladder.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-'));
    const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n`;
    writeFileSync(join(dir, 'ladder.yaml'), mini('From Cwd'));
    writeFileSync(join(dir, 'env.yaml'), mini('From Env'));
    writeFileSync(join(dir, 'flag.yaml'), mini('From Flag'));
    const title = (args: string[], env = {}) => JSON.parse(ladder([...args, 'show', 'only', '--json'], { cwd: dir, env }).stdout).title;
    expect(title([])).toBe('From Cwd');
    expect(title([], { LADDER_FILE: 'env.yaml' })).toBe('From Env');
    expect(title(['-f', 'flag.yaml'], { LADDER_FILE: 'env.yaml' })).toBe('From Flag');
  });

  it('reads the ladder from stdin with -f -, naming it <stdin> in errors', () => {
    const text = readFileSync(join(root, 'ladder.yaml'), 'utf8');
    expect(ladder(['-f', '-', 'show', 'lead', '--json'], { input: text }).stdout).toMatch(/"id": "lead"/);
    const broken = ladder(['-f', '-', 'list'], { input: 'tracks: [\n' });
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/^<stdin>:1:9: error: YAML: the list in brackets \(\[ … \]\) that starts here is never closed/);
  });
});

describe('colour', () => {
  it('is off on a pipe, and honours NO_COLOR, FORCE_COLOR and --color/--no-color', () => {
    expect(ladder(['diff', 'engineer', 'lead']).stdout).not.toContain(ESC);
    expect(ladder(['diff', 'engineer', 'lead'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}[`);
    expect(ladder(['diff', 'engineer', 'lead', '--color']).stdout).toContain(`${ESC}[`);
    expect(ladder(['diff', 'engineer', 'lead', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(ladder(['show', 'principal'], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
  });

  it('marks changed words with colour instead of markers when colour is on', () => {
    const { stdout } = ladder(['diff', 'engineer', 'lead', '--color']);
    expect(stdout).not.toContain('{+High+}');
    expect(stdout).toContain('High');
  });

  it('is on in a terminal unless NO_COLOR is set, and text wraps to the terminal width', async () => {
    const tty = await ladderInProcess(['show', 'principal'], { tty: true, columns: 60 });
    expect(tty.stdout).toContain(ESC);
    const lines = stripAnsi(tty.stdout).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines.filter((line) => /^ {4}\S/.test(line)).length).toBeGreaterThan(5);
    const noColor = await ladderInProcess(['show', 'principal'], { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
  });

  it('colours a real terminal', () => {
    const result = spawnSync('script', ['-qec', `${node} ${bin} show principal`, '/dev/null'], { env: cleanEnv({ TERM: 'xterm', COLUMNS: '70' }), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${ESC}[1m`);
    expect(result.stdout).toContain('Principal Operations Engineer');
  });
});

describe('terminal safety', () => {
  it('shows control characters in ladder text escaped, never raw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-'));
    writeFileSync(join(dir, 'ladder.yaml'), 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: x\n        title: "Evil \\u202e Title"\n        description: "Evil \\e[2J\\e]52;c;aGk=\\a text"\n        axes:\n          "Axis \\u061c": "clause \\x9b one; two"\n');
    const { stdout } = ladder(['show', 'x'], { cwd: dir });
    for (const raw of [ESC, '\u0007', '\u009b', '\u202e', '\u061c']) expect(stdout).not.toContain(raw);
    expect(stdout).toContain('Evil \\x1b[2J\\x1b]52;c;aGk=\\x07 text');
    expect(stdout).toContain('Evil \\u202e Title');
    expect(stdout).toContain('Axis \\u061c');
  });
});
