import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * HTML in a Markdown ladder: a block ends where CommonMark ends it (an unclosed `<table>` at the
 * blank line), so nothing after it is swallowed, and an unclosed `<!--`, `<` or `<tr` costs one
 * pass over the block, not one per occurrence.
 */
const work = scratch('html-blocks');
const level = (title: string, text: string) => `## ${title}\n\n### Craft\n\n${text}\n`;

describe('an HTML block left open', () => {
  it('an unclosed <table> ends at the blank line: the levels after it are read', () => {
    const markdown = `# Ladder\n\n${level('Junior', 'writes code')}\n<table>\n<tr><td>left open\n\n${level('Senior', 'designs systems')}\n${level('Staff', 'sets direction')}`;
    const run = measure(work.folder('unclosed table', { 'ladder.md': markdown }), ['import', 'ladder.md']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('title: Senior');
    expect(run.stdout).toContain('title: Staff');
    expect(run.stdout).toContain('sets direction');
  });

  const block = (piece: string) => `# Ladder\n\n${level('Junior', 'writes code')}\n<div>\n${Array.from({ length: sized(40_000) }, () => piece).join('\n')}\n</div>\n\n${level('Senior', 'designs systems')}`;
  it.each([
    ['unclosed comments', '<!-- a b'],
    ['unclosed tags', '< a b c'],
    ['unclosed table rows', '<tr a b'],
  ])('a block of 40,000 %s is read in one pass', (name, piece) => {
    const run = measure(work.folder(name, { 'ladder.md': block(piece) }), ['import', 'ladder.md']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    expect(run.stdout).toContain('title: Senior');
    expectWithinBounds(work, `import of a block of 40,000 ${name}`, run, 2);
  });
});
