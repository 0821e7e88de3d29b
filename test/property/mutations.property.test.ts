import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ladderInProcess } from '../helpers/cli.js';
import { shippedText } from '../helpers/ladders.js';
import { RUNS } from './arbitraries.js';

const original = Buffer.from(shippedText);
const lineCount = shippedText.split('\n').length;

/** The damage a hand-edited or half-transferred file suffers: a flipped byte, a lost or doubled line, a stray character. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(original.length - 1), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lineCount - 1) }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lineCount - 1) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(original.length), byte: fc.constantFrom(0x3a, 0x2d, 0x20, 0x09, 0x22, 0x27, 0x26, 0x2a, 0x21, 0x7b, 0x5b, 0x23, 0x7c, 0x3e, 0x0a, 0x00, 0xff) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Buffer, change: Mutation): Buffer {
  switch (change.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      const at = change.at % Math.max(1, copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << change.bit);
      return copy;
    }
    case 'insert': {
      const at = change.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([change.byte]), bytes.subarray(at)]);
    }
    default: {
      const lines = bytes.toString('latin1').split('\n');
      const at = change.line % lines.length;
      if (change.kind === 'delete') lines.splice(at, 1);
      else lines.splice(at, 0, lines[at] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

describe('a damaged ladder.yaml', () => {
  it('always ends in a valid ladder or a clean exit 3, never an uncaught exception', async () => {
    let cases = 0;
    const outcomes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (changes) => {
        const bytes = changes.reduce(apply, original);
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
