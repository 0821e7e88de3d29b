import { describe, expect, it } from 'vitest';
import { hostileCases } from './cases.js';
import { expectWithinBounds, measure, scale, scratch } from './run.js';

/**
 * The standing adversarial suite: every hostile case ends in its exit code. `npm test` runs the
 * cases at a hundredth of their size; `npm run stress` (HOSTILE_SCALE=1) runs them at the sizes
 * the hostile-files issue measured and reports each one's time and peak memory against its bound.
 */
const work = scratch('hostile');

describe(`hostile files at ${scale === 1 ? 'full size' : `${scale} of full size`}`, () => {
  it.each(hostileCases(scale))('$name ends in exit $status', ({ name, files, args, terminal, status, seconds }) => {
    const outcome = measure(work.folder(name, files), args, { terminal });
    expect(outcome.status, name).toBe(status);
    expectWithinBounds(work, name, outcome, seconds);
  });
});
