import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LadderData } from '../../src/model/model.js';
import { readMarkdown } from '../../src/read/markdown/read-markdown.js';
import { fixture, ladder } from '../helpers/cli.js';

/** A framework of front-matter matrices: `generic.md` holds the shared topics, `kitchen/` two disciplines that name some of them. */
const file = (name: string) => ({ name, text: readFileSync(fixture(`shared-topics/${name}`), 'utf8') });
const shared = file('generic.md');
const bakers = file('kitchen/bakers.md');
const drivers = file('kitchen/drivers.md');

const track = (data: LadderData | undefined, name: string) => data?.tracks.find((each) => each.name.includes(name));
const axes = (data: LadderData | undefined, name: string, level: string) => Object.fromEntries(track(data, name)?.levels.find((each) => each.title === level)?.axes ?? []);

describe('a front-matter matrix inherits the shared topics it names', () => {
  const result = readMarkdown([bakers, drivers], { sharedTopics: shared });

  it("puts the shared criteria after the discipline's own, under the shared title, at the discipline's levels only", () => {
    expect(result.errors).toEqual([]);
    expect(axes(result.data, 'Bakers', 'Level 1')).toEqual({ Craft: ['Shapes loaves of even weight', 'Follows the house recipes'], Ovens: ['Loads the deck oven safely'] });
    // The shared file's third level is not one the bakers describe, so it makes none.
    expect(track(result.data, 'Bakers')?.levels.map((level) => level.title)).toEqual(['Level 1', 'Level 2']);
    // A shared topic the discipline does not name (`care`) is not the bakers'.
    expect(Object.keys(axes(result.data, 'Bakers', 'Level 2'))).toEqual(['Craft', 'Ovens']);
  });

  it('fills a level where the discipline wrote nothing for the topic', () => {
    expect(axes(result.data, 'Drivers', 'Level 1')).toEqual({ Routes: ['Delivers the town round on time'], Care: ['Keeps the bench clean'] });
    expect(axes(result.data, 'Drivers', 'Level 2').Care).toEqual(['Checks the van before every round', 'Shows a newcomer where things are']);
  });

  it('says in --explain which topics came from the shared file', () => {
    const shares = result.decisions.filter((decision) => decision.rule.startsWith('shared topic'));
    expect(shares.map((decision) => [decision.file, decision.what])).toEqual([
      ['kitchen/bakers.md', 'topic `craft`'],
      ['kitchen/drivers.md', 'topic `care`'],
    ]);
    expect(shares[0]?.rule).toContain('from generic.md');
    expect(shares[0]?.line).toBe(5);
  });

  it('is turned off by the command line, or by a file for itself', () => {
    const off = readMarkdown([bakers, drivers], { sharedTopics: shared, overrides: { sharedTopics: false } });
    expect(axes(off.data, 'Bakers', 'Level 1').craft).toEqual(['Shapes loaves of even weight']);
    const own = { ...bakers, text: bakers.text.replace('topics:', 'ladder: { shared-topics: false }\ntopics:') };
    const mixed = readMarkdown([own, drivers], { sharedTopics: shared });
    expect(axes(mixed.data, 'Bakers', 'Level 1').Craft).toBeUndefined();
    expect(axes(mixed.data, 'Drivers', 'Level 1').Care).toEqual(['Keeps the bench clean']);
  });

  it('names a shared file beside the files whose front matter cannot be read, and reads the disciplines alone', () => {
    const broken = readMarkdown([bakers], { sharedTopics: { name: 'generic.md', text: '---\ntopics: [\n---\n' } });
    expect(broken.warnings.filter((warning) => warning.file === 'generic.md').map((warning) => warning.message)).toEqual([expect.stringMatching(/^front matter is not valid .*; its shared topics are not read$/)]);
    expect(axes(broken.data, 'Bakers', 'Level 1').craft).toEqual(['Shapes loaves of even weight']);
  });

  it('reads the shared file among the files as its own page, shared with the others but not with itself', () => {
    const all = readMarkdown([shared, bakers, drivers]);
    expect(all.errors).toEqual([]);
    expect(axes(all.data, 'Bakers', 'Level 1').Craft).toEqual(['Shapes loaves of even weight', 'Follows the house recipes']);
    expect(axes(all.data, 'Shared', 'Level 1')).toEqual({ Craft: ['Follows the house recipes'], Care: ['Keeps the bench clean'] });
  });
});

describe('the shared file is found beside the files read, or in the folder above', () => {
  const folder = 'test/fixtures/shared-topics/kitchen';

  it('for a folder read with -f, and for one file imported', () => {
    const data = JSON.parse(ladder(['-f', folder, 'export', '--format', 'json']).stdout) as { tracks: { name: string; levels: { axes: Record<string, string | string[]> }[] }[] };
    expect(data.tracks.find((each) => each.name.includes('Bakers'))?.levels[0]?.axes.Craft).toEqual(['Shapes loaves of even weight', 'Follows the house recipes']);
    const imported = ladder(['import', `${folder}/drivers.md`, '--explain']);
    expect(imported.stdout).toMatch(/topic `care` +axis +shared topic: .* from test\/fixtures\/shared-topics\/generic\.md/);
  });

  it('and left alone with --no-shared-topics', () => {
    const imported = ladder(['import', `${folder}/bakers.md`, '--no-shared-topics']);
    expect(imported.status).toBe(0);
    expect(imported.stdout).not.toContain('Follows the house recipes');
  });
});
