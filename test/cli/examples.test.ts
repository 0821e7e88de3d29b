import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, ladder, root, stripAnsi } from '../helpers/cli.js';
import { ladderOnPath } from '../helpers/shell.js';

/**
 * The examples the README and every command's --help show, run as written, in a shell with
 * `ladder` on PATH, in a folder that holds the files they name: the docs cannot drift from the tool.
 */

interface Example {
  command: string;
  /** The output the README shows under the command, `…` standing for lines left out; empty when it shows none. */
  output: string[];
  /** Run in a terminal (the README says `# in a terminal`), without colour or with it stripped. */
  terminal: boolean;
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const ILLUSTRATIVE = /^<!-- illustrative: (.+) -->$/;
/** A block whose examples run in an organisation (`ladder init --org`), not beside the shipped ladder. */
const IN_ORGANISATION = '<!-- example: in an organisation -->';

/** The README's console blocks: each with the examples it holds, and why it is not run if it is marked so. */
interface Block {
  line: number;
  illustrative?: string;
  organisation: boolean;
  examples: Example[];
}

function consoleBlocks(): Block[] {
  const lines = readme.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] !== '```console') continue;
    const illustrative = ILLUSTRATIVE.exec(lines[i - 1] ?? '')?.[1];
    const organisation = lines[i - 1] === IN_ORGANISATION;
    const line = i + 1;
    const examples: Example[] = [];
    for (i += 1; lines[i] !== '```'; i += 1) {
      const text = lines[i] as string;
      if (text.startsWith('$ ')) {
        const terminal = /#\s*in a terminal/.test(text);
        examples.push({ command: text.slice(2).replace(/\s+#.*$/, ''), output: [], terminal });
      } else examples[examples.length - 1]?.output.push(text);
    }
    blocks.push({ line, ...(illustrative ? { illustrative } : {}), organisation, examples });
  }
  return blocks;
}

/** The `$ …` lines of the examples in `ladder --help` and each command's --help, commands below commands included. */
function helpExamples(): string[] {
  const names = [...ladder(['--help']).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1] as string).filter((name) => name !== 'help');
  const helps = [...names.map((name) => [name]), ['assess', 'new']].map((words) => ladder([...words, '--help']).stdout);
  return [...new Set(helps.flatMap((help) => help.split('\n').filter((line) => line.startsWith('  $ ')).map((line) => line.slice(4))))];
}

/** Lines equal, `…` in the expected standing for any run of lines. */
function matchesWithGaps(actual: string[], expected: string[]): boolean {
  const [first, ...rest] = expected;
  if (first === undefined) return actual.length === 0;
  if (first === '…') return actual.some((_, at) => matchesWithGaps(actual.slice(at), rest)) || matchesWithGaps([], rest);
  return actual[0] === first && matchesWithGaps(actual.slice(1), rest);
}

let work: string;
let path: string;
const shipped = readFileSync(join(root, 'ladder.yaml'), 'utf8');

/** A user's folder: the shipped ladder committed on a branch, `main` holding the version before it. */
function repository(name: string): string {
  const folder = join(work, name);
  mkdirSync(folder);
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: folder, env: env() });
  git('init', '-q', '-b', 'main');
  // The version before: the README's `changes -` example names these two edits.
  writeFileSync(join(folder, 'ladder.yaml'), shipped.replace('title: Principal Operations Engineer', 'title: Staff Operations Engineer').replace('Expert Linux system administration', 'Expert Linux and Unix system administration'));
  git('add', '.');
  git('commit', '-qm', 'the ladder before');
  git('checkout', '-q', '-b', 'titles');
  writeFileSync(join(folder, 'ladder.yaml'), shipped);
  git('commit', '-qam', 'the shipped ladder');
  return folder;
}

/** A copy of `folder` without its ladder, for an example that writes one (init, import -o ladder.yaml). */
function withoutLadder(folder: string, name: string): string {
  const copy = join(work, name);
  cpSync(folder, copy, { recursive: true, filter: (source) => !/\/(ladder\.yaml|ladders|me\.yaml|\.git)$/.test(source) });
  return copy;
}

/** The starter organisation `ladder init --org` writes. */
function organisationFolder(name: string): string {
  const folder = join(work, name);
  mkdirSync(folder);
  expect(ladder(['init', '--org'], { cwd: folder }).status).toBe(0);
  return folder;
}

const env = () => cleanEnv({ PATH: `${path}:${process.env.PATH}`, HOME: join(work, 'home'), GIT_CONFIG_NOSYSTEM: '1' });

function run(command: string, cwd: string, terminal: boolean): { output: string; status: number } {
  // `script` gives the command a terminal; its lines end in CR LF.
  // A terminal as wide as the README's longest line.
  const argv = terminal ? ['script', '-qec', command, '/dev/null'] : ['sh', '-c', `{ ${command}; } 2>&1`];
  const result = spawnSync(argv[0] as string, argv.slice(1), { cwd, env: { ...env(), NO_COLOR: '1', COLUMNS: '200' }, encoding: 'utf8' });
  return { output: stripAnsi(result.stdout.replace(/\r\n/g, '\n')), status: result.status ?? -1 };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-examples-'));
  path = ladderOnPath();
  mkdirSync(join(work, 'home'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(path, { recursive: true, force: true });
});

describe('the README examples', () => {
  const blocks = consoleBlocks();

  it('are each run, or marked illustrative with the reason', () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(block.examples.length).toBeGreaterThan(0);
    expect(blocks.filter((block) => block.illustrative === undefined).length).toBeGreaterThan(blocks.length / 2);
  });

  // A shell and a ladder process per example: slower than the worker the other CLI tests use.
  it('print what the README shows, and exit 0 unless it shows an error or a finding', { timeout: 180_000 }, () => {
    const folder = repository('readme');
    // The documents the README's examples name as the reader's own, written for them.
    cpSync(join(root, 'test', 'fixtures', 'readme'), folder, { recursive: true });
    const organisation = organisationFolder('readme-organisation');
    let fresh = 0;
    for (const block of blocks.filter((each) => each.illustrative === undefined)) for (const example of block.examples) {
      const cwd = block.organisation ? organisation : /-o ladder\.yaml\b/.test(example.command) ? withoutLadder(folder, `readme-fresh-${(fresh += 1)}`) : folder;
      const { output, status } = run(example.command, cwd, example.terminal);
      const shown = example.output.join('\n');
      // An error, or a finding (a warning of validate or lint), fails; import's warnings come with the ladder it wrote.
      const fails = /(^|: )error: /m.test(shown) || (/(^|: )warning: /m.test(shown) && !/^ladder import /.test(example.command));
      if (fails) expect.soft([1, 2, 3], `${example.command}\n${output}`).toContain(status);
      else expect.soft(status, `${example.command}\n${output}`).toBe(0);
      if (example.output.length > 0) expect.soft(matchesWithGaps(output.replace(/\n$/, '').split('\n'), example.output), `${example.command}\n${output}`).toBe(true);
    }
  });
});

describe('the examples of --help', () => {
  // Examples that name tracks of an organisation (sre, backend, managers) or grades run in one: `ladder init --org` makes it.
  const ORGANISATION = /\b(sre|backend|managers)\b|--grade/;
  // lint exits 1 on findings, which the shipped ladder has (its spelling), unless it fails on errors only;
  // assess, while an expectation is not met (these are unrated), as the README says.
  const FINDINGS = /^ladder lint(?!.*--fail-on error)|^ladder assess me\.yaml( --update)?$/;

  it('run as written, and exit 0 (lint: 1, for its findings)', { timeout: 180_000 }, () => {
    const folder = repository('help');
    const organisation = organisationFolder('organisation');
    // The files the examples name, made by ladder itself.
    const write = (args: string[], file: string) => writeFileSync(join(folder, file), ladder(args, { cwd: folder }).stdout);
    write(['export', '--format', 'md'], 'LADDER.md');
    write(['export', '--format', 'md'], 'eng.md');
    write(['export', '--format', 'yaml'], 'my-ladder.yaml');
    cpSync(join(folder, 'my-ladder.yaml'), join(folder, 'new.yaml'));
    cpSync(join(folder, 'my-ladder.yaml'), join(folder, 'old.yaml'));
    expect(ladder(['export', '--format', 'xlsx', '-o', 'team.xlsx'], { cwd: folder }).status).toBe(0);
    mkdirSync(join(folder, 'ladders'));
    cpSync(join(folder, 'ladder.yaml'), join(folder, 'ladders', 'operations.yaml'));
    mkdirSync(join(folder, 'levels'));
    cpSync(join(root, 'test', 'fixtures', 'markdown', 'one-level-per-file'), join(folder, 'levels'), { recursive: true });
    mkdirSync(join(work, 'home', '.config', 'fish', 'completions'), { recursive: true });
    const examples = helpExamples();
    expect(examples.length).toBeGreaterThan(40);
    let fresh = 0;
    for (const example of examples) {
      // What would write over the folder's ladder.yaml (init, import -o ladder.yaml) runs in a folder without one.
      let cwd = ORGANISATION.test(example) ? organisation : folder;
      if (/^ladder init|-o ladder\.yaml$|-o me\.yaml --schema$/.test(example)) {
        cwd = withoutLadder(folder, `fresh-${(fresh += 1)}`);
      }
      const { output, status } = run(example, cwd, false);
      expect.soft(status, `${example}\n${output}`).toBe(FINDINGS.test(example) ? 1 : 0);
    }
  });
});
