import { createHash } from 'node:crypto';
import { ladderData } from '../model/model.js';
import type { Ladder } from '../model/model.js';

/**
 * A hash of the ladder's content (not its formatting): an assessment made against it records it.
 * On its own, apart from the assessment queries, because the HTML page bundles those and has no
 * node:crypto (the page is given the fingerprint the CLI computed).
 */
export function ladderFingerprint(ladder: Ladder): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(ladderData(ladder))).digest('hex').slice(0, 16)}`;
}
