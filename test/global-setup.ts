import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file a test makes, and every tmux socket, goes into one folder made for the
 * run, removed when it ends: `npm test` leaves nothing behind.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-tests-'));
  process.env.TMPDIR = dir;
  process.env.TMUX_TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
