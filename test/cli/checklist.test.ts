import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { expectGolden, ladder, ladderInTerminal, root } from '../helpers/cli.js';

const FORMATS = ['text', 'json', 'yaml', 'tsv', 'md'];

describe('ladder checklist', () => {
  it('writes what is new or changed since the level before as a Markdown task list', () => {
    const { stdout, stderr, status } = ladder(['checklist', 'lead', '--from', 'engineer', '--format', 'md']);
    expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
    expectGolden('checklist-lead-from-engineer.md', stdout);
    expect(stdout).toContain('- [ ] High level Linux system administration _(changed; was: Mid-to-high level Linux system administration)_\n');
    expect(stdout.match(/^- \[ \] /gm)).toHaveLength(13);
  });

  it('shows the same in a terminal, and one grep-able line per item on a pipe', async () => {
    expectGolden('checklist-lead-from-engineer.terminal.txt', await ladderInTerminal('checklist', 'lead', '--from', 'engineer'));
    const lines = ladder(['checklist', 'lead', '--from', 'engineer']).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('lead: Domain Knowledge: [ ] High level Linux system administration (changed)');
  });

  it('names the track with a title two tracks share, in the Markdown that has no ids', () => {
    const organisation = join(root, 'examples', 'organisation');
    const markdown = ladder(['-f', organisation, 'checklist', 'frontend:staff', '--from', 'frontend:senior', '--format', 'md']).stdout;
    expect(markdown).toMatch(/^## Staff Engineer \(Frontend Engineering\): checklist\n\n_\d+ items: \d+ new, \d+ changed since Senior Engineer \(Frontend Engineering\)\._\n/);
    expect(JSON.parse(ladder(['-f', organisation, 'checklist', 'frontend:staff', '--json']).stdout).level).toMatchObject({ id: 'frontend-staff', heading: 'Staff Engineer (Frontend Engineering)' });
    // A title no other track has stays as it is.
    expect(ladder(['checklist', 'lead', '--format', 'md']).stdout).toMatch(/^## Lead Operations Engineer: checklist\n/);
  });

  it('pairs clauses as diff does: a changed item is a changed clause, a new one an added clause', () => {
    const list = JSON.parse(ladder(['checklist', 'lead', '--from', 'engineer', '--json']).stdout);
    const diff = JSON.parse(ladder(['diff', 'engineer', 'lead', '--json']).stdout);
    expect(list.summary).toEqual({ items: diff.summary.added + diff.summary.changed, new: diff.summary.added, changed: diff.summary.changed });
    expect(list.from).toMatchObject({ id: 'engineer' });
  });

  it('lists every expectation of a level without --from, the description of a level in prose too', () => {
    const list = JSON.parse(ladder(['checklist', 'principal', '--json']).stdout);
    const shown = JSON.parse(ladder(['show', 'principal', '--json']).stdout);
    expect(list.summary.items).toBe(shown.axes.reduce((sum: number, axis: { clauses: string[] }) => sum + axis.clauses.length, 0));
    expect(list.sections.every((section: { items: { change?: string }[] }) => section.items.every((item) => item.change === undefined))).toBe(true);
    expect(JSON.parse(ladder(['checklist', 'fellow', '--json']).stdout).sections[0].name).toBe('Description');
  });

  it('works in every format, with --axis, and names the columns of TSV', () => {
    for (const format of FORMATS) expect(ladder(['checklist', 'lead', '--from', 'engineer', '--format', format]).status, format).toBe(0);
    expect(parseYaml(ladder(['checklist', 'lead', '--format', 'yaml']).stdout)).toEqual(JSON.parse(ladder(['checklist', 'lead', '--json']).stdout));
    expect(ladder(['checklist', 'lead', '--from', 'engineer', '--format', 'tsv', '--header']).stdout.split('\n')[0]).toBe('level\tsection\tn\tchange\ttext');
    const domain = JSON.parse(ladder(['checklist', 'lead', '--from', 'engineer', '--axis', 'domain', '--json']).stdout);
    expect(domain.sections.map((section: { name: string }) => section.name)).toEqual(['Domain Knowledge']);
  });

  it('completes level names, for the level and after --from', () => {
    expect(ladder(['__complete', '--', 'checklist', 'le']).stdout).toBe('words\nlead\n');
    expect(ladder(['__complete', '--', 'checklist', 'lead', '--from', 'eng']).stdout).toBe('words\nengineer\n');
  });

  it('says which level it cannot find', () => {
    expect(ladder(['checklist', 'lead', '--from', 'nobody'])).toMatchObject({ status: 1, stderr: expect.stringContaining('no level matches `nobody`') });
  });
});
