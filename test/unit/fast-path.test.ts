import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheck, fullCheck } from '../../src/check/check.js';
import { shippedText, tiny } from '../helpers/ladders.js';
import { applyMutation, mutationOf } from '../property/mutations.js';

describe('the fast path', () => {
  it('accepts the shipped ladder with the same result as the path that keeps positions', () => {
    const source = { name: 'ladder.yaml', text: shippedText };
    expect(fastCheck(source)).toEqual(fullCheck(source));
  });

  it.each([
    ['the shipped ladder', shippedText, 300],
    ['a small two-track ladder', tiny(), 50],
  ])('never accepts a mutation of %s that the positions path rejects or reads differently', (_, text, minimumAccepted) => {
    const original = Buffer.from(text);
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(mutationOf(original), { minLength: 1, maxLength: 3 }), (changes) => {
        const source = { name: 'mutated.yaml', text: changes.reduce(applyMutation, original).toString('utf8') };
        const fast = fastCheck(source);
        if (!fast) return;
        accepted += 1;
        expect(fullCheck(source), source.text).toEqual(fast);
      }),
      // A fixed seed: every run compares the same thousand files.
      { numRuns: 1000, seed: 1 },
    );
    // Enough mutations stay valid for the comparison to mean something.
    expect(accepted).toBeGreaterThanOrEqual(minimumAccepted);
  });

  it('leaves anchors, aliases and tags to the parser that limits alias expansion', () => {
    expect(fastCheck({ name: 'x.yaml', text: `${shippedText}\nx: &a [1]\n` })).toBeUndefined();
    expect(fastCheck({ name: 'x.yaml', text: shippedText.replace('name: Operations', 'name: !!str Operations') })).toBeUndefined();
  });
});
