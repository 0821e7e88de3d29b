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
    // Each accepted mutation is read again by the parser that keeps positions: on a loaded machine that takes a while.
  }, 120_000);

  it('reports problems of cross-references alone as the positions path does, once, where the outline places them exactly', () => {
    const dangling = { name: 'x.yaml', text: shippedText.replace('equivalent: manager', 'equivalent: manger').replace('equivalent: director', 'equivalent: "nobody" # gone') };
    const fast = fastCheck(dangling);
    expect(fast?.diagnostics.map((problem) => problem.message)).toEqual(['equivalent `manger` is not a level id', 'equivalent `nobody` is not a level id']);
    expect(fast).toEqual(fullCheck(dangling));
    // In a flow mapping the outline knows only the line's key: the positions path places it.
    const flow = { name: 'x.yaml', text: 'tracks:\n  - id: ic\n    name: Engineers\n    levels:\n      - { id: senior, title: Senior, equivalent: bos, axes: { Craft: x } }\n  - id: mgmt\n    name: Managers\n    levels:\n      - { id: boss, title: Boss, axes: { Craft: y } }\n' };
    expect(fastCheck(flow)).toBeUndefined();
    expect(fullCheck(flow).diagnostics.map((problem) => problem.message)).toEqual(['equivalent `bos` is not a level id']);
  });

  it('leaves anchors, aliases and tags to the parser that limits alias expansion', () => {
    expect(fastCheck({ name: 'x.yaml', text: `${shippedText}\nx: &a [1]\n` })).toBeUndefined();
    expect(fastCheck({ name: 'x.yaml', text: shippedText.replace('name: Operations', 'name: !!str Operations') })).toBeUndefined();
  });
});
