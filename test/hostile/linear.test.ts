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
