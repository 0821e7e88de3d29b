import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { equivalentIds } from '../../src/model/model.js';
import type { LadderData } from '../../src/model/model.js';
import { readMarkdown } from '../../src/read/markdown/read-markdown.js';
import { fixture } from '../helpers/cli.js';

/** The Markdown files of a fixture folder, as a folder read gives them (pages that hold no ladder left out). */
function folder(name: string) {
  const directory = fixture(name);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(directory, file), 'utf8') }));
}

const levels = (data: LadderData | undefined) => (data?.tracks ?? []).flatMap((track) => track.levels.map((level) => ({ ...level, track: track.id })));
const byTitle = (data: LadderData | undefined, track: string, title: string) => levels(data).find((level) => level.track === track && level.title === title);
const clauses = (level: ReturnType<typeof byTitle>) => Object.fromEntries((level as unknown as { axes: [string, string | string[]][] }).axes);

describe('an organisation kept as one Markdown file per discipline', () => {
  it('keeps the managers section copied into two files once, and unions the equivalent lines of the copies and of every discipline', () => {
    const result = readMarkdown(folder('organisation-markdown'));
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks.map((track) => [track.id, track.name, track.levels.length])).toEqual([
      ['build', 'Makers (build)', 4],
      ['pl', 'People Leads', 3],
      ['help', 'Makers (help)', 2],
      ['run', 'Makers (run)', 3],
    ]);
    // The people leads' lines name build.md's levels only; each other discipline names the lead.
    const teamLead = byTitle(result.data, 'pl', 'Team Lead');
    expect(equivalentIds(teamLead?.equivalent)).toEqual(['lead-builder', 'senior-helper', 'lead-operator']);
    expect(byTitle(result.data, 'help', 'Senior Helper')?.equivalent).toBe('team-lead');
    expect(byTitle(result.data, 'pl', 'Head of People Leads')?.equivalent).toBeUndefined();
  });

  it('reports two peers on one track with both claims as TRACK:LEVEL and FILE:LINE', () => {
    const files = folder('organisation-markdown').map((file) => (file.name === 'run.md' ? { ...file, text: file.text.replace('**Lead Equivalent**: Group Lead', '**Lead Equivalent**: Team Lead') } : file));
    const messages = readMarkdown(files).errors.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
    expect(messages).toEqual([expect.stringMatching(/^run\.md:(\d+): `run:principal-operator` names `pl:team-lead` \(run\.md:\1\), but `run:lead-operator` names `pl:team-lead` \(run\.md:\d+\): `pl:team-lead` would have two peers on track `run`$/)]);
  });

  it('never merges tracks by id: a made id already taken gets the next number, an id pinned twice is an error naming both places', () => {
    const discipline = (heading: string, title: string) => `# ${heading}\n\n## ${title}\n\n### Craft\n\nBuilds.\n\n## Senior ${title}\n\n### Craft\n\nBuilds for many teams.\n`;
    const made = readMarkdown([
      { name: 'a.md', text: discipline('Infrastructure Crew', 'Engineer') },
      { name: 'b.md', text: discipline('Interface Craft', 'Designer') },
    ]);
    expect(made.data?.tracks.map((track) => [track.id, track.name])).toEqual([['ic', 'Infrastructure Crew'], ['ic-2', 'Interface Craft']]);
    const pinned = readMarkdown([
      { name: 'a.md', text: discipline('Infrastructure Crew {#crew}', 'Engineer') },
      { name: 'b.md', text: discipline('Interface Craft {#crew}', 'Designer') },
    ]);
    expect(pinned.errors.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual(['b.md:1: track id `crew` of `Interface Craft` is already the id of `Infrastructure Crew` (a.md:1)']);
    // Two files of one stem that share a heading are told apart by their whole names.
    const stems = readMarkdown([
      { name: 'ops.md', text: discipline('Individual Contributors', 'Operator') },
      { name: 'ops.markdown', text: discipline('Individual Contributors', 'Responder') },
    ]);
    expect(stems.data?.tracks.map((track) => [track.id, track.name])).toEqual([
      ['ops-md', 'Individual Contributors (ops.md)'],
      ['ops-markdown', 'Individual Contributors (ops.markdown)'],
    ]);
  });

  it("names a file's one track by the file's title, and makes levels of one code on several tables peers", () => {
    const table = (titles: string[]) => `| Area | ${titles.join(' | ')} |\n| --- | ${titles.map(() => '---').join(' | ')} |\n| **Reach** | ${titles.map((title) => `${title} reach`).join(' | ')} |\n`;
    const result = readMarkdown([
      { name: 'bakers.md', text: `# Roles for Bakers\n\n## Who runs the ovens\n\nThe senior bakers take turns.\n\n## What each level does\n\n${table(['Junior Baker (B1)', 'Baker (B2)', 'Senior Baker (B3)'])}` },
      { name: 'decorators.md', text: `# Roles for Decorators\n\n${table(['Decorator (B2)', 'Senior Decorator (B3)'])}` },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks.map((track) => [track.name, track.levels.length])).toEqual([
      ['Roles for Bakers', 3],
      ['Roles for Decorators', 2],
    ]);
    // The section heading the table sat under is the track's prose; no word is lost.
    expect(result.data?.tracks[0]?.description).toContain('What each level does');
    expect(result.data?.name).toBeUndefined();
    expect(result.data?.tracks[1]?.levels.map((level) => [level.title, level.equivalent])).toEqual([
      ['Decorator', 'baker'],
      ['Senior Decorator', 'senior-baker'],
    ]);
  });

  it('reads a name that is a title on several other tracks as that level on each', () => {
    const discipline = (name: string) => `# ${name}\n\n## Engineer\n\n### Craft\n\nBuilds.\n\n## Staff Engineer\n\n### Craft\n\nBuilds for many teams.\n`;
    const managers = '# Managers\n\n## Engineering Manager\n\n**Engineer Equivalent**: Staff Engineer\n\n### People\n\nGrows a team.\n';
    const result = readMarkdown([
      { name: 'backend.md', text: discipline('Backend') },
      { name: 'frontend.md', text: discipline('Frontend') },
      { name: 'managers.md', text: managers },
    ]);
    expect(result.errors).toEqual([]);
    expect(byTitle(result.data, 'managers', 'Engineering Manager')?.equivalent).toEqual(['backend-staff-engineer', 'frontend-staff-engineer']);
    // `Engineer` on both tracks, with no peer and no grade, is one row too.
    expect(equivalentIds(byTitle(result.data, 'frontend', 'Engineer')?.equivalent)).toEqual(['backend-engineer']);
  });
});

describe('disciplines kept as front-matter matrices', () => {
  const result = readMarkdown(folder('markdown/front-matter-disciplines'));

  it('reads each file as its own track, never one track of every file', () => {
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks.map((track) => [track.name, track.levels.map((level) => level.title)])).toEqual([
      ['Backend Craft', ['Level 1', 'Level 2', 'Level 3']],
      ['Data Craft', ['Level 1', 'Level 2', 'Level 3']],
      ['Quality Craft', ['Level 1', 'Level 2']],
    ]);
  });

  it('gives each level exactly what its own file says, exampleCriteria joined to the criterion they illustrate', () => {
    const [backend, data] = result.data?.tracks ?? [];
    expect(clauses(byTitle(result.data, backend?.id ?? '', 'Level 2'))).toEqual({
      delivery: ['Ships whole features and watches them in production', 'Leaves a service better than they found it (e.g. Adds the missing alert after an incident)'],
    });
    expect(clauses(byTitle(result.data, data?.id ?? '', 'Level 3'))).toEqual({
      delivery: ['Chooses the storage for a new product', 'Retires data nobody reads (e.g. Drops a table after asking its last readers; Moves cold data to cheaper storage)'],
    });
    expect(result.warnings.map((warning) => warning.message).filter((message) => message.includes('exampleCriteria'))).toEqual([]);
    // The body says what the framework is: the track's prose, not a level.
    expect(backend?.description).toContain('Each discipline keeps its own page');
  });

  it('makes the levels of one title peers across the disciplines', () => {
    const [backend, data] = result.data?.tracks ?? [];
    const level3 = byTitle(result.data, backend?.id ?? '', 'Level 3');
    expect(equivalentIds(level3?.equivalent)).toEqual([byTitle(result.data, data?.id ?? '', 'Level 3')?.id]);
    expect(equivalentIds(byTitle(result.data, backend?.id ?? '', 'Level 1')?.equivalent)).toHaveLength(2);
  });
});

describe('ids', () => {
  it('are the one a heading pins, in the manner of pandoc, whatever the title says', () => {
    const text = '# Data\n\n## Data Analyst\n\n### Craft\n\nCounts.\n\n## Senior Data Manager {#senior}\n\n### Craft\n\nLeads the counting.\n\n## Head of Data\n\n### Craft\n\nDecides what counts.\n';
    const result = readMarkdown([{ name: 'data.md', text }]);
    expect(result.data?.tracks[0]?.levels.map((level) => [level.id, level.title])).toEqual([
      ['data-analyst', 'Data Analyst'],
      ['senior', 'Senior Data Manager'],
      ['head-of-data', 'Head of Data'],
    ]);
  });
});

describe('a handbook folder of ladder pages and other pages', () => {
  const handbook = () => folder('handbook');
  const trackNames = (files: { name: string; text: string }[]) => readMarkdown(files).data?.tracks.map((track) => track.name);

  it('leaves out the pages whose sections say nothing of a rung, where others hold levels', () => {
    expect(trackNames(handbook())).toEqual(['Titles for Bakers', 'Titles for Drivers']);
  });

  it("reads the pages a page's front matter names under keep-page, and leaves out those under skip-page", () => {
    const withSettings = (settings: string) => handbook().map((file) => (file.name === 'titles-for-bakers.md' ? { ...file, text: `---\nladder:\n  ${settings}\n---\n${file.text}` } : file));
    expect(trackNames(withSettings('keep-page: [rituals.md]'))).toContain('Rituals');
    expect(trackNames(withSettings('skip-page: titles-for-drivers.md'))).toEqual(['Titles for Bakers']);
  });
});
