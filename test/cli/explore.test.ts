import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanEnv, expectGolden, fixture, ladder, ladderInProcess, ladderInTerminal, root } from '../helpers/cli.js';
import { ladderOnPath } from '../helpers/shell.js';

const FORMATS = ['json', 'yaml', 'tsv', 'md'];

/** A two-track ladder whose tracks have different axes, made from the import fixture. */
function differentAxes(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ladder-explore-')), 'ladder.yaml');
  expect(ladder(['import', fixture('import/different-axes.md'), '-o', file]).status).toBe(0);
  return file;
}

describe('ladder search', () => {
  it('finds every clause that mentions on-call, one grep-able line each on a pipe', () => {
    expect(ladder(['search', 'on-call'])).toEqual({
      stdout: 'engineer: Domain Knowledge: participate in an on-call rotation.\nlead: Domain Knowledge: participates in an on-call rotation.\nprincipal: Domain Knowledge: provide on-call escalation.\n',
      stderr: '',
      status: 0,
    });
  });

  it('groups hits by level and axis in a terminal, and highlights them in colour', async () => {
    expectGolden('search-on-call.terminal.txt', await ladderInTerminal('search', 'on-call'));
    const coloured = (await ladderInProcess(['search', 'on-call'], { tty: true, columns: 100 })).stdout;
    expect(coloured).toContain('\u001b[1m\u001b[31mon-call\u001b[39m\u001b[22m');
  });

  it('matches the forms of each word, ignoring case, accents and how words are joined', () => {
    const ids = (...args: string[]) => ladder(['search', ...args, '--format', 'tsv']).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
    expect(ids('Linux   SYSTEM administration')).toEqual(['admin', 'engineer', 'lead', 'principal']);
    // Each word matches the start of a word: `mentor` finds mentoring and mentors; `on call` finds on-call.
    expect(ids('mentor')).toEqual(['lead', 'principal', 'distinguished', 'manager']);
    expect(ids('on call')).toEqual(['engineer', 'lead', 'principal']);
    // Words the ladder writes as one: `team mates` finds teammates.
    expect(ids('team mates')).toEqual(['admin']);
    expect(ids('call')).toEqual(['engineer', 'lead', 'principal']);
    expect(ids('gendered')).toEqual(['fellow']);
  });

  it('matches whole words with --word, as grep -w does, and regular expressions with --regex', () => {
    const ids = (...args: string[]) => ladder(['search', ...args, '--format', 'tsv']).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
    expect(ids('--word', 'mentor')).toEqual(['principal', 'distinguished']);
    // A hyphen separates words: `call` is a word of `on-call`, `ops` is not one of `operations`.
    expect(ids('--word', 'ops')).toEqual([]);
    expect(ids('--regex', 'mentor(ing)?\\b')).toEqual(['lead', 'principal', 'distinguished']);
    expect(ladder(['search', '--word', '--regex', 'x']).status).toBe(2);
  });

  it('narrows by track and axis', () => {
    expect(ladder(['search', 'team', '--word', '--track', 'management', '--axis', 'customer', '--format', 'tsv']).stdout).toBe(
      [
        'manager\tCustomer Success\tAids product team in setting project scope and schedule',
        'manager\tCustomer Success\tkeeps team focused on quality and regular releases',
        'manager\tCustomer Success\tworks with other team leads to find creative solutions to customer issues',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 and prints nothing when nothing matches, as grep does', () => {
    expect(ladder(['search', 'blockchain'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(ladder(['search', 'q{3}', '--regex']).status).toBe(1);
    expect(ladder(['search', '(', '--regex'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^ladder: error: not a valid regular expression/) });
    expect(ladder(['search', 'x', '--axis', 'nonsense']).status).toBe(1);
  });

  it('reports where each match is in JSON, in every format', () => {
    const [hit] = JSON.parse(ladder(['search', 'on-call', '--json']).stdout);
    expect(hit).toMatchObject({ level: { id: 'engineer' }, section: 'Domain Knowledge', clause: 'participate in an on-call rotation.', matches: [[18, 25]] });
    for (const format of FORMATS) expect(ladder(['search', 'on-call', '--format', format]).status).toBe(0);
    expect(ladder(['search', 'on-call', '--format', 'md']).stdout).toContain('- participate in an **on-call** rotation.');
  });

  it('names the track of a level whose title another track shares, in Markdown, where no id is shown', () => {
    const markdown = ladder(['-f', join(root, 'examples', 'organisation'), 'search', 'design', '--format', 'md']).stdout;
    expect(markdown).toContain('**Senior Engineer (Backend Engineering)** · System Design');
    expect(markdown).not.toMatch(/^\*\*Senior Engineer\*\*/m);
  });

  it('searches ladders whose tracks have different axes', () => {
    expect(ladder(['-f', differentAxes(), 'search', 'code', '--format', 'tsv']).stdout).toBe('engineer\tCraft\tWrites code\nsenior-engineer\tCraft\tWrites and reviews code\n');
  });
});

describe('ladder next', () => {
  it('shows the next level up as a diff', async () => {
    const { stdout } = ladder(['next', 'engineer']);
    expect(stdout).toBe(ladder(['diff', 'engineer', 'lead']).stdout);
    expectGolden('next-engineer.terminal.txt', await ladderInTerminal('next', 'engineer'));
  });

  it('says when a level is the top of its track', () => {
    expect(ladder(['next', 'fellow'])).toEqual({ stdout: 'Operations Fellow (fellow) is the top of Individual Contributors\n', stderr: '', status: 0 });
    expect(JSON.parse(ladder(['next', 'svp', '--json']).stdout)).toMatchObject({ level: { id: 'svp' }, next: null, diff: null });
  });

  it('works in every format and on tracks with different axes', () => {
    for (const format of FORMATS) expect(ladder(['next', 'lead', '--format', format]).status).toBe(0);
    expect(parseYaml(ladder(['next', 'lead', '--format', 'yaml']).stdout).next.id).toBe('principal');
    expect(ladder(['-f', differentAxes(), 'next', 'engineer', '--format', 'tsv']).stdout).toBe('Craft\tchanged\tWrites code\tWrites and reviews code\nCollaboration\tchanged\tWorks with the team\tLeads the team\'s design work\n');
  });
});

describe('ladder path', () => {
  it('walks every step, then sums up what the whole way asks for', async () => {
    expectGolden('path-admin-principal.terminal.txt', await ladderInTerminal('path', 'admin', 'principal'));
    const path = JSON.parse(ladder(['path', 'admin', 'principal', '--json']).stdout);
    expect(path.steps.map((step: { from: { id: string }; to: { id: string } }) => `${step.from.id}>${step.to.id}`)).toEqual(['admin>engineer', 'engineer>lead', 'lead>principal']);
    const kinds = path.overall.sections.flatMap((section: { clauses: { kind: string }[] }) => section.clauses.map((clause) => clause.kind));
    expect(new Set(kinds)).toEqual(new Set(['added', 'changed']));
  });

  it('walks down as well as up, and refuses to cross tracks', () => {
    expect(JSON.parse(ladder(['path', 'principal', 'engineer', '--json']).stdout).steps).toHaveLength(2);
    expect(ladder(['path', 'lead', 'director'])).toMatchObject({ status: 2, stderr: 'ladder: error: `lead` and `director` are on different tracks\nhint: a path runs along one track; compare across tracks with `ladder diff lead director`\n' });
  });

  it('works in every format', () => {
    for (const format of FORMATS) expect(ladder(['path', 'admin', 'principal', '--format', format]).status).toBe(0);
    const rows = ladder(['path', 'admin', 'lead', '--format', 'tsv']).stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['1', '2', 'overall']));
  });
});

describe('ladder changes', () => {
  const shipped = readFileSync(join(root, 'ladder.yaml'), 'utf8');
  /**
   * The shipped ladder hand-edited: a level retitled and edited, one removed, one re-id'd, and the
   * top one (which has no peer, so no equivalents cross) moved below the one under it.
   */
  const edited = () => {
    const text = shipped
      .replace('title: Principal Operations Engineer', 'title: Principal Ops Engineer')
      .replace('Expert Linux system administration;', 'Expert Linux and cloud system administration;')
      .replace(/ {6}- id: admin\n[\s\S]*?(?= {6}- id: engineer)/, '')
      .replace('id: vp\n', 'id: vice-president\n')
      .replace('equivalent: vp\n', 'equivalent: vice-president\n');
    const [before, rest] = text.split(/(?= {6}- id: vice-president\n)/);
    const [vp, svp] = (rest as string).split(/(?= {6}- id: svp\n)/);
    const file = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'edited.yaml');
    writeFileSync(file, `${before}${(svp as string).replace(/\n*$/, '\n')}${(vp as string).replace(/\n*$/, '\n')}`);
    return file;
  };

  it('reports added, removed, renamed, moved and edited levels', async () => {
    const file = edited();
    const changes = JSON.parse(ladder(['changes', 'ladder.yaml', file, '--json']).stdout);
    expect(changes.removed.map((level: { id: string }) => level.id)).toEqual(['admin']);
    expect(changes.renamed.map((r: { from: { id: string; title: string }; to: { id: string; title: string } }) => `${r.from.id}:${r.from.title} > ${r.to.id}:${r.to.title}`)).toEqual([
      'principal:Principal Operations Engineer > principal:Principal Ops Engineer',
      'vp:Vice President > vice-president:Vice President',
    ]);
    expect(changes.moved).toHaveLength(1);
    expect(changes.equivalents).toEqual([]);
    expect(changes.edited.map((diff: { to: { id: string } }) => diff.to.id)).toEqual(['principal']);
    expectGolden('changes.terminal.txt', (await ladderInProcess(['changes', 'ladder.yaml', file], { tty: true, columns: 100, env: { NO_COLOR: '1' } })).stdout.replace(file, 'edited.yaml'));
  });

  it('reports equivalents that changed and levels that were added', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'new.yaml');
    writeFileSync(file, readFileSync(fixture('warnings.yaml'), 'utf8'));
    const before = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'old.yaml');
    writeFileSync(before, readFileSync(fixture('warnings.yaml'), 'utf8').replace(/ {6}- id: staff[\s\S]*?(?= {6}- id: principal)/, ''));
    expect(JSON.parse(ladder(['changes', before, file, '--json']).stdout).added.map((level: { id: string }) => level.id)).toEqual(['staff']);
    // The Fellow's peer becomes the SVP, and the VP has none.
    const peers = shipped.replace('equivalent: vp\n', 'equivalent: svp\n').replace('        equivalent: fellow\n', '').replace(/( {6}- id: svp\n.*\n)/, '$1        equivalent: fellow\n');
    const swapped = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'swapped.yaml');
    writeFileSync(swapped, peers);
    const result = ladder(['changes', 'ladder.yaml', swapped, '--format', 'tsv']);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('equivalent\t')).length).toBeGreaterThan(0);
    // Only what changed: never an equivalent or peers shown as `X → X`.
    for (const [kind, , , from, to] of result.stdout.split('\n').map((line) => line.split('\t'))) if (kind === 'equivalent' || kind === 'peers') expect(from).not.toBe(to);
  });

  it('calls a clause deleted between two versions removed, as its last line does, not `not restated`', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'fewer.yaml');
    writeFileSync(file, shipped.replace('Expert Linux system administration; defines', 'defines'));
    const { stdout } = ladder(['changes', 'ladder.yaml', file]);
    expect(stdout).toContain('\nDomain Knowledge: - Expert Linux system administration\n');
    expect(stdout).toContain('4 axes: 0 added, 1 removed, 0 changed, 16 unchanged\n');
    expect(stdout).not.toMatch(/equivalent: (.*) → \1\n/);
    // A level whose title and id stayed is named once, not `X → X`.
    expect(stdout).toContain('\nPrincipal Operations Engineer (principal)\nDomain Knowledge: ');
    expect(stdout).not.toMatch(/^(.+) → \1$/m);
    expect(stdout).not.toContain('not restated');
    const markdown = ladder(['changes', 'ladder.yaml', file, '--format', 'md']).stdout;
    expect(markdown).toContain('- **removed:** Expert Linux system administration\n');
    expect(markdown).toContain('\n#### Principal Operations Engineer\n');
  });

  it('calls an axis a new version gives a level added, not `only in` the level', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ladder-changes-')), 'more.yaml');
    writeFileSync(file, shipped.replace('        equivalent: senior-manager\n        axes:\n', '        equivalent: senior-manager\n        axes:\n          Incident Command: leads the response to a major outage\n'));
    expect(ladder(['changes', 'ladder.yaml', file, '--format', 'md']).stdout).toContain('\n##### Incident Command (added)\n');
    expect(ladder(['changes', 'ladder.yaml', file, '--format', 'md']).stdout).not.toContain('only in');
  });

  it('reads either side from stdin, defaults NEW to the ladder in effect, and says when nothing changed', () => {
    const file = edited();
    const fromStdin = ladder(['-f', file, 'changes', '-'], { input: shipped });
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout.split('\n')[0]).toBe(`<stdin> → ${file}`);
    expect(ladder(['changes', 'ladder.yaml'])).toEqual({ stdout: 'ladder.yaml → ladder.yaml\nno level changed\n', stderr: '', status: 0 });
    expect(ladder(['changes', '-', '-'], { input: shipped }).status).toBe(2);
  });

  it('exits 1 with --exit-code when something changed', () => {
    expect(ladder(['changes', 'ladder.yaml', edited(), '--exit-code']).status).toBe(1);
    expect(ladder(['changes', 'ladder.yaml', 'ladder.yaml', '--exit-code']).status).toBe(0);
  });

  it('writes Markdown for a pull-request review, and works in every format', () => {
    const file = edited();
    const markdown = ladder(['changes', 'ladder.yaml', file, '--format', 'md']).stdout;
    expect(markdown).toContain('### Levels\n\n- **removed** `admin`: Operations Admin (Individual Contributors)\n');
    expect(markdown).toContain('- **changed:** Expert Linux **and cloud** system administration');
    for (const format of FORMATS) expect(ladder(['changes', 'ladder.yaml', file, '--format', format]).status).toBe(0);
  });

  it('serves as a git difftool', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ladder-git-'));
    const env = cleanEnv({ PATH: `${ladderOnPath()}:${process.env.PATH}`, GIT_CONFIG_NOSYSTEM: '1', HOME: repo });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env, encoding: 'utf8' });
    writeFileSync(join(repo, 'ladder.yaml'), shipped);
    git('init', '-q');
    git('add', 'ladder.yaml');
    git('commit', '-qm', 'ladder');
    writeFileSync(join(repo, 'ladder.yaml'), readFileSync(edited(), 'utf8'));
    const difftool = git('difftool', '-y', '-x', 'ladder changes', '--', 'ladder.yaml');
    expect(difftool.stdout).toContain('renamed: principal: Principal Operations Engineer → Principal Ops Engineer');
  });
});
