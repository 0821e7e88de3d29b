import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file a test makes, and every tmux socket, goes into one folder made for the
 * run, removed when it ends: `npm test` leaves nothing behind. Each project of the run calls this;
 * the first makes the folder, and the name stays short, as socket paths must.
 */
export default function setup(): () => void {
  if (process.env.LADDER_TEST_TMPDIR) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lt-'));
  process.env.LADDER_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
  process.env.TMUX_TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
