import { LadderError } from '../../src/errors.js';

/** The LadderError an action throws; fails the test if it throws nothing or something else. */
export function caughtLadderError(action: () => unknown): LadderError {
  try {
    action();
  } catch (error) {
    if (error instanceof LadderError) return error;
    throw error;
  }
  throw new Error('expected a LadderError');
}
