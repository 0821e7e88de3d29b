import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanEnv, expectGolden, fixture, ladder, ladderInProcess } from '../helpers/cli.js';

const FORMATS = ['text', 'json', 'yaml', 'tsv', 'md'];

describe('the starter organisation (init --org)', () => {
  let home: string;
  const inOrg = (args: string[], options: { env?: Record<string, string> } = {}) => ladder(args, { cwd: home, ...options });

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'ladder-org-'));
    const written = ladder(['init', '--org'], { cwd: home });
    expect(written).toEqual({ stdout: '', stderr: 'ladder: wrote ladders/ (4 files); check it with: ladder validate\n', status: 0 });
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('is found as ./ladders, and validates: three disciplines, the managers, a grade scale', () => {
    expect(inOrg(['which']).stdout).toBe('ladders (found in the working directory)\n');
    expect(inOrg(['validate'])).toEqual({ stdout: 'ladders: valid (19 levels, 4 tracks)\n', stderr: '', status: 0 });
    expect(readdirSync(join(home, 'ladders')).sort()).toEqual(['backend.yaml', 'frontend.yaml', 'organisation.yaml', 'sre.yaml']);
  });

  it('is not written beside ladder files of another ladder, which would be read with it, even with --force', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ladder-org-beside-'));
    try {
      cpSync(join(home, 'ladders', 'backend.yaml'), join(elsewhere, 'platform.yaml'));
      for (const args of [['init', '--org', '.'], ['init', '--org', '.', '--force']]) {
        expect(ladder(args, { cwd: elsewhere })).toEqual({ stdout: '', stderr: 'ladder: error: ./ already holds platform.yaml, which would be read as part of the new organisation; nothing was written\nhint: name a new folder: ladder init --org DIR\n', status: 2 });
      }
      expect(readdirSync(elsewhere)).toEqual(['platform.yaml']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('validates one file of the folder with the folder, and says so, rather than advise what the folder already holds', () => {
    expect(inOrg(['validate', 'ladders/backend.yaml'])).toEqual({
      stdout: 'ladders/backend.yaml: valid (19 levels, 4 tracks)\n',
      stderr: 'ladder: ladders/backend.yaml is one file of the ladder in ladders; checked with the folder\'s other files\n',
      status: 0,
    });
  });

  it('prints the grid of peers, a row per grade, in every format', async () => {
    expectGolden('organisation-equiv.terminal.txt', (await ladderInProcess(['equiv'], { tty: true, columns: 200, env: { NO_COLOR: '1' }, cwd: home })).stdout);
    const grid = JSON.parse(inOrg(['equiv', '--json']).stdout);
    // The disciplines first, then the managers track that each of their labels names, wherever its file sorts.
    expect(grid.tracks.map((track: { id: string }) => track.id)).toEqual(['backend', 'frontend', 'sre', 'managers']);
    expect(grid.rows.map((row: { grade: string }) => row.grade)).toEqual(['L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
    expect(grid.rows[3].levels.map((level: { id: string } | null) => level?.id ?? null)).toEqual(['backend-staff', 'frontend-staff', 'sre-staff', 'manager']);
    expect(inOrg(['equiv', '--format', 'tsv', '--header']).stdout.split('\n').slice(0, 2)).toEqual(['grade\tbackend\tfrontend\tsre\tmanagers', 'L3\tbackend-engineer-1\tfrontend-engineer-1\tsre-1\t']);
    expect(inOrg(['equiv', '--format', 'md']).stdout.split('\n')[0]).toBe('| Grade | Backend Engineering | Frontend Engineering | Site Reliability Engineering | Engineering Managers |');
    expect(parseYaml(inOrg(['equiv', '--format', 'yaml']).stdout)).toEqual(grid);
  });

  it('fits the grid to a narrow terminal, and says how to choose tracks', async () => {
    const narrow = (await ladderInProcess(['equiv'], { tty: true, columns: 80, env: { NO_COLOR: '1' }, cwd: home })).stdout;
    expect(narrow.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(narrow).toContain('2 of 4 tracks fit; pick the tracks to show with --track (repeatable)');
    const chosen = (await ladderInProcess(['equiv', '--track', 'sre', '--track', 'managers'], { tty: true, columns: 80, env: { NO_COLOR: '1' }, cwd: home })).stdout;
    expect(chosen.split('\n')[0]).toMatch(/^Grade +Site Reliability Engineering +Engineering Managers$/);
  });

  it('puts a peer a line in a terminal too narrow for all of them on one', async () => {
    const shown = (await ladderInProcess(['show', 'manager'], { tty: true, columns: 72, env: { NO_COLOR: '1' }, cwd: home })).stdout.split('\n');
    const peers = shown.slice(shown.findIndex((line) => line.startsWith('peers: ')));
    expect(peers.slice(0, 4)).toEqual(['peers: Staff Engineer (backend-staff) · Backend Engineering', '       Staff Engineer (frontend-staff) · Frontend Engineering', '       Staff Site Reliability Engineer (sre-staff) · Site Reliability', '         Engineering']);
    expect(shown.every((line) => line.length <= 72)).toBe(true);
  });

  it('lists a manager’s peers on every other track', () => {
    expect(inOrg(['equiv', 'manager']).stdout).toBe(
      [
        'Engineering Manager (manager) · Engineering Managers',
        '  Backend Engineering           Staff Engineer (backend-staff)',
        '  Frontend Engineering          Staff Engineer (frontend-staff)',
        '  Site Reliability Engineering  Staff Site Reliability Engineer (sre-staff)',
        '',
      ].join('\n'),
    );
    for (const format of FORMATS) expect(inOrg(['equiv', 'manager', '--format', format]).status).toBe(0);
    // One vocabulary: every peer under `peers`, the one the track's label names marked.
    expect(JSON.parse(inOrg(['equiv', 'manager', '--json']).stdout)).toEqual({
      level: { id: 'manager', title: 'Engineering Manager', track: { id: 'managers', name: 'Engineering Managers' } },
      equivalentLabel: 'Engineer Equivalent',
      peers: ['backend', 'frontend', 'sre'].map((track) => expect.objectContaining({ track: expect.objectContaining({ id: track }), level: expect.objectContaining({ id: `${track}-staff` }) })),
    });
    expect(inOrg(['equiv', 'manager', '--format', 'tsv']).stdout).toBe('manager\tmanagers\tbackend-staff\tbackend\nmanager\tmanagers\tfrontend-staff\tfrontend\nmanager\tmanagers\tsre-staff\tsre\n');
    expect(JSON.parse(inOrg(['equiv', 'backend-senior', '--json']).stdout).peers).toEqual([
      { track: { id: 'frontend', name: 'Frontend Engineering' }, level: { id: 'frontend-senior', title: 'Senior Engineer', track: { id: 'frontend', name: 'Frontend Engineering' } } },
      { track: { id: 'managers', name: 'Engineering Managers' }, level: null },
      { track: { id: 'sre', name: 'Site Reliability Engineering' }, level: { id: 'sre-senior', title: 'Senior Site Reliability Engineer', track: { id: 'sre', name: 'Site Reliability Engineering' } } },
    ]);
  });

  it('finds a level by grade on a track, or by TRACK:LEVEL, and lists the candidates of a name several tracks share', () => {
    for (const args of [['show', 'L5', '--track', 'sre'], ['show', 'sre:L5'], ['show', 'sre:senior'], ['show', 'Site Reliability Engineering:L5']]) {
      expect(JSON.parse(inOrg([...args, '--json']).stdout), args.join(' ')).toMatchObject({ id: 'sre-senior', grade: 'L5' });
    }
    expect(inOrg(['show', 'Senior Engineer'])).toEqual({
      stdout: '',
      stderr: 'ladder: error: `Senior Engineer` matches 2 levels\n  backend:backend-senior    Senior Engineer\n  frontend:frontend-senior  Senior Engineer\nhint: name one of them as TRACK:LEVEL, or by its id\n',
      status: 1,
    });
    expect(inOrg(['show', 'L5']).status).toBe(1);
    expect(inOrg(['show', 'sre:L5', '--track', 'backend']).status).toBe(2);
    for (const format of FORMATS) expect(inOrg(['show', 'L5', '--track', 'sre', '--format', format]).status).toBe(0);
  });

  it('shows a level’s grade and its peers, and with --explain what each axis means', () => {
    const lines = inOrg(['show', 'manager']).stdout;
    expect(lines).toContain('manager: grade: L6\n');
    expect(lines).toContain('manager: peer: Staff Site Reliability Engineer (sre-staff) · Site Reliability Engineering\n');
    const explained = inOrg(['show', 'sre:L5', '--explain', '--format', 'md']).stdout;
    expect(explained).toContain('### Reliability\n\n_Monitoring, incident response, and the work that prevents the next incident._');
    expect(inOrg(['show', 'sre:L5', '--format', 'md']).stdout).not.toContain('_Monitoring');
    expect(JSON.parse(inOrg(['show', 'sre:L5', '--json']).stdout).axes[0]).toMatchObject({ name: 'Scope and Impact', description: 'How far the work reaches, and how much of it is theirs to decide.' });
  });

  it('compares levels of two disciplines', () => {
    for (const format of FORMATS) expect(inOrg(['diff', 'backend:senior', 'frontend:senior', '--format', format]).status).toBe(0);
    const diff = JSON.parse(inOrg(['diff', 'backend:senior', 'frontend:senior', '--json']).stdout);
    expect([diff.from.id, diff.to.id]).toEqual(['backend-senior', 'frontend-senior']);
    expect(diff.sections.map((section: { name: string }) => section.name)).toEqual(['Scope and Impact', 'Collaboration', 'Growing Others', 'System Design', 'User Experience']);
    // path and next stay on one track.
    expect(inOrg(['path', 'backend:L3', 'sre:L5'])).toMatchObject({ status: 2, stderr: expect.stringContaining('are on different tracks') });
    expect(inOrg(['next', 'sre:L5', '--json']).status).toBe(0);
  });

  it('words a comparison of two disciplines as one, with their grades, and qualifies titles two tracks share', () => {
    const lines = inOrg(['diff', 'sre:senior', 'backend:senior']).stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Senior Site Reliability Engineer (sre-senior) ↔ Senior Engineer (backend-senior)', 'grade: L5 ↔ L5']);
    expect(lines).toContain('5 axes: 4 only in sre-senior, 5 only in backend-senior, 0 worded differently, 1 in both');
    expect(lines.join('\n')).not.toMatch(/not restated|n\/a → n\/a/);
    const md = inOrg(['diff', 'sre:senior', 'backend:senior', '--format', 'md']).stdout;
    expect(md.split('\n').slice(0, 3)).toEqual(['## Senior Site Reliability Engineer ↔ Senior Engineer (Backend Engineering)', '', '**Grade**: L5 ↔ L5']);
    expect(md).toContain('- **only in Senior Engineer (Backend Engineering):** leads projects that span several services\n');
    expect(md).toContain('### System Design (only in Senior Engineer (Backend Engineering))\n');
    expect(inOrg(['diff', 'backend:senior', 'frontend:senior', '--format', 'md']).stdout.split('\n')[0]).toBe('## Senior Engineer (Backend Engineering) ↔ Senior Engineer (Frontend Engineering)');
    // Up one track: a promotion, with the grade rather than `n/a → n/a`.
    expect(inOrg(['diff', 'sre-2', 'sre-senior']).stdout.split('\n').slice(0, 2)).toEqual(['Site Reliability Engineer II (sre-2) → Senior Site Reliability Engineer (sre-senior)', 'grade: L4 → L5']);
  });

  it('lists the levels of a grade, with their grade, in every format', () => {
    expect(inOrg(['list', '--grade', 'l5']).stdout.split('\n').map((line) => line.split(/ {2,}/))).toEqual([
      ['backend-senior', 'Senior Engineer', 'backend', 'L5'],
      ['frontend-senior', 'Senior Engineer', 'frontend', 'L5'],
      ['sre-senior', 'Senior Site Reliability Engineer', 'sre', 'L5'],
      [''],
    ]);
    expect(inOrg(['list', '--grade', 'L5', '--ids']).stdout).toBe('backend-senior\nfrontend-senior\nsre-senior\n');
    expect(inOrg(['list', '--grade', 'L5', '--format', 'tsv', '--header']).stdout).toBe(
      'id\ttitle\ttrack\tposition\tequivalent\tgrade\nbackend-senior\tSenior Engineer\tbackend\t3\t\tL5\nfrontend-senior\tSenior Engineer\tfrontend\t3\t\tL5\nsre-senior\tSenior Site Reliability Engineer\tsre\t3\t\tL5\n',
    );
    for (const format of FORMATS) expect(inOrg(['list', '--grade', 'L5', '--format', format]).status).toBe(0);
    expect(inOrg(['list', '--grade', 'L9'])).toMatchObject({ status: 1, stderr: 'ladder: error: no grade `L9` on the grade scale\nhint: the grade scale runs from `L3` to `L8`\n' });
    expect(inOrg(['list', '--grade', 'L6', '--track', 'managers', '--ids']).stdout).toBe('manager\n');
  });

  it('completes grades and qualified names', () => {
    const complete = (...words: string[]) => inOrg(['__complete', '--', ...words]).stdout.trim().split('\n');
    expect(complete('show', 'sre:L')).toEqual(['words', 'sre:L3', 'sre:L4', 'sre:L5', 'sre:L6', 'sre:L7']);
    expect(complete('show', 'L')).toEqual(['words', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
    expect(complete('show', 'fr')).toContain('frontend:');
    expect(complete('list', '--grade', '')).toEqual(['words', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
  });

  it('is read through LADDER_FILE or -f naming the folder, and exports a grid and a section per discipline', () => {
    const folder = join(home, 'ladders');
    expect(ladder(['equiv', '--json'], { env: { LADDER_FILE: folder } }).stdout).toBe(inOrg(['equiv', '--json']).stdout);
    expect(ladder(['-f', folder, 'list', '--ids']).stdout).toBe(inOrg(['list', '--ids']).stdout);
    const html = inOrg(['export', '--format', 'html']).stdout;
    expect(html.match(/<section id="track-[^"]+"/g)?.length ?? html.match(/<section/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<th scope="col">Grade</th>');
  });

  it('answers every other command too', () => {
    const commands = [
      ['search', 'incident', '--track', 'sre'],
      ['changes', 'ladders', 'ladders'],
      ['checklist', 'sre:L5', '--from', 'sre:L4'],
      ['next', 'frontend:L4'],
      ['path', 'backend:L3', 'backend:L6'],
      ['which'],
    ];
    for (const args of commands) for (const format of FORMATS) expect(inOrg([...args, '--format', format]).status, `${args.join(' ')} ${format}`).toBe(0);
    for (const format of ['md', 'html', 'csv', 'json', 'yaml']) expect(inOrg(['export', '--format', format]).status, format).toBe(0);
    expect(JSON.parse(inOrg(['search', 'incident', '--track', 'sre', '--json']).stdout).length).toBeGreaterThan(0);
  });

  it('round-trips through Markdown: export, import, export again is the same document', () => {
    const markdown = inOrg(['export', '--format', 'md']).stdout;
    expect(markdown.startsWith('---\ngrades: ["L3", "L4", "L5", "L6", "L7", "L8"]\n---\n')).toBe(true);
    const imported = ladder(['import', '-'], { input: markdown });
    expect(imported.status, imported.stderr).toBe(0);
    expect(ladder(['-f', '-', 'export', '--format', 'md'], { input: imported.stdout }).stdout).toBe(markdown);
    const again = ladder(['-f', '-', 'equiv', '--format', 'tsv'], { input: imported.stdout }).stdout.split('\n').map((row) => row.split('\t').filter(Boolean).length);
    expect(again).toEqual(inOrg(['equiv', '--format', 'tsv']).stdout.split('\n').map((row) => row.split('\t').filter(Boolean).length));
  });
});

describe('a folder of discipline files that each repeat the managers track', () => {
  const folder = fixture('organisation-repeated');

  it('reads as one organisation, the managers track kept once, equivalents resolved across files', () => {
    expect(ladder(['validate', folder]).stdout).toBe(`${folder}: valid (8 levels, 4 tracks)\n`);
    expect(JSON.parse(ladder(['-f', folder, 'equiv', 'manager', '--json']).stdout).peers.map((peer: { level: { id: string } }) => peer.level.id)).toEqual(['backend-lead', 'data-lead', 'sre-lead']);
    expect(ladder(['-f', folder, 'list', '--ids']).stdout.split('\n').filter((id) => id === 'manager')).toHaveLength(1);
  });

  it('names both places when a repeated track differs, and gives each problem in its own file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'ladder-org-'));
    try {
      cpSync(folder, copy, { recursive: true });
      const sre = join(copy, 'sre.yaml');
      writeFileSync(sre, readFileSync(sre, 'utf8').replace('title: Director', 'title: Head of Engineering'));
      const differs = ladder(['validate', copy]);
      expect(differs.status).toBe(3);
      expect(differs.stderr).toContain(`${join(copy, 'sre.yaml')}:17:9: error: track \`managers\` is defined differently here and in ${join(copy, 'backend.yaml')}:17`);
      writeFileSync(sre, readFileSync(join(folder, 'sre.yaml'), 'utf8').replace('equivalent: manager', 'equivalent: managr'));
      expect(ladder(['validate', copy]).stderr).toContain(`${join(copy, 'sre.yaml')}:14:21: error: equivalent \`managr\` is not a level id (did you mean \`manager\`?)`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('one file of a Markdown organisation, read alone', () => {
  const folder = fixture('organisation-markdown');

  it('keeps working without the equivalents its sibling files resolve, and says which folder to read', () => {
    const alone = ladder(['-f', join(folder, 'help.md'), 'list', '--ids']);
    expect(alone).toEqual({
      stdout: 'helper\nsenior-helper\n',
      stderr: `ladder: ${join(folder, 'help.md')} is one file of the ladder in ${folder}; an equivalent that names a level of its other files left out (read the whole ladder with: ladder -f ${folder})\n`,
      status: 0,
    });
    // The whole folder resolves it: the Senior Helper's peer is the Team Lead of build.md.
    expect(JSON.parse(ladder(['-f', folder, 'equiv', 'senior-helper', '--json']).stdout).peers.map((peer: { level: { title: string } }) => peer.level.title)).toContain('Team Lead');
  });

  it('is imported alone with the equivalent its sibling files resolve left out, and a warning naming the folder to import', () => {
    const imported = ladder(['import', join(folder, 'help.md')]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('title: Senior Helper');
    expect(imported.stderr).toBe(
      `${join(folder, 'help.md')}:19:1: warning: equivalent \`Team Lead\` of \`Senior Helper\` matches no level on another track in this file; read without it, as it may name a level of another file in ${folder} (import the whole ladder with \`ladder import ${folder}\`)\nimport: 1 track, 2 levels, 2 axes; no words left out\n`,
    );
  });

  it('is checked by validate with its folder', () => {
    expect(ladder(['validate', join(folder, 'help.md')])).toMatchObject({ status: 0, stderr: expect.stringContaining(`is one file of the ladder in ${folder}; checked with the folder's other files`) });
  });

  it('names the sub-folders that hold ladder files when the folder itself holds none', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ladder-org-'));
    try {
      cpSync(fixture('organisation-markdown'), join(parent, 'engineering'), { recursive: true });
      cpSync(fixture('organisation-markdown'), join(parent, 'design'), { recursive: true });
      const refused = ladder(['list'], { cwd: parent, env: { LADDER_FILE: '.' } });
      expect(refused.status).toBe(3);
      expect(refused.stderr).toBe('ladder: error: no ladder found in .: no ladder files (.yaml, .yml or .md) in it\nhint: sub-folders are not read; design/ and engineering/ hold ladder files: name one, e.g. ladder -f design\n');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('is refused, naming the file, when it holds no ladder', () => {
    const page = mkdtempSync(join(tmpdir(), 'ladder-org-'));
    try {
      writeFileSync(join(page, 'POLICY.md'), '# How we handle reports\n\n## Scope\n\n- **Covered:** this tool\n- **Not covered:** its forks\n\n## Answers\n\nWithin a week.\n');
      const refused = ladder(['validate', join(page, 'POLICY.md')]);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain(`${join(page, 'POLICY.md')}:3:1: error: no ladder found in ${join(page, 'POLICY.md')}: the only section that could be a level, \`Scope\`, has no level's title, code, grade or equivalent line`);
    } finally {
      rmSync(page, { recursive: true, force: true });
    }
  });
});

describe('what a folder holds besides ladder files', () => {
  it('keeps a README beside YAML ladder files for people, and reads a folder of Markdown alone as one Markdown ladder', () => {
    const copy = mkdtempSync(join(tmpdir(), 'ladder-org-'));
    try {
      cpSync(fixture('organisation-repeated'), copy, { recursive: true });
      writeFileSync(join(copy, 'README.md'), '# Our ladders\n\nOne file per discipline; the managers track is in each.\n');
      writeFileSync(join(copy, 'ladder.schema.json'), '{}');
      expect(ladder(['validate', copy]).stdout).toBe(`${copy}: valid (8 levels, 4 tracks)\n`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(ladder(['-f', fixture('markdown/one-level-per-file-labelled'), 'list', '--ids']).stdout).toBe('associate-engineer\nengineer\nsenior-engineer\n');
  });
});

describe('the cache of a folder', () => {
  const made: string[] = [];
  /** A fresh folder, removed after the test. */
  const scratch = (prefix: string) => {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    made.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  /** A cache folder of its own, and the environment that uses it. */
  const freshCache = () => {
    const cache = scratch('ladder-org-cache-');
    return { cache, env: { ...cleanEnv({ XDG_CACHE_HOME: cache }), LADDER_NO_CACHE: '' } };
  };
  /** A copy of the folder of discipline files that each repeat the managers track, to edit. */
  const editableCopy = () => {
    const copy = scratch('ladder-org-');
    cpSync(fixture('organisation-repeated'), copy, { recursive: true });
    return copy;
  };

  it('re-reads only the file that changed', () => {
    const { cache, env } = freshCache();
    const copy = editableCopy();
    const run = (args: string[]) => ladder(['-f', copy, ...args], { env });
    const entries = () => readdirSync(join(cache, 'ladder')).filter((name) => name.endsWith('.json')).length;
    expect(run(['list', '--ids']).status).toBe(0);
    // Per file, its check; a mark that the cross-references of the files' names hold; the folder
    // merged, with each file's stamp.
    expect(entries()).toBe(5);
    writeFileSync(join(copy, 'data.yaml'), readFileSync(join(copy, 'data.yaml'), 'utf8').replace('builds data things with help', 'builds pipelines with help'));
    expect(run(['show', 'data-engineer', '--json']).stdout).toContain('builds pipelines with help');
    // The edited file's check is new and the folder's entry is written again; the other two files
    // are found by their stamps, and the names are those whose cross-references were checked.
    expect(entries()).toBe(6);
  });

  it('still finds what an edit breaks across files: a clashing id, a managers track no longer the same', () => {
    const { env } = freshCache();
    const copy = editableCopy();
    const validate = () => ladder(['validate', copy], { env });
    const data = join(copy, 'data.yaml');
    const original = readFileSync(data, 'utf8');
    expect(validate().status).toBe(0);
    writeFileSync(data, original.replace('id: data-engineer', 'id: backend-engineer'));
    const clash = validate();
    expect(clash.status).toBe(3);
    expect(clash.stderr).toMatch(/data\.yaml:8:13: error: id `backend-engineer` is already another level's id \(\S*backend\.yaml:8\)/);
    // Only a text differs, in one file's copy of the managers track: the names are as checked before.
    writeFileSync(data, original);
    expect(validate().status).toBe(0);
    writeFileSync(data, original.replace('leads several teams', 'leads many teams'));
    const differs = validate();
    expect(differs.status).toBe(3);
    expect(differs.stderr).toMatch(/track `managers` is defined differently here and in/);
  });

  it('answers from the files when its entries hold the wrong shape, even with their hashes right', () => {
    const { cache, env } = freshCache();
    const list = () => ladder(['-f', fixture('organisation-repeated'), 'list', '--json'], { env });
    const expected = list().stdout;
    const directory = join(cache, 'ladder');
    const entries = () => readdirSync(directory).filter((entry) => entry.endsWith('.json'));
    /** An entry's header, and its value (the body the header measures; attachments follow it). */
    const entryOf = (name: string) => {
      const bytes = readFileSync(join(directory, name));
      const newline = bytes.indexOf(10);
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format: number; body: number };
      return { header, value: JSON.parse(bytes.subarray(newline + 1, newline + 1 + header.body).toString('utf8')) as { fingerprint?: string; stamps?: string[] } };
    };
    // The folder's own entry, whose fingerprint is right: only what it holds is wrong.
    const folderEntry = entries().map((name) => entryOf(name).value).find((value) => value.fingerprint !== undefined);
    const forgedFolder = JSON.stringify({ fingerprint: folderEntry?.fingerprint, stamps: folderEntry?.stamps, parts: 5, ladder: { tracks: 7 } });
    for (const value of ['{"parts":5,"ladder":{"tracks":7}}', '{"tracks":[{"levels":7}]}', '{"parts":["x"],"ladder":{"tracks":[{"texts":{"part":0,"track":0}}]}}', forgedFolder]) {
      for (const name of entries()) {
        const { format } = entryOf(name).header;
        const header = { format, sha256: createHash('sha256').update(value).digest('hex'), body: Buffer.byteLength(value), attachments: [] };
        writeFileSync(join(directory, name), `${JSON.stringify(header)}\n${value}`);
      }
      expect(list()).toEqual({ stdout: expected, stderr: '', status: 0 });
    }
  });

  it('keeps each file’s texts in one entry, and answers as before when that entry is gone', () => {
    const { cache, env } = freshCache();
    const show = () => ladder(['-f', fixture('organisation-repeated'), 'show', 'data-engineer', '--json'], { env });
    const first = show();
    expect(first.stdout).toContain('builds data things with help');
    const directory = join(cache, 'ladder');
    const holding = readdirSync(directory).filter((name) => name.endsWith('.json') && readFileSync(join(directory, name), 'utf8').includes('builds data things with help'));
    // The file's own entry: the folder's merged entry names it rather than copying its texts.
    expect(holding).toHaveLength(1);
    rmSync(join(directory, holding[0] as string));
    const again = show();
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
  });
});
