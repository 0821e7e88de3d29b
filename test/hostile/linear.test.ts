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

describe('one long paragraph of would-be emphasis or email address', () => {
  /** A level whose one paragraph is `unit` repeated to about 240 KB (marked's inline lexer was quadratic in it). */
  const ladderOf = (paragraph: string) => `# Ladder\n\n## Engineer\n\n### Craft\n\n${paragraph}\n`;
  const repeated = (unit: string) => unit.repeat(Math.ceil(sized(240_000) / unit.length));
  const cases = [
    { name: '`_a` repeated', paragraph: repeated('_a') },
    { name: '`__a` repeated', paragraph: repeated('__a') },
    { name: '`*a` repeated', paragraph: repeated('*a') },
    { name: '`~a` repeated', paragraph: repeated('~a') },
    { name: 'the email autolink `a.a.a.…@b`', paragraph: `${repeated('a.')}a@b` },
  ];
  it.each(cases)('$name: import reads it whole, in time', ({ name, paragraph }) => {
    const run = measure(work.folder(name, { 'ladder.md': ladderOf(paragraph) }), ['import', 'ladder.md']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    // Every character is kept: the delimiters that make no emphasis, the address as text.
    const letters = (text: string) => text.replace(/[^a-z]/g, '').length;
    expect(letters(run.stdout)).toBeGreaterThanOrEqual(letters(paragraph));
    expectWithinBounds(work, `import of ${name} (${Math.round(paragraph.length / 1000)} KB)`, run, 2);
  });
});

describe('problems in every level, and ladders placed from their outline', () => {
  const LARGE = 2 * 1024 * 1024;
  const header = 'tracks:\n  - id: t\n    name: T\n    levels:\n';
  /** Past 2 MiB a file is read by js-yaml and its problems placed from its outline: a comment takes it there at any scale. */
  const padded = (text: string) => (text.length > LARGE ? text : `${text}# ${'x'.repeat(LARGE - text.length)}\n`);
  const levels = (count: number, level: (i: number) => string) => header + Array.from({ length: count }, (_, i) => level(i)).join('');
  const unknownKey = (i: number) => `    - {id: l${i}, title: L${i}, x: 1}\n`;
  const cases = [
    // 1.2 MB of one-line mappings: too many tokens for the parser that keeps positions (over 300 MiB), so placed from its outline too.
    { name: '30,000 levels each with an unknown key', text: levels(sized(30_000), unknownKey), errors: sized(30_000) },
    { name: '60,000 levels each with an unknown key, past 2 MiB', text: padded(levels(sized(60_000), unknownKey)), errors: sized(60_000) },
    { name: 'a valid ladder past 2 MiB', text: padded(levels(sized(40_000), (i) => `      - id: l${i}\n        title: L${i}\n        axes:\n          Craft: x\n`)), errors: 0 },
  ];
  it.each(cases)('$name: validate ends in time, every problem placed', ({ name, text, errors }) => {
    const run = measure(work.folder(name, { 'ladder.yaml': text }), ['validate']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(errors > 0 ? 3 : 0);
    expect(run.stderr.match(/^ladder\.yaml:\d+:\d+: error: unknown key `x` in a level/gm)?.length ?? 0).toBe(errors);
    expectWithinBounds(work, `validate of ${name}`, run, 5);
  });
});

describe('a table of levels of 32,000 rows', () => {
  const table = (header: string, row: (i: number) => string) => `# Ladder\n\n## Engineering\n\n${header}\n${Array.from({ length: sized(32_000) }, (_, i) => row(i)).join('\n')}\n`;
  const cases = [
    { name: 'a level per row', text: table('| Level | Craft | Impact |\n| --- | --- | --- |', (i) => `| Level ${i} | does craft ${i} | has impact ${i} |`), levels: sized(32_000) },
    { name: 'an axis per row', text: table('| | Junior Engineer | Senior Engineer |\n| --- | --- | --- |', (i) => `| Axis ${i} | does craft ${i} | has impact ${i} |`), levels: 2 },
  ];
  it.each(cases)('$name: import joins its levels to the track in time', ({ name, text, levels }) => {
    const run = measure(work.folder(name, { 'ladder.md': text }), ['import', 'ladder.md']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    expect(run.stdout.match(/^ {6}- id: /gm)?.length).toBe(levels);
    expectWithinBounds(work, `import of ${name} (${Math.round(text.length / 1000)} KB)`, run, 5);
  });
});
