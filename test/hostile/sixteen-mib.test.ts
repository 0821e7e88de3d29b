import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * Valid ladders of the largest size a file may have (16 MiB) made of one thing repeated: list
 * items under one axis, keys that carry anchors (which send a file to the parser that limits
 * aliases), one flow mapping of over a million axes. Each is read whole, or refused as it is read
 * where it passes a limit SECURITY.md sets (100,000 lines of Markdown, 1,000 anchors, 1,000,000
 * entries in one mapping), within 5 seconds of CPU and 300 MiB.
 */
const work = scratch('sixteen-mib');
const SIZE = sized(16 * 1024 * 1024 - 1024);

/** `head`, then `unit(0)`, `unit(1)`… for as long as the text stays under SIZE, then `tail`. */
function filled(head: string, unit: (i: number) => string, tail = ''): { text: string; units: number } {
  const parts = [head];
  let length = head.length + tail.length;
  let units = 0;
  for (let next = unit(0); length + next.length <= SIZE; next = unit(units)) {
    parts.push(next);
    length += next.length;
    units += 1;
  }
  parts.push(tail);
  return { text: parts.join(''), units };
}

const level = 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: Only\n        axes:';
const yamlList = filled(`${level}\n          Craft:\n`, (i) => `            - does thing number ${i} well\n`);
const markdownList = filled('# Ladder\n\n## Only\n\n**Equivalent**: n/a\n\n### Craft\n\n', (i) => `- does thing number ${i} well\n`);
const anchoredKeys = filled(`${level}\n`, (i) => `          &a${i} Axis ${i}: text ${i}\n`);
const flowMapping = filled(`${level} {`, (i) => `A${i}: x, `, 'Z: x}\n');

describe('16 MiB of one thing repeated', () => {
  const cases = [
    { name: '16 MiB of list items under one axis (YAML)', file: 'ladder.yaml', input: yamlList, args: ['validate'], seconds: 5 },
    // Past 100,000 lines a Markdown file is refused before it is lexed.
    { name: '16 MiB of list items under one axis (Markdown), imported', file: 'ladder.md', input: markdownList, args: ['import', 'ladder.md'], seconds: 5, status: markdownList.text.split('\n').length - 1 > 100_000 ? 3 : 0, refusal: /^ladder\.md:100001:1: error: the file has more than 100,000 lines/m },
    // Past 1,000 anchors, or 1,000,000 entries in one mapping, a ladder is refused as it is read.
    { name: '16 MiB of axes whose keys carry anchors', file: 'ladder.yaml', input: anchoredKeys, args: ['validate'], seconds: 5, status: anchoredKeys.units > 1000 ? 3 : 0, refusal: /^ladder\.yaml:1008:11: error: YAML: the document defines more than 1,000 anchors/m },
    { name: 'one flow mapping of 1.4 million axes', file: 'ladder.yaml', input: flowMapping, args: ['validate'], seconds: 5, status: flowMapping.units * 2 > 1_000_000 ? 3 : 0, refusal: /^ladder\.yaml:7:\d+: error: YAML: a mapping or list here holds more than 1,000,000 keys, values and items/m },
  ];
  it.each(cases)('$name: read whole or refused, within its bound', ({ name, file, input, args, seconds, status = 0, refusal }) => {
    const run = measure(work.folder(name, { [file]: input.text }), args);
    expect(run.status, run.stderr.slice(0, 500)).toBe(status);
    if (status === 3) expect(run.stderr).toMatch(refusal as RegExp);
    if (args[0] === 'import' && status === 0) expect(run.stdout.match(/^ {12}- does thing number \d+ well$/gm)?.length).toBe(input.units);
    expectWithinBounds(work, `${args[0]} of ${name} (${(input.text.length / 1024 / 1024).toFixed(2)} MiB, ${input.units.toLocaleString('en')} units)`, run, seconds);
  });
});
