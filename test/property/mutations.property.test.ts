import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ladderInProcess } from '../helpers/cli.js';
import { shippedText } from '../helpers/ladders.js';
import { RUNS } from './arbitraries.js';
import { applyMutation, mutationOf } from './mutations.js';

const original = Buffer.from(shippedText);
const mutation = mutationOf(original);

describe('a damaged ladder.yaml', () => {
  it('always ends in a valid ladder or a clean exit 3, never an uncaught exception', async () => {
    let cases = 0;
    const outcomes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (changes) => {
        const bytes = changes.reduce(applyMutation, original);
        for (const args of [['validate'], ['show', 'lead', '--json']]) {
          const { stdout, stderr, status } = await ladderInProcess(['-f', '-', ...args], { stdinBytes: bytes });
          cases += 1;
          outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
          expect(stderr).not.toMatch(/internal error|\n\s+at /);
          // 1: the damage renamed `lead`; 3: the file is no longer a valid ladder.
          expect([0, 1, 3]).toContain(status);
          if (status === 3) expect(stderr).toMatch(/^(<stdin>:\d+:\d+: error: |ladder: error: <stdin>: )/);
          if (status === 0 && args[0] === 'show') expect(JSON.parse(stdout).id).toBe('lead');
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.FUZZ_RUNS) console.log(`mutation fuzz: ${cases} runs of the CLI; exit codes ${JSON.stringify(Object.fromEntries(outcomes))}; uncaught exceptions: 0`);
  });
});
