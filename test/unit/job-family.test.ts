import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJobFamily, readJobFamily } from '../../src/read/job-family.js';
import { fixture } from '../helpers/cli.js';

const text = readFileSync(fixture('job-family/kitchen.yml'), 'utf8');

describe('a job family in the FT format', () => {
  it('is told from a ladder file by its keys', () => {
    expect(isJobFamily(text)).toBe(true);
    expect(isJobFamily('tracks:\n  - id: t\n')).toBe(false);
  });

  it('reads the -ic/-pm fork as two tracks, the shared levels with the first branch, the branch levels as peers', () => {
    const { data, errors } = readJobFamily(text, 'kitchen.yml');
    expect(errors).toEqual([]);
    expect(data?.tracks.map((track) => [track.name, track.levels.map((level) => level.title)])).toEqual([
      ['Kitchen: individual contributors', ['Commis Cook', 'Chef de Partie', 'Sous Chef (Specialist)', 'Head Chef']],
      ['Kitchen: people managers', ['Sous Chef (Team Lead)']],
    ]);
    const specialist = data?.tracks[0]?.levels[2];
    const lead = data?.tracks[1]?.levels[0];
    expect(specialist?.equivalent).toBe(lead?.id);
    expect(lead?.equivalent).toBe(specialist?.id);
  });

  it('keeps every summary, proficiency, example and link, themes as axes with their meaning', () => {
    const { data, summary, warnings } = readJobFamily(text, 'kitchen.yml');
    expect(data?.name).toBe('Kitchen');
    expect(data?.description).toBe('What we expect of cooks in the kitchen, from their first shift\nto running the pass.');
    expect(data?.axes).toEqual([{ name: 'Craft', description: 'Cooks food that is safe, seasoned and on time, and keeps getting better at it.' }, { name: 'People' }]);
    expect(Object.fromEntries(data?.tracks[0]?.levels[0]?.axes ?? [])).toEqual({ Craft: ['Follows each recipe as written and asks before changing it.', 'Proficiency: Awareness', 'Example: Weighs every ingredient for the bread'] });
    expect(Object.fromEntries(data?.tracks[0]?.levels[1]?.axes ?? [])).toEqual({ Craft: ['Runs a station alone through a full service.', 'Adjusts a dish when an ingredient is short.', 'Proficiency: Practitioner'] });
    expect(Object.fromEntries(data?.tracks[1]?.levels[0]?.axes ?? [])).toEqual({ People: ['Plans the rota and coaches the brigade.', 'Proficiency: Practitioner', 'Supporting link: https://example.com/rota-guide'] });
    expect(warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual(['37: 5 competency ids (UUIDs) are not kept: a ladder names clauses by their text', '5: `googleSheetId` is not ladder content; left out: “googleSheetId: "not-a-real-sheet"”']);
    expect(summary.wordsLeftOut).toBe(5);
  });

  it('names the line of a competency whose level is not listed', () => {
    const { errors } = readJobFamily(text.replace('level: head', 'level: owner'), 'kitchen.yml');
    expect(errors.map((error) => `${error.line}: ${error.message}`)).toEqual(['71: competency names level `owner`, which `levels` does not list']);
  });
});
