import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * Linear, as SECURITY.md promises: inputs under the size limit that made a step cubic or
 * quadratic (ids for thousands of levels or tracks sharing a title) end within the stated bounds.
 */
const work = scratch('linear');

describe('ids of levels that share a title', () => {
  const cases = [
    // Titles must be unique, so this one is refused; the ids are made before that is found.
    { name: '10,000 headings `## a` on one track', status: 3, files: { 'ladder.md': `# Ladder\n\n${Array.from({ length: sized(10_000) }, () => '## a\n\n### Craft\n\nx\n').join('\n')}` } },
    { name: '8,000 tracks whose levels want the same id', status: 0, files: { 'ladder.md': `# Ladder\n\n${Array.from({ length: sized(8_000) }, (_, i) => `## Track ${i}\n\n### Senior Engineer\n\n#### Craft\n\nx\n`).join('\n')}` } },
  ];
  it.each(cases)('$name: import ends in exit $status, in time', ({ name, files, status }) => {
    const run = measure(work.folder(name, files), ['import', 'ladder.md']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(status);
    expectWithinBounds(work, `import of ${name}`, run, 5);
  });
});

describe('edit distance on long names', () => {
  const long = (seed: string) => `${seed}${'an axis name that goes on '.repeat(Math.ceil(sized(300_000) / 26))}`;
  it('two near-identical axis names of 300 KB, and a misspelt level of that length, end in time', () => {
    const a = long('Craft ');
    const b = long('Kraft ');
    const dir = work.folder('long names', {
      'ladder.yaml': `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: one\n        title: One\n        axes: { ${JSON.stringify(a)}: x }\n      - id: two\n        title: Two\n        axes: { ${JSON.stringify(b)}: y }\n`,
    });
    const validate = measure(dir, ['validate']);
    expect(validate.status).toBe(0);
    // An argument may be at most 128 KiB long.
    const show = measure(dir, ['show', a.slice(0, 100_000)]);
    expect(show.status).toBe(1);
    expectWithinBounds(work, 'validate of two 300 KB axis names', validate, 2);
    expectWithinBounds(work, 'show of a misspelt 100 KB name', show, 2);
  });
});
