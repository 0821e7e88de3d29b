import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder, root } from '../helpers/cli.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; man: string[]; name: string; version: string; bugs: { url: string } };
// CI installs man-db (.ci/run); elsewhere the install test needs it too.
const hasMan = process.env.CI !== undefined || spawnSync('man', ['--version']).status === 0;

describe('the published package', () => {

  it('has no runtime dependencies, since dist/ bundles everything it loads', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const bundle of ['cli', 'check', 'explore', 'authoring', 'yaml-output', 'cache-directory']) {
      const code = readFileSync(join(root, 'dist', `${bundle}.js`), 'utf8');
      // Only Node's own modules and the other bundles are required.
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string);
      expect(required.filter((name) => !name.startsWith('./') && !name.startsWith('node:') && !/^[a-z_]+$/.test(name)), bundle).toEqual([]);
    }
  });

  it('ships the licence, the bundled packages’ notices and the man page', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/cli.js', 'dist/ladder.1', 'bin/ladder.js', 'schema/ladder.schema.json', 'ladder.yaml']));
    expect(files.some((file) => file.includes('metafile'))).toBe(false);
    expect(manifest.man).toEqual(['./dist/ladder.1']);
    expect(readFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toMatch(/^commander \d+\.\d+\.\d+ \(MIT\)$/m);
  }, 60_000);
});

describe('the man page', () => {
  const page = readFileSync(join(root, 'dist', 'ladder.1'), 'utf8');
  // roff writes a hyphen as \- so that it copies as one.
  const plain = page.replace(/\\-/g, '-').replace(/\\f[BRI]/g, '');

  it('is the one the build writes from the command definitions', () => {
    expect(ladder(['__man']).stdout).toBe(page);
  });

  it('is dated by SOURCE_DATE_EPOCH, else by the last commit, never by the day it was built', () => {
    expect(ladder(['__man'], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).stdout).toMatch(/^\.TH LADDER 1 "2023-11-14" "career-ladder /);
    const lastCommit = spawnSync('git', ['log', '-1', '--format=%cs'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    expect(ladder(['__man'], { env: { SOURCE_DATE_EPOCH: '' } }).stdout).toMatch(new RegExp(`^\\.TH LADDER 1 "${lastCommit}" `));
  });

  it('names every command, argument and option that --help lists', () => {
    const help = ladder(['--help']).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1] as string).filter((name) => name !== 'help');
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      const usage = /^Usage: (.*)$/m.exec(ladder([command, '--help']).stdout)?.[1] as string;
      expect(plain, command).toContain(`.SS ${usage}`);
      const options = [...ladder([command, '--help']).stdout.matchAll(/^ {2}(-[^ ].*?)(?: {2,}|$)/gm)].map((match) => match[1] as string).filter((flags) => flags !== '-h, --help');
      for (const flags of options) expect(plain, `${command} ${flags}`).toContain(flags);
    }
    for (const flags of ['-f, --file <path>', '--no-color', '--no-cache', '-V, --version']) expect(plain).toContain(flags);
  });

  it('gives the exit codes, the environment and where to report a bug', () => {
    expect(plain).toMatch(/^\.SH EXIT STATUS\n\.TP\n0\nsuccess/m);
    for (const name of ['LADDER_FILE', 'LADDER_NO_CACHE', 'NO_COLOR', 'XDG_CACHE_HOME']) expect(plain).toContain(`.TP\n${name}\n`);
    expect(plain).toContain(manifest.bugs.url);
  });

  it('says what the tool does: folders in LADDER_FILE, FORCE_COLOR over NO_COLOR, COLUMNS, the files it reads, help and -h', () => {
    expect(plain).toMatch(/^\.TP\nLADDER_FILE\nThe ladder file, or folder of ladder files,/m);
    expect(plain).toMatch(/^\.TP\nNO_COLOR\nDo not colour the output, unless FORCE_COLOR or --color asks for colour\./m);
    expect(plain).toContain('.TP\nCOLUMNS\n');
    // In the order the tool looks for them (read/source.ts), Markdown included.
    expect(plain).toMatch(/^\.SH FILES\n\.TP\n(?:\\&)?\.\/ladder\.yaml, \.\/ladder\.yml, \.\/ladder\.md, \.\/ladder\.markdown\n.*first of these that exists\.\n\.TP\n(?:\\&)?\.\/ladders\/\n.*when there is none of \.\/ladder\.yaml, \.\/ladder\.yml, \.\/ladder\.md, \.\/ladder\.markdown\./m);
    expect(plain).toContain('.SH SEE ALSO');
    expect(plain).toContain('.SS ladder help [command]');
    expect(plain).toContain('.TP\n-h, --help\n');
  });
});

describe.skipIf(!hasMan)('a global install of the packed tarball', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'ladder-global-'));
    spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], { cwd: root, encoding: 'utf8' });
    const installed = spawnSync('npm', ['install', '--global', '--prefix', join(folder, 'prefix'), join(folder, `${manifest.name}-${manifest.version}.tgz`)], { encoding: 'utf8' });
    expect(installed.status, installed.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs from / and installs nothing but itself', () => {
    const shown = spawnSync(join(folder, 'prefix', 'bin', 'ladder'), ['show', 'principal', '--format', 'json'], { cwd: '/', encoding: 'utf8', env: { ...process.env, LADDER_NO_CACHE: '1' } });
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'principal', title: 'Principal Operations Engineer' });
    const listed = spawnSync('npm', ['ls', '--global', '--prefix', join(folder, 'prefix'), '--all', '--parseable'], { encoding: 'utf8' });
    expect(listed.stdout.trim().split('\n').filter((line) => line.includes('node_modules'))).toHaveLength(1);
  });

  it('answers `man ladder`', () => {
    const shown = spawnSync('man', ['-P', 'cat', 'ladder'], { encoding: 'utf8', env: { ...process.env, MANPATH: join(folder, 'prefix', 'share', 'man'), MANWIDTH: '80' } });
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^NAME\n\s+ladder - look up, compare and check/m);
    expect(shown.stdout).toContain('ladder show [options] <level...>');
  });
});
