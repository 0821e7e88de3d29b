import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * Names must not lie: two titles that look the same cannot both be in a ladder (an invisible
 * character is refused, and shown escaped), and a qualified name never hides a level whose title
 * is exactly that name.
 */
const work = scratch('names');
const INVISIBLE = ['\u200b', '\u2060', '\ufeff'];

describe('names that look alike', () => {
  it('a title holding a zero-width space, a word joiner or a zero-width no-break space is refused, shown escaped', () => {
    const count = sized(10_000);
    const levels = Array.from({ length: count }, (_, i) => `      - { id: l${i}, title: "Senior${INVISIBLE[i % 3]} Engineer ${Math.floor(i / 3)}", axes: { Craft: x } }`);
    const dir = work.folder('invisible', { 'ladder.yaml': `tracks:\n  - id: t\n    name: T\n    levels:\n${levels.join('\n')}\n` });
    const run = measure(dir, ['validate']);
    expect(run.status).toBe(3);
    const errors = run.stderr.split('\n').filter((line) => line.includes('holds a control character or an invisible one'));
    expect(errors).toHaveLength(count);
    expect(errors[0]).toContain('"Senior\\u200b Engineer 0"');
    expect(errors[1]).toContain('"Senior\\u2060 Engineer 0"');
    expect(errors[2]).toContain('"Senior\\ufeff Engineer 0"');
    expect(run.stderr).not.toMatch(/[\u200b\u2060\ufeff]/);
    expectWithinBounds(work, 'validate of 10,000 titles with invisible characters', run, 3);
  });
});

describe('a title that reads as TRACK:LEVEL', () => {
  const ladder = (exact: boolean) =>
    `tracks:\n  - id: t\n    name: T\n    levels:\n      - { id: c, title: "${exact ? 'Backend: Senior' : 'Other'}", axes: { Craft: x } }\n  - id: backend\n    name: Backend\n    levels:\n      - { id: s, title: Senior, axes: { Craft: y } }\n`;

  it('is not hidden by the qualified name: both levels are listed', () => {
    const run = measure(work.folder('exact and qualified', { 'ladder.yaml': ladder(true) }), ['show', 'Backend: Senior']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('`Backend: Senior` matches 2 levels: one by that exact name, one as TRACK:LEVEL');
    expect(run.stderr).toMatch(/t:c\s+Backend: Senior\n\s+backend:s\s+Senior/);
  });

  it('still names its track where no level has that exact title', () => {
    const run = measure(work.folder('qualified only', { 'ladder.yaml': ladder(false) }), ['show', 'Backend: Senior', '--format', 'tsv']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('s\tCraft\t1\ty\n');
  });
});
