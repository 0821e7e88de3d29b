import fc from 'fast-check';
import type { LadderData } from '../../src/model/model.js';

/** How many cases each property tries: a few in `npm test`, many in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

// Words that exercise escaping in every format: Markdown marks, quotes, YAML indicators, non-ASCII.
const WORD = fc.constantFrom('code', 'review', 'team', 'design', 'ship', 'on-call', 'a*b', '_x_', '#1', '[link]', '<tag>', 'pipe|s', '`tick`', 'back\\slash', 'quote"s', "it's", 'colon:', 'naïve', '日本', '1.', '-', '> q', 'yes', 'null', '~');
const words = (min: number, max: number) => fc.array(WORD, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const clauses = fc.array(words(1, 5), { minLength: 1, maxLength: 4 }).map((list) => list.join('; '));
const AXES = ['Craft', 'Impact', 'Teaching & Mentoring', 'Customer *Success*', 'Scope', '2'];

/**
 * Valid ladders: one to three tracks of one to five levels, optional aliases, descriptions and
 * notes, a few axes each, and equivalents pairing levels of the first two tracks both ways.
 * Titles are unique words plus a number, so names never collide.
 */
export const ladderArbitrary: fc.Arbitrary<LadderData> = fc
  .array(
    fc.record({
      name: words(1, 3),
      description: fc.option(words(1, 12), { nil: undefined }),
      levels: fc.array(
        fc.record({
          alias: fc.boolean(),
          description: fc.option(words(1, 12), { nil: undefined }),
          note: fc.option(words(1, 6), { nil: undefined }),
          axes: fc.subarray(AXES, { minLength: 0, maxLength: 4 }),
          texts: fc.array(clauses, { minLength: 4, maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((tracks) => {
    const data: LadderData = {
      tracks: tracks.map((track, t) => ({
        id: `track-${t}`,
        name: `${track.name} ${t}`,
        ...(track.description ? { description: track.description } : {}),
        levels: track.levels.map((level, l) => ({
          id: `t${t}-l${l}`,
          title: `Level ${t}.${l} ${track.name}`.replace(/\s+/g, ' '),
          ...(level.alias ? { aliases: [`alias ${t}.${l}`] } : {}),
          ...(level.description ? { description: level.description } : {}),
          ...(level.note ? { note: level.note } : {}),
          axes: level.axes.map((name, a): [string, string] => [name, level.texts[a] as string]),
        })),
      })),
    };
    const [first, second] = data.tracks;
    if (first && second) {
      for (let i = 0; i < Math.min(first.levels.length, second.levels.length); i += 2) {
        const a = first.levels[i];
        const b = second.levels[i];
        if (a && b) {
          a.equivalent = b.id;
          b.equivalent = a.id;
        }
      }
    }
    return data;
  });
