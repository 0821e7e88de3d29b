import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import { SCHEMA_FINGERPRINT } from '../generated/schema-fingerprint.js';
import type { LadderData } from '../model/model.js';
import { claimCacheDirectory, readSmallRegularFile } from './cache-directory.js';

export { cacheDirectory } from './cache-directory.js';

/** Bump when the shape of a cache entry changes. */
const ENTRY_FORMAT = 2;

/** Entries kept before the least recently written are removed. */
const MAX_ENTRIES = 256;

/** Larger entries are not read: a checked 16 MiB ladder takes far less. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** The only files the cache ever removes are its own entries, recognised by name. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

/** Content-addressed: the same text, read as the same format by the same version of ladder and schema, has the same key. */
export function cacheKey(text: string, format = 'yaml'): string {
  return createHash('sha256').update(`ladder ${version} ${SCHEMA_FINGERPRINT} ${ENTRY_FORMAT} ${format}\n`).update(text).digest('hex');
}

/**
 * An entry is a header line, `{"format":2,"sha256":"…"}`, then the checked ladder as JSON. The
 * hash covers the ladder's bytes, so an entry that was damaged or edited by hand is never trusted:
 * it reads as a miss and is written again.
 */
function entryText(value: unknown): string {
  const body = JSON.stringify(value);
  return `${JSON.stringify({ format: ENTRY_FORMAT, sha256: sha256(body) })}\n${body}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cached data for `key`, or undefined when there is none or it cannot be trusted: a broken cache is never an error. */
export function readCache<T = LadderData>(directory: string, key: string): T | undefined {
  if (!claimCacheDirectory(directory)) return undefined;
  const bytes = readSmallRegularFile(join(directory, `${key}.json`), MAX_ENTRY_BYTES);
  if (!bytes) return undefined;
  try {
    const text = bytes.toString('utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; sha256?: unknown };
    const body = text.slice(newline + 1);
    if (newline === -1 || header.format !== ENTRY_FORMAT || header.sha256 !== sha256(body)) return undefined;
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

/** Stores an entry (a checked ladder, or a small record that points at one) atomically, a temporary file renamed into place, in ladder's own cache folder; failures are ignored. */
export function writeCache(directory: string, key: string, value: unknown): void {
  if (!claimCacheDirectory(directory)) return;
  const temporary = join(directory, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, entryText(value), { mode: 0o600, flag: 'wx' });
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

/** Keeps the newest entries; only files named as entries are counted or removed, and never a link. */
function prune(directory: string): void {
  const entries = readdirSync(directory).filter((name) => ENTRY_NAME.test(name));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries
    .map((name) => ({ name, stat: lstatSync(join(directory, name)) }))
    .filter(({ stat }) => stat.isFile())
    .sort((a, b) => a.stat.mtimeMs - b.stat.mtimeMs);
  for (const { name } of byAge.slice(0, byAge.length - MAX_ENTRIES)) removeQuietly(join(directory, name));
}
