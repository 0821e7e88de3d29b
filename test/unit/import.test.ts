import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, SCHEMA_URL } from '../helpers/cli.js';
import { check, content, imported, importFixture, ladderData, roundTrip } from '../helpers/import.js';
import { shipped } from '../helpers/ladders.js';
import { ladderYaml } from '../../src/write/ladder-yaml.js';

const seed = readFileSync(fixture('operations-ladder.md'), 'utf8');

describe('importing the seed', () => {
  const result = imported(seed, 'seed.md');

  it('gives a ladder equal in content to the shipped ladder.yaml', () => {
    expect(result.errors).toEqual([]);
    // The shipped ladder's `Vice President` names `Fellow` by its id; imported, that name is kept as an alias of the level it was matched to.
    const expected = content(shipped()).map((track) => ({ ...track, levels: track.levels.map((level) => (level.title === 'Operations Fellow' ? { ...level, aliases: ['Fellow'] } : level)) }));
    expect(content(result.ladder as NonNullable<typeof result.ladder>)).toEqual(expected);
  });

  it('writes a ladder file that validates', () => {
    const text = ladderYaml(result.data as NonNullable<typeof result.data>, []);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(check(text).diagnostics).toEqual([]);
  });

  it('gives readable ids, the slug of each whole title', () => {
    expect(result.ladder?.levels.map((level) => level.id)).toEqual([
      'operations-admin',
      'operations-engineer',
      'lead-operations-engineer',
      'principal-operations-engineer',
      'distinguished-operations-engineer',
      'operations-fellow',
      'manager',
      'senior-manager',
      'director',
      'vice-president',
      'senior-vice-president',
    ]);
  });

  it('warns about each equivalent it matched by a looser name, where the name is', () => {
    expect(result.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '119: equivalent `Lead Engineer` of `Manager` taken to be `Lead Operations Engineer`',
      '135: equivalent `Principal Engineer` of `Senior Manager` taken to be `Principal Operations Engineer`',
      '151: equivalent `Distinguished Engineer` of `Director` taken to be `Distinguished Operations Engineer`',
      '167: equivalent `Fellow` of `Vice President` taken to be `Operations Fellow`',
    ]);
  });

  it('round-trips through export --format md without loss, and export is then a fixed point', () => {
    const first = result.data as NonNullable<typeof result.data>;
    const { markdown, again } = roundTrip(first);
    expect(again).toEqual(first);
    expect(roundTrip(again as typeof first).markdown).toBe(markdown);
  });

  it('round-trips the shipped ladder too, ids included: export pins the ids its headings would not give back', () => {
    const { markdown, again } = roundTrip(ladderData(shipped()));
    const back = check(ladderYaml(again as NonNullable<typeof again>, [])).ladder as NonNullable<ReturnType<typeof check>['ladder']>;
    expect(content(back)).toEqual(content(shipped()));
    const ids = (ladder: typeof back) => ladder.tracks.map((track) => [track.id, track.levels.map((level) => level.id)]);
    expect(ids(back)).toEqual(ids(shipped()));
    // Only where the title would give another id: `Manager` reads as `manager`, `Principal Operations Engineer` as `principal-operations-engineer`.
    expect(markdown.match(/\{#[\w-]+\}/g)).toEqual(['{#admin}', '{#engineer}', '{#lead}', '{#principal}', '{#distinguished}', '{#fellow}', '{#management}', '{#vp}', '{#svp}']);
  });

  it('pins an id that a pinned neighbour would take from it, and round-trips ids nobody could derive', () => {
    const level = (id: string, title: string) => ({ id, title, axes: [['Scope', `${title} scope.`]] as [string, string][] });
    const data = {
      tracks: [
        { id: 'people', name: 'Engineering Managers', levels: [level('senior', 'Manager'), level('x-9', 'Senior Manager')] },
        { id: 'ic', name: 'Engineers', levels: [level('principal', 'Senior Engineer'), level('senior-2', 'Principal Engineer')] },
      ],
    };
    const { again } = roundTrip(data);
    const ids = (tracks: { id: string; levels: { id: string }[] }[]) => tracks.map((track) => [track.id, track.levels.map((one) => one.id)]);
    expect(ids((again as NonNullable<typeof again>).tracks)).toEqual(ids(data.tracks));
  });
});

describe('importing ladders unlike the seed', () => {
  const ladderOf = (name: string) => {
    const result = imported(importFixture(name), name);
    expect(result.errors).toEqual([]);
    const data = result.data as NonNullable<typeof result.data>;
    expect(check(ladderYaml(data, [])).diagnostics).toEqual([]);
    expect(roundTrip(data).again).toEqual(data);
    return { ...result, ladder: result.ladder as NonNullable<typeof result.ladder> };
  };

  it('reads a document with only one track', () => {
    const { ladder } = ladderOf('one-track.md');
    expect(ladder.tracks.map((track) => [track.id, track.name, track.description])).toEqual([['engineers', 'Engineers', 'One track only, and no equivalents anywhere.']]);
    expect(ladder.levels.map((level) => level.id)).toEqual(['junior-engineer', 'senior-engineer']);
  });

  it('reads a track with no management equivalents', () => {
    const { ladder } = ladderOf('no-management-equivalents.md');
    expect(ladder.levels.every((level) => level.declaredEquivalent === undefined)).toBe(true);
    expect(ladder.tracks.map((track) => track.equivalentLabel)).toEqual(['Management Equivalent', 'Engineer Equivalent']);
  });

  it('reads levels with no axes, described in prose', () => {
    const { ladder } = ladderOf('no-axes.md');
    expect(ladder.levels.map((level) => [level.id, level.axes.length, level.description])).toEqual([
      ['chief-architect', 0, 'Sets the technical direction of the company.\n\nOwns the architecture review board.'],
      ['chief-scientist', 0, 'Leads research; publishes.'],
    ]);
  });

  it('keeps several paragraphs under one axis, and reads a list as clauses', () => {
    const { ladder } = ladderOf('multi-paragraph-axis.md');
    const [scope, mentoring] = ladder.levels[0]?.axes ?? [];
    expect(scope?.text).toBe('Leads work that spans several teams; sets technical direction.\n\nIs consulted on every major design, and reviews the riskiest changes.');
    expect(mentoring?.clauses).toEqual(['coaches senior engineers', 'runs the design review', 'writes guides that span two lines']);
  });

  it('reads tracks with different axes and equivalents between them', () => {
    const { ladder } = ladderOf('different-axes.md');
    expect(ladder.tracks.map((track) => [...new Set(track.levels.flatMap((level) => level.axes.map((axis) => axis.name)))])).toEqual([['Craft', 'Collaboration'], ['Hiring', 'Delivery']]);
    expect(ladder.levelById.get('senior-engineer')?.declaredEquivalent).toBe('manager');
    expect(ladder.levelById.get('manager')?.declaredEquivalent).toBe('senior-engineer');
  });

  it('reads titles with slashes, the parts after the first becoming aliases', () => {
    const { ladder, warnings } = ladderOf('slash-titles.md');
    expect(ladder.levels.map((level) => [level.id, level.title, level.aliases, level.declaredEquivalent])).toEqual([
      ['staff', 'Staff / Principal Engineer', ['Principal Engineer', 'Staff Engineer'], 'director'],
      ['distinguished-engineer', 'Distinguished Engineer / Fellow', ['Fellow'], 'vp'],
      ['director', 'Director / Head of Engineering', ['Head of Engineering'], 'staff'],
      ['vp', 'VP / CTO', ['cto'], 'distinguished-engineer'],
    ]);
    expect(warnings.map((warning) => warning.message)).toEqual(['equivalent `Staff Engineer` of `Director / Head of Engineering` taken to be `Staff / Principal Engineer`']);
  });

  it('copes with odd spacing, emphasis, escapes, line breaks and either colon placement', () => {
    const { ladder } = ladderOf('odd-formatting.md');
    expect(ladder.tracks[0]?.description).toBe('Some spacing, a little emphasis across two lines.');
    const junior = ladder.levelById.get('junior-engineer');
    expect(junior?.title).toBe('Junior Engineer');
    expect(junior?.note).toBe('this level used to be called Associate.');
    expect(junior?.declaredEquivalent).toBe('team-lead');
    expect(junior?.axes[0]).toMatchObject({ name: 'Craft', clauses: ['Writes tested code', 'asks for review before merging', 'uses git well'] });
    expect(ladder.levelById.get('senior-engineer')?.axes[0]?.clauses).toEqual(['Reviews code *carefully*', 'mentors']);
    expect(ladder.levelById.get('senior-engineer')?.declaredEquivalent).toBeUndefined();
  });

  it('refuses an equivalent that matches nothing, naming it', () => {
    const result = imported(importFixture('unmatched-equivalent.md'), 'unmatched.md');
    expect(result.ladder).toBeUndefined();
    expect(result.errors.map((error) => `${error.line}: ${error.message}`)).toEqual(['5: equivalent `Wizard` of `Engineer` matches no level on another track']);
  });

  it('refuses a document without levels', () => {
    expect(imported('# Just a heading\n\nSome text.\n').errors[0]?.message).toBe('no ladder found in test.md: no heading, table or front matter holds levels');
  });

  it('refuses a page that reads as one level made of its sections, unless something says it is a rung', () => {
    const policy = '# Handling reports\n\n## Scope\n\n- **Covered:** the tool\n- **Not covered:** forks\n\n## Response\n\nWe answer within a week.\n';
    const refused = imported(policy, 'POLICY.md');
    expect(refused.ladder).toBeUndefined();
    expect(refused.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      "3: no ladder found in POLICY.md: the only section that could be a level, `Scope`, has no level's title, code, grade or equivalent line",
    ]);
    expect(refused.errors[0]?.hint).toContain('`**Equivalent**: n/a`');
    // An equivalent line, a title that reads as a rung, or the author's own reading make it a ladder of one level.
    expect(imported(policy.replace('## Scope\n', '## Scope\n\n**Equivalent**: n/a\n')).errors).toEqual([]);
    expect(imported(policy.replace('## Scope', '## Senior Engineer')).errors).toEqual([]);
    expect(imported(`---\nladder: { level-depth: 2 }\n---\n${policy}`).errors).toEqual([]);
  });
});
