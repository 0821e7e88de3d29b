import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { LadderError } from '../../src/errors.js';
import { loadLadder } from '../../src/read/load.js';
import { check, shipped, tiny } from '../helpers/ladders.js';

const brief = (d: Diagnostic) => `${d.line}:${d.col} ${d.message}${d.hint ? ` | ${d.hint}` : ''}`;

describe('loading', () => {
  it('loads the shipped ladder with both tracks and eleven levels', () => {
    const ladder = shipped();
    expect(ladder.tracks.map((track) => [track.id, track.levels.length])).toEqual([['ic', 6], ['management', 5]]);
    const principal = ladder.levelById.get('principal');
    expect(principal?.position).toBe(4);
    expect(principal?.axes.map((axis) => axis.name)).toEqual(['Domain Knowledge', 'Teaching and Mentoring', 'Culture and Leadership', 'Customer Success']);
    expect(principal?.axes[0]?.clauses[0]).toBe('Expert Linux system administration');
    expect(ladder.levelById.get('fellow')?.axes).toEqual([]);
    expect(ladder.levelById.get('fellow')?.note).toMatch(/^it is obviously not ideal/);
  });

  it('keeps axis names in file order even when they look like numbers', () => {
    const { ladder } = check('tracks:\n  - id: t\n    name: T\n    levels:\n      - id: a\n        title: A\n        axes:\n          Zeta: z\n          "2": two\n          "1": one\n');
    expect(ladder?.levels[0]?.axes.map((axis) => axis.name)).toEqual(['Zeta', '2', '1']);
  });

  it('reports YAML syntax errors with their position', () => {
    const { diagnostics } = check('tracks:\n  - id: a\n    name: [unclosed\n');
    // At the bracket that is never closed, said in plain words, with the fix.
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'test.yaml', line: 3, col: 11, hint: 'close it with ] on the line it starts, or write it as lines under its key' });
    expect(diagnostics[0]?.message).toMatch(/^YAML: the list in brackets/);
  });

  it('reports duplicate keys, empty files and alias bombs', () => {
    // The repeated key is reported, and so is what the schema finds in the value that counts.
    expect(check('tracks: []\ntracks: []\n').diagnostics.map(brief)).toEqual(['2:1 `tracks` appears twice in this mapping (first on line 1); the later one counts', '2:9 `tracks` is empty: list at least one entry']);
    expect(check('# only a comment\n').diagnostics[0]?.message).toMatch(/no ladder found in .*: it is empty or only comments/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(check(bomb).diagnostics[0]?.message).toMatch(/YAML: .*alias/i);
  });

  it('throws one invalid error that carries every problem', async () => {
    const text = tiny().replace('title: Junior Engineer', 'titel: Junior Engineer').replace('id: senior\n', 'id: Senior\n');
    const error = await loadLadder({ name: 'bad.yaml', text }).then(
      () => {
        throw new Error('expected an error');
      },
      (caught: unknown) => caught as LadderError,
    );
    expect(error).toBeInstanceOf(LadderError);
    expect(error.code).toBe('invalid');
    expect(error.diagnostics.map(brief)).toEqual([
      '5:9 a level is missing `title`',
      '6:9 unknown key `titel` in a level | did you mean `title`?',
      '9:13 `Senior` is not a valid id | ids use lower-case letters, digits and single hyphens, for example `senior`',
    ]);
  });
});

describe('schema checks', () => {
  it('names wrong types in the file’s own words', () => {
    const diagnostics = check(tiny('        aliases: boss\n        axes:\n          Craft: {a: b}\n          Care: [a, 3]\n')).diagnostics.map(brief);
    expect(diagnostics).toEqual(['20:18 `aliases` must be a list, not text', '22:18 axis `Craft` must be text or a list, not a mapping', '23:21 `Care[1]` must be text, not the number `3`']);
  });

  it('rejects unknown keys at every level with a suggestion', () => {
    expect(check(`nme: x\n${tiny()}`).diagnostics.map(brief)).toEqual(['1:1 unknown key `nme` in the ladder | did you mean `name`?']);
    expect(check(tiny().replace('name: Managers', 'name: Managers\n    levles: []')).diagnostics.map(brief)).toEqual(['16:5 unknown key `levles` in a track | did you mean `levels`?']);
  });

  it('requires tracks and levels to be non-empty', () => {
    expect(check('tracks: []\n').diagnostics.map(brief)).toEqual(['1:9 `tracks` is empty: list at least one entry']);
    expect(check('tracks:\n  - id: a\n    name: A\n    levels: []\n').diagnostics.map(brief)).toEqual(['4:13 `levels` is empty: list at least one entry']);
  });

  it('rejects a document that is not a mapping', () => {
    expect(check('- just\n- a list\n').diagnostics.map(brief)).toEqual(['1:1 the ladder must be a mapping, not a list']);
  });
});

describe('cross-reference checks', () => {
  it('accepts the tiny ladder', () => {
    expect(check(tiny()).diagnostics).toEqual([]);
  });

  it('finds duplicate ids across the ladder, and titles and aliases on one track, ignoring case and spaces', () => {
    // This level is on the managers' track: its title repeats an engineer's, which another track may.
    const text = tiny('      - id: junior\n        title: senior  engineer\n        aliases: [ENGINEERING-MANAGER]\n');
    expect(check(text).diagnostics.map(brief)).toEqual([
      '20:13 id `junior` is already another level\'s id (line 5) | names are compared ignoring case, spaces and hyphens, and must be unique across the ladder',
      "22:19 alias `ENGINEERING-MANAGER` is already the title of `boss` (line 18) | names are compared ignoring case, spaces and hyphens; a title, code or alias must be unique on its track, and no other level's id",
    ]);
    const sameTrack = tiny().replace('        title: Senior Engineer', '        title: junior ENGINEER');
    expect(check(sameTrack).diagnostics.map(brief)).toEqual([
      "10:16 title `junior ENGINEER` is already another level's title (line 6) | names are compared ignoring case, spaces and hyphens; a title, code or alias must be unique on its track, and no other level's id",
    ]);
    expect(check(tiny('      - id: lead\n        title: Boss2\n        aliases: [junior]\n')).diagnostics.map(brief)).toEqual([
      '22:19 alias `junior` is already the id of `junior` (line 5) | names are compared ignoring case, spaces and hyphens, and must be unique across the ladder',
    ]);
  });

  it('finds duplicate track ids', () => {
    const text = tiny().replace('id: mgmt', 'id: ic');
    expect(check(text).diagnostics.map(brief)).toContain('14:9 duplicate track id `ic` (first used on line 2)');
  });

  it('finds dangling equivalents and suggests the nearest id', () => {
    const text = tiny().replace('equivalent: boss', 'equivalent: bos');
    expect(check(text).diagnostics.map(brief)).toEqual([
      '11:21 equivalent `bos` is not a level id | did you mean `boss`?',
    ]);
  });

  it('takes an equivalent named from one side as a claim: the level named need not name it back', () => {
    const text = tiny().replace('        equivalent: senior\n', '');
    expect(check(text).diagnostics).toEqual([]);
  });

  it('finds a level named as a peer that names another level of the same track', () => {
    const text = tiny().replace('        equivalent: senior\n', '        equivalent: junior\n');
    expect(check(text).diagnostics.map(brief)).toEqual([
      '11:21 `ic:senior` names `mgmt:boss` as its equivalent, but `mgmt:boss` names `ic:junior` (line 19) | a level has at most one peer on each other track; change one of the two',
    ]);
  });

  it('finds equivalents on the same track and levels that are their own equivalent', () => {
    const sameTrack = tiny().replace('equivalent: boss', 'equivalent: junior');
    expect(check(sameTrack).diagnostics.map(brief)[0]).toBe('11:21 equivalent `junior` is on the same track as `senior` | an equivalent is a level on another track');
    const self = tiny().replace('equivalent: boss', 'equivalent: senior');
    expect(check(self).diagnostics.map(brief)[0]).toBe('11:21 level `senior` names itself as its equivalent | an equivalent is a level on another track; remove the line if there is none');
  });

  it('treats a null equivalent as none', () => {
    expect(check(tiny().replace('id: junior\n', 'id: junior\n        equivalent: null\n')).diagnostics).toEqual([]);
  });
});
