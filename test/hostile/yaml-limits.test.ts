import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch } from './run.js';

/**
 * Every YAML file the tool reads has the ladder's alias limits, assessments included: a file of a
 * few KB that repeats an alias N × N times is refused at the alias that crosses the limit, instead
 * of growing to gigabytes in the packet or in --update.
 */
const work = scratch('yaml-limits');

/** An assessment whose `removed` list names one entry of N pieces of evidence N times: N × N once expanded. */
function aliasSquare(dir: string, n: number): string {
  expect(measure(dir, ['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', 'me.yaml']).status).toBe(0);
  const square = [
    'removed:',
    `  - &r { axis: Gone, expectation: Old, evidence: [&e { text: "${'evidence, repeated; '.repeat(5)}" }, ${Array.from({ length: n }, () => '*e').join(', ')}] }`,
    ...Array.from({ length: n }, () => '  - *r'),
  ].join('\n');
  const text = `${readFileSync(join(dir, 'me.yaml'), 'utf8')}${square}\n`;
  writeFileSync(join(dir, 'me.yaml'), text);
  return text;
}

describe('alias limits on assessments', () => {
  for (const args of [['--format', 'html'], ['--format', 'json'], ['--update']]) {
    it(`an alias square is refused by assess ${args.join(' ')}, and the file left as it was`, () => {
      const dir = work.folder(`square ${args.join(' ')}`);
      // Not scaled: the file is small at full size (the harm is in the expansion), and a smaller square stays under the limit.
      const text = aliasSquare(dir, 1500);
      const run = measure(dir, ['assess', 'me.yaml', ...args]);
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/me\.yaml:\d+:\d+: error: YAML: .*alias/);
      expect(readFileSync(join(dir, 'me.yaml'), 'utf8')).toBe(text);
      expectWithinBounds(work, `assess ${args.join(' ')} of a 1,500 × 1,500 alias square`, run, 2);
    });
  }
});
