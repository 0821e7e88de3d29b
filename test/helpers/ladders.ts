import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLadderText } from '../../src/check/check.js';
import { buildLadder } from '../../src/model/model.js';
import type { Ladder } from '../../src/model/model.js';
import { root } from './cli.js';

export const shippedText = readFileSync(join(root, 'ladder.yaml'), 'utf8');

/** Checks ladder text the way every command does (without the cache) and builds the model. */
export function check(text: string, name = 'test.yaml') {
  const { data, diagnostics } = checkLadderText({ name, text });
  return { ladder: data ? buildLadder(data, name) : undefined, diagnostics };
}

export function shipped(): Ladder {
  const { ladder, diagnostics } = check(shippedText, 'ladder.yaml');
  if (!ladder) throw new Error(`the shipped ladder is invalid: ${JSON.stringify(diagnostics)}`);
  return ladder;
}

/** A two-track ladder small enough to read in a test; `extra` lines are appended to the last level. */
export function tiny(extra = ''): string {
  return `tracks:
  - id: ic
    name: Engineers
    levels:
      - id: junior
        title: Junior Engineer
        axes:
          Craft: writes code; asks for help
      - id: senior
        title: Senior Engineer
        equivalent: boss
        axes:
          Craft: writes good code; gives help
  - id: mgmt
    name: Managers
    levels:
      - id: boss
        title: Engineering Manager
        equivalent: senior
${extra}`;
}
