import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, ladder, ladderInTerminal } from '../helpers/cli.js';


describe('ladder show', () => {
  it('prints one level along every axis, as bullets in a terminal and as prefixed lines on a pipe', async () => {
    const { stdout, stderr, status } = ladder(['show', 'principal']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expectGolden('show-principal.pipe.txt', stdout);
    expect(stdout).toContain('principal: Domain Knowledge: Expert Linux system administration\n');
    expectGolden('show-principal.terminal.txt', await ladderInTerminal('show', 'principal'));
  });

  it('prints free-text levels with their description and note', async () => {
    expectGolden('show-fellow.terminal.txt', await ladderInTerminal('show', 'fellow'));
    expectGolden('show-fellow.pipe.txt', ladder(['show', 'fellow']).stdout);
  });

  it('narrows to one axis', () => {
    const { stdout } = ladder(['show', 'ops eng', '--axis', 'domain']);
    expect(stdout).toContain('Domain Knowledge');
    expect(stdout).not.toContain('Customer Success');
  });

  it('writes JSON with the verbatim text and the clause list', () => {
    const value = JSON.parse(ladder(['show', 'principal', '--format', 'json']).stdout);
    expect(value).toMatchObject({ id: 'principal', title: 'Principal Operations Engineer', position: 4, trackSize: 6, track: { id: 'ic' }, equivalent: { id: 'senior-manager', title: 'Senior Manager' } });
    expect(value.axes[0].text).toMatch(/^Expert Linux system administration; defines/);
    expect(value.axes[0].clauses[0]).toBe('Expert Linux system administration');
    expect(JSON.parse(ladder(['show', 'lead', 'manager', '--json']).stdout).map((level: { id: string }) => level.id)).toEqual(['lead', 'manager']);
  });
});

describe('ladder diff', () => {
  it('shows what changes, with git word-diff markers when there is no colour', async () => {
    const { stdout, status } = ladder(['diff', 'engineer', 'lead']);
    expect(status).toBe(0);
    expect(stdout).toContain('Domain Knowledge: ~ [-Mid-to-high-]{+High+} level Linux system administration\n');
    expectGolden('diff-engineer-lead.pipe.txt', stdout);
    const screen = await ladderInTerminal('diff', 'engineer', 'lead');
    expect(screen).toContain('\nDomain Knowledge\n  ~ [-Mid-to-high-]{+High+} level Linux system administration\n');
    expectGolden('diff-engineer-lead.terminal.txt', screen);
  });

  it('works across tracks and shows unchanged clauses with --all', async () => {
    expectGolden('diff-lead-manager-all.terminal.txt', await ladderInTerminal('diff', 'lead', 'manager', '--all'));
    expectGolden('diff-principal-distinguished-all.pipe.txt', ladder(['diff', 'principal', 'distinguished', '--all']).stdout);
  });

  it('writes JSON', () => {
    const value = JSON.parse(ladder(['diff', 'engineer', 'lead', '--json']).stdout);
    expect(value.summary).toEqual({ sections: 4, added: 9, removed: 10, changed: 4, unchanged: 0 });
    expect(value.sections[0].clauses[0]).toMatchObject({ kind: 'changed', from: 'Mid-to-high level Linux system administration' });
  });

  it('exits 1 with --exit-code when the levels differ, 0 when they do not', () => {
    expect(ladder(['diff', 'engineer', 'lead', '--exit-code']).status).toBe(1);
    expect(ladder(['diff', 'lead', 'lead', '--exit-code']).status).toBe(0);
  });
});

describe('ladder equiv', () => {
  it('maps a level to its peer', () => {
    expect(ladder(['equiv', 'director']).stdout).toBe('Director (director) · Managers ↔ Distinguished Operations Engineer (distinguished) · Individual Contributors\n');
    expect(ladder(['equiv', 'lead']).stdout).toBe('Lead Operations Engineer (lead) · Individual Contributors ↔ Manager (manager) · Managers\n');
  });

  it('says when a level has no equivalent', () => {
    const { stdout, status } = ladder(['equiv', 'admin']);
    expect(status).toBe(0);
    expect(stdout).toBe('Operations Admin (admin) · Individual Contributors has no management equivalent\n');
  });

  it('prints the whole mapping, n/a rows included', async () => {
    expectGolden('equiv-table.terminal.txt', await ladderInTerminal('equiv'));
  });

  it('writes JSON', () => {
    expect(JSON.parse(ladder(['equiv', 'director', '--json']).stdout)).toMatchObject({ level: { id: 'director' }, peers: [{ level: { id: 'distinguished' }, labelled: true }] });
    const grid = JSON.parse(ladder(['equiv', '--json']).stdout);
    expect(grid.tracks.map((track: { id: string }) => track.id)).toEqual(['ic', 'management']);
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows[2]).toEqual({ grade: null, levels: [expect.objectContaining({ id: 'lead' }), expect.objectContaining({ id: 'manager' })] });
  });
});

describe('ladder list', () => {
  it('lists every level in order, with a header only in a terminal', async () => {
    expectGolden('list.terminal.txt', await ladderInTerminal('list'));
    expectGolden('list.pipe.txt', ladder(['list']).stdout);
  });

  it('prints only ids with --ids, and narrows with --track', () => {
    expect(ladder(['list', '--ids', '--track', 'management']).stdout).toBe('manager\nsenior-manager\ndirector\nvp\nsvp\n');
  });

  it('writes JSON', () => {
    const value = JSON.parse(ladder(['list', '--json']).stdout);
    expect(value).toHaveLength(11);
    expect(value[0]).toEqual({ id: 'admin', title: 'Operations Admin', track: { id: 'ic', name: 'Individual Contributors' }, position: 1, aliases: [], equivalent: null });
  });
});

describe('ladder validate', () => {
  it('confirms a valid ladder', () => {
    expect(ladder(['validate'])).toEqual({ stdout: 'ladder.yaml: valid (11 levels, 2 tracks)\n', stderr: '', status: 0 });
  });

  it('reports every problem as FILE:LINE:COL on stderr and exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-'));
    writeFileSync(join(dir, 'broken.yaml'), 'tracks:\n  - id: ic\n    name: IC\n    levels:\n      - id: a\n        titel: A\n      - id: b\n        title: B\n        equivalent: c\n');
    const { stdout, stderr, status } = ladder(['validate', 'broken.yaml'], { cwd: dir });
    expect(status).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(['broken.yaml:5:9: error: a level is missing `title`', 'broken.yaml:6:9: error: unknown key `titel` in a level (did you mean `title`?)', ''].join('\n'));
    const json = ladder(['validate', 'broken.yaml', '--json'], { cwd: dir });
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: 'broken.yaml', valid: false, problems: [{ line: 5, col: 9 }, { line: 6, col: 9 }] });
  });

  it('reports the same problems from any command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-'));
    writeFileSync(join(dir, 'ladder.yaml'), 'tracks:\n  - id: ic\n    name: IC\n    levels:\n      - id: a\n        title: A\n        equivalent: b\n');
    const { stdout, stderr, status } = ladder(['show', 'a'], { cwd: dir });
    expect({ stdout, status }).toEqual({ stdout: '', status: 3 });
    expect(stderr).toBe('ladder.yaml:7:21: error: equivalent `b` is not a level id (use the id of a level on another track)\n');
  });
});
