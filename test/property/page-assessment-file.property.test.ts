import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { RATINGS } from '../../src/model/assessment.js';
import type { Assessment } from '../../src/model/assessment.js';
import { assessmentFile, readAssessmentText } from '../../src/page/assessment-file.js';
import { readBlockYaml } from '../../src/page/block-yaml.js';
import { assessmentYaml } from '../../src/write/assessment-yaml.js';
import { RUNS } from './arbitraries.js';

// Text that tries every way a scalar is written: YAML's indicators, quotes, escapes, line breaks,
// white space at either end, words of other types (`null`, `true`, `12`), non-ASCII.
const PIECE = fc.constantFrom('a', 'word', ' ', '  ', '\t', '\n', '\n\n', '\r', ':', ': ', ' #', '#', '"', "'", '\\', '- ', '-', '? ', '|', '>', '&', '*', '!', '[', ']', '{', '}', ',', '%', '@', '`', '~', 'null', 'true', 'no', '12', '0x1F', '.inf', '2026-03-14', 'é', '日本', '\u2028', '\u0085', '\u00a0', '\ufeff', '\u0007', '😀');
const text = fc.array(PIECE, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));
const long = fc.array(fc.constantFrom('ships', 'reliable', 'systems', 'across', 'teams', 'and'), { minLength: 20, maxLength: 40 }).map((words) => words.join(' '));
const nonEmpty = fc.oneof(text, long).filter((value) => value.trim() !== '');
const evidence = fc.record({ text: nonEmpty, link: fc.option(fc.constantFrom('https://example.com/a#b', 'http://example.com/x?y=1'), { nil: undefined }), date: fc.option(fc.constant('2026-03-14'), { nil: undefined }) }, { requiredKeys: ['text'] });
const expectation = fc.record(
  { axis: nonEmpty, expectation: nonEmpty, new: fc.boolean(), changed: fc.constant(true), rating: fc.constantFrom(...RATINGS, null), evidence: fc.array(evidence, { maxLength: 3 }) },
  { requiredKeys: ['axis', 'expectation', 'rating', 'evidence'] },
);
const assessment: fc.Arbitrary<Assessment> = fc.record(
  {
    ladder: fc.record({ file: nonEmpty, fingerprint: fc.constant('sha256:0c988b346ca2cbc5') }),
    name: fc.option(text, { nil: null }),
    date: fc.option(fc.constant('2026-03-31'), { nil: null }),
    reviewer: fc.option(text, { nil: null }),
    level: nonEmpty,
    target: nonEmpty,
    expectations: fc.array(expectation, { maxLength: 4 }),
    removed: fc.array(expectation, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['ladder', 'level', 'target', 'expectations'] },
);

describe('the page’s reader of assessment files', () => {
  it('reads every file the CLI writes as js-yaml does', () => {
    fc.assert(
      fc.property(assessment, (value) => {
        const file = assessmentYaml(value);
        expect(readBlockYaml(file)).toEqual(load(file, { schema: CORE_SCHEMA }));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back every file the page writes, losing nothing', () => {
    fc.assert(
      fc.property(assessment, (value) => {
        const file = assessmentFile(value);
        expect(readBlockYaml(file)).toEqual(load(file, { schema: CORE_SCHEMA }));
        expect(readAssessmentText(file)).toEqual({ assessment: value });
      }),
      { numRuns: RUNS },
    );
  });
});
