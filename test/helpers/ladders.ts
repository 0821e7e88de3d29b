import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLadderText, loadLadder } from '../../src/ladder/load.js';
import type { Ladder } from '../../src/ladder/model.js';
import { root } from './cli.js';

export const shippedText = readFileSync(join(root, 'ladder.yaml'), 'utf8');

export function shipped(): Ladder {
  return loadLadder({ name: 'ladder.yaml', text: shippedText });
}

export function check(text: string) {
  return checkLadderText({ name: 'test.yaml', text });
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
