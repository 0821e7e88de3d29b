import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ladder, ladderProcess } from '../helpers/cli.js';
import { ladderAsNobody } from '../helpers/unprivileged.js';

const corpus = fixture('bad');
const expectedFile = join(corpus, 'expected.json');
const names = readdirSync(corpus).filter((name) => name !== 'expected.json').sort();
const expected: Record<string, { status: number; stderr: string }> = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};

/** The rules every answer to a bad file keeps, whatever the file. */
function expectCleanFailure(name: string, outcome: { stdout: string; stderr: string; status: number }) {
  expect(outcome.status, name).toBe(3);
  expect(outcome.stdout, name).toBe('');
  const lines = outcome.stderr.split('\n').slice(0, -1);
  expect(lines.length, name).toBeGreaterThan(0);
  for (const line of lines) {
    // One line per problem: FILE:LINE:COL where the problem has a place, else the file named once.
    expect(line, name).toMatch(/^(\S[^:]*:\d+:\d+: error: |ladder: error: |hint: )/);
    expect(line, name).not.toMatch(/^\s+at |Error:|internal error/);
  }
}

describe('the corpus of bad ladder files (test/fixtures/bad)', () => {
  it('has at least 40 cases on disk', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)('%s ends in exit 3 with the expected message', (name) => {
    // Where a parser runs out of stack depends on the process and on how warm its code is: a file
    // nested that deep is read by a process of its own each time, as a user's run reads it.
    const run = name.startsWith('deep-nesting') ? ladderProcess : ladder;
    const outcome = run(['validate', name], { cwd: corpus });
    expectCleanFailure(name, outcome);
    if (process.env.UPDATE_GOLDEN) expected[name] = { status: outcome.status, stderr: outcome.stderr };
    expect({ status: outcome.status, stderr: outcome.stderr }).toEqual(expected[name]);
    // Every command reads the file the same way.
    expect(run(['-f', name, 'list'], { cwd: corpus })).toEqual(outcome);
  });

  it.runIf(process.env.UPDATE_GOLDEN)('rewrites expected.json', () => {
    writeFileSync(expectedFile, `${JSON.stringify(expected, null, 2)}\n`);
  });
});

describe('bad files made at test time', () => {
  it('refuses a missing file', () => {
    const outcome = ladder(['validate', 'no-such-ladder.yaml'], { cwd: corpus });
    expectCleanFailure('missing', outcome);
    expect(outcome.stderr).toBe('ladder: error: no-such-ladder.yaml: no such file\nhint: pass a ladder file with --file PATH, or run `ladder init` to create one\n');
  });

  it('refuses a file of hundreds of megabytes without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-huge-'));
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, 'tracks:\n');
    truncateSync(huge, 300 * 1024 * 1024); // sparse: takes no disk space and no time to make
    const outcome = ladder(['validate', 'huge.yaml'], { cwd: dir });
    expectCleanFailure('huge', outcome);
    expect(outcome.stderr).toBe('ladder: error: huge.yaml: 314572800 bytes; ladder files are limited to 16777216 bytes (16 MiB)\n');
  });

  it('refuses an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-unreadable-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'secret.yaml'), 'tracks: []\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const outcome = ladderAsNobody(['validate', 'secret.yaml'], dir);
    expectCleanFailure('unreadable', outcome);
    expect(outcome.stderr).toBe('ladder: error: secret.yaml: permission denied\n');
  });

  it('refuses an oversized stream on stdin without holding all of it', () => {
    const outcome = ladder(['-f', '-', 'validate'], { input: Buffer.alloc(17 * 1024 * 1024, 'a') });
    expectCleanFailure('stdin', outcome);
    expect(outcome.stderr).toBe('ladder: error: <stdin>: more than 16777216 bytes; ladder files are limited to 16777216 bytes (16 MiB)\n');
  });

  it('leaves the next command in a loop working: no shared state, no half-written cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-loop-'));
    mkdirSync(join(dir, 'cache'));
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), LADDER_NO_CACHE: '' };
    for (const name of names.slice(0, 12)) {
      expect(ladder(['-f', join(corpus, name), 'show', 'lead'], { env }).status).toBe(3);
      const good = ladder(['show', 'lead', '--json'], { env });
      expect({ status: good.status, stderr: good.stderr }).toEqual({ status: 0, stderr: '' });
      expect(JSON.parse(good.stdout).id).toBe('lead');
    }
    const entries = readdirSync(join(dir, 'cache', 'ladder'));
    expect(entries.filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
  });
});

describe('files that look odd but are fine', () => {
  const ok = readFileSync(join(corpus, 'crlf-with-error.yaml'), 'utf8').replace('senoir', 'senior');
  it.each([
    ['with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ok)])],
    ['in UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ok, 'utf16le')])],
    ['in UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ok, 'utf16le').swap16()])],
    ['with CRLF line ends', Buffer.from(ok)],
  ])('reads a ladder %s', (_, bytes) => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-encoding-'));
    writeFileSync(join(dir, 'ladder.yaml'), bytes);
    expect(ladder(['show', 'lead', '--format', 'tsv'], { cwd: dir })).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(ladder(['equiv', 'lead'], { cwd: dir }).stdout).toBe('Team Lead (lead) · Managers ↔ Senior Engineer (senior) · Engineers\n');
  });

  it('uses __proto__, constructor and toString as names without harm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-proto-'));
    writeFileSync(
      join(dir, 'ladder.yaml'),
      'tracks:\n  - id: constructor\n    name: toString\n    levels:\n      - id: hasownproperty\n        title: valueOf\n        aliases: [__proto__, toString]\n        axes:\n          __proto__: a; b\n          constructor: c\n          toString: d\n',
    );
    const shown = JSON.parse(ladder(['show', '__proto__', '--json'], { cwd: dir }).stdout);
    expect(shown.axes.map((axis: { name: string }) => axis.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(ladder(['show', 'toString', '--axis', '__proto__', '--format', 'tsv'], { cwd: dir }).stdout).toBe('hasownproperty\t__proto__\t1\ta\nhasownproperty\t__proto__\t2\tb\n');
    expect(ladder(['list', '--track', 'toString', '--ids'], { cwd: dir }).stdout).toBe('hasownproperty\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
