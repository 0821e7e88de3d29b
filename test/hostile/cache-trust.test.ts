import { chmodSync, chownSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/read/cache-directory.js';
import { measure, scratch } from './run.js';

/**
 * Code must never run from data: a cache folder another local user could write to (one they
 * created first under a shared XDG_CACHE_HOME, a shared CI cache) is not used at all, so neither a
 * forged checked ladder (whose checksum is its own, so it verifies) nor planted compiled code is read.
 */
const work = scratch('cache-trust');
const mini = (title: string) => `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: ${title}\n        axes:\n          Craft: one; two\n`;

/** Rewrites every checked-ladder entry as an attacker would: new content, and a checksum and length that match it. */
function forgeEntries(folder: string): number {
  const names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  for (const name of names) {
    const bytes = readFileSync(join(folder, name), 'utf8');
    const newline = bytes.indexOf('\n');
    const header = JSON.parse(bytes.slice(0, newline)) as { checksum: string; body: number };
    const rest = bytes.slice(newline + 1).replace(/Real Title/g, 'Forged Title');
    header.body += Buffer.byteLength(rest) - Buffer.byteLength(bytes.slice(newline + 1));
    header.checksum = checksum(rest);
    writeFileSync(join(folder, name), `${JSON.stringify(header)}\n${rest}`);
  }
  return names.length;
}

describe('a cache folder someone else could write to', () => {
  const cases: [string, (folder: string) => void][] = [
    ['writable by its group', (folder) => chmodSync(folder, 0o770)],
    ['writable by anyone', (folder) => chmodSync(folder, 0o777)],
    ...(process.getuid?.() === 0 ? [['owned by another user', (folder: string) => chownSync(folder, 65534, 65534)] as [string, (folder: string) => void]] : []),
  ];
  it.each(cases)('is not used when it is %s: a forged entry is never read, nothing is written there', (how, loosen) => {
    const dir = work.folder(`trust ${how}`, { 'ladder.yaml': mini('Real Title') });
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), LADDER_NO_CACHE: '' };
    expect(measure(dir, ['show', 'only'], { env }).stdout).toContain('Real Title');
    const folder = join(dir, 'cache', 'ladder');
    // One entry found by the file's text, one by its path and stamp.
    expect(forgeEntries(folder)).toBe(2);
    // While the folder is the user's alone, what is in it is theirs: the forged entry is used, as any entry they wrote would be.
    expect(measure(dir, ['show', 'only'], { env }).stdout).toContain('Forged Title');
    loosen(folder);
    const before = readdirSync(folder, { recursive: true }).sort();
    const run = measure(dir, ['show', 'only'], { env });
    expect(run.stdout).toContain('Real Title');
    expect(run.stdout).not.toContain('Forged');
    writeFileSync(join(dir, 'ladder.yaml'), mini('Real Title, edited'));
    expect(measure(dir, ['show', 'only'], { env }).status).toBe(0);
    expect(readdirSync(folder, { recursive: true }).sort()).toEqual(before);
  });
});
