import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, pruneCache, readCacheAttachments, readCacheEntry, touchCache, writeCache } from '../../src/read/cache.js';

describe('the cache of checked ladders', () => {
  let root: string;
  let directory: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ladder-cache-unit-'));
    directory = join(root, 'ladder');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Entries written a second apart, oldest first. */
  const writeAged = (count: number, size = 10) =>
    Array.from({ length: count }, (_, i) => {
      const key = cacheKey(`entry ${i}`);
      writeCache(directory, key, 'x'.repeat(size));
      const time = new Date(Date.now() - (count - i) * 1000);
      utimesSync(join(directory, `${key}.json`), time, time);
      return key;
    });
  const kept = (keys: string[]) => keys.filter((key) => existsSync(join(directory, `${key}.json`)));

  it('gives the same digest for a value whatever its attachments, on writing and on reading', () => {
    const key = cacheKey('digest');
    const written = writeCache(directory, key, { a: 1 }, ['texts']);
    expect(writeCache(directory, cacheKey('other'), { a: 1 }, ['other texts'])).toBe(written);
    expect(readCacheEntry(directory, key)?.digest).toBe(written);
    expect(readCacheAttachments(directory, key)?.map(String)).toEqual(['texts']);
  });

  it('prunes the least recently written entries past its count, and only its own entries', () => {
    const keys = writeAged(5);
    writeFileSync(join(directory, 'notes.txt'), 'mine');
    symlinkSync(join(directory, 'notes.txt'), join(directory, `${cacheKey('a link')}.json`));
    pruneCache(directory, { unmeasured: 0, entries: 3, bytes: Infinity });
    expect(kept(keys)).toEqual(keys.slice(2));
    expect(readdirSync(directory)).toContain('notes.txt');
    expect(readdirSync(directory)).toContain(`${cacheKey('a link')}.json`);
  });

  it('keeps a cache of few entries whole, without measuring them', () => {
    const keys = writeAged(5, 1000);
    pruneCache(directory, { unmeasured: 5, entries: 1, bytes: 1 });
    expect(kept(keys)).toEqual(keys);
  });

  it('prunes past its bytes, and keeps entries touched since as new', () => {
    const keys = writeAged(4, 1000);
    touchCache(directory, [keys[0] as string]);
    const size = statSync(join(directory, `${keys[1]}.json`)).size;
    pruneCache(directory, { unmeasured: 0, entries: Infinity, bytes: 2 * size });
    expect(kept(keys)).toEqual([keys[0], keys[3]]);
  });
});
