import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { version } from '../../package.json';
import { SCHEMA_FINGERPRINT } from '../generated/schema-fingerprint.js';
import type { LadderData } from '../model/model.js';

/** Bump when the shape of a cache entry changes. */
const ENTRY_FORMAT = 1;

/** Entries kept before the least recently written are removed. */
const MAX_ENTRIES = 64;

/**
 * Where checked ladders are cached: `$XDG_CACHE_HOME/ladder`, else `~/.cache/ladder`; none when
 * LADDER_NO_CACHE is set (to anything but `0`) or there is no home to put it in. bin/ladder.js
 * repeats this rule for V8's code cache, before this bundle is loaded; change both together.
 */
export function cacheDirectory(env: Record<string, string | undefined>): string | undefined {
  if (env.LADDER_NO_CACHE && env.LADDER_NO_CACHE !== '0') return undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'ladder');
  return env.HOME ? join(env.HOME, '.cache', 'ladder') : undefined;
}

/** Content-addressed: the same text, read as the same format by the same version of ladder and schema, has the same key. */
export function cacheKey(text: string, format = 'yaml'): string {
  return createHash('sha256').update(`ladder ${version} ${SCHEMA_FINGERPRINT} ${ENTRY_FORMAT} ${format}\n`).update(text).digest('hex');
}

interface Entry {
  format: number;
  ladder: LadderData;
}

/** The cached data for `key`, or undefined when there is none or it cannot be read: a broken cache is never an error. */
export function readCache(directory: string, key: string): LadderData | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(directory, `${key}.json`), 'utf8')) as Entry;
    return entry.format === ENTRY_FORMAT && Array.isArray(entry.ladder?.tracks) ? entry.ladder : undefined;
  } catch {
    return undefined;
  }
}

/** Stores an entry atomically (a temporary file renamed into place); failures are ignored. */
export function writeCache(directory: string, key: string, ladder: LadderData): void {
  const temporary = join(directory, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, JSON.stringify({ format: ENTRY_FORMAT, ladder } satisfies Entry), { mode: 0o600 });
    renameSync(temporary, join(directory, `${key}.json`));
    prune(directory);
  } catch {
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing to clean up where nothing could be written.
  }
}

function prune(directory: string): void {
  const entries = readdirSync(directory).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, written: statSync(join(directory, name)).mtimeMs })).sort((a, b) => a.written - b.written);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES)) removeQuietly(join(directory, name));
}
