import { closeSync, lstatSync, openSync, readdirSync, renameSync, rmSync, lutimesSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';
import { join } from 'node:path';
import { version } from '../../package.json';
import { SCHEMA_FINGERPRINT } from '../generated/schema-fingerprint.js';
import type { LadderData } from '../model/model.js';
import { checksum, claimCacheDirectory, readSmallRegularFile } from './cache-directory.js';

export { cacheDirectory } from './cache-directory.js';

/** Bump when the shape of a cache entry changes. */
const ENTRY_FORMAT = 5;

/** node:crypto, loaded only by a run that hashes content: a run answered by stamps never does. */
const crypto = () => createRequire(import.meta.url)('node:crypto') as typeof Crypto;

/**
 * What the cache keeps before the least recently written entries are removed: enough entries for
 * a folder of thousands of files (one each), and a bound on the bytes they take. Up to
 * UNMEASURED_ENTRIES entries, the cache is kept whole without measuring each entry.
 */
const MAX_ENTRIES = 8192;
const MAX_BYTES = 256 * 1024 * 1024;
const UNMEASURED_ENTRIES = 256;

/** Larger entries are not read: a checked 16 MiB ladder takes far less. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** The only files the cache ever removes are its own entries, recognised by name: a content key, or a place's key (below). */
const ENTRY_NAME = /^(?:[0-9a-f]{64}|@[0-9a-f]{8,64})\.json$/;

/** The build's source fingerprint (tsup.config.ts); the sources run by the tests have none. */
declare const __LADDER_BUILD__: string | undefined;
const BUILD = typeof __LADDER_BUILD__ === 'string' ? __LADDER_BUILD__ : 'source';

const KEY_PREFIX = `ladder ${version} ${BUILD} ${SCHEMA_FINGERPRINT} ${ENTRY_FORMAT}`;

/** Content-addressed: the same text, read as the same format by the same build of ladder and schema, has the same key. */
export function cacheKey(text: string, format = 'yaml'): string {
  return crypto().createHash('sha256').update(`${KEY_PREFIX} ${format}\n`).update(text).digest('hex');
}

/**
 * Where a file or folder is, rather than what it holds, as a cache key: what it was found to hold
 * is recorded under it with its stamp (see fileStamp), so an unchanged file is answered without
 * its text being hashed. The entry names its place and stamp (`place`): a read for another place
 * (whose key collides) or of another stamp (the file was edited since) is a miss.
 */
export interface PlaceKey {
  key: string;
  place: string;
}

export function placeKey(kind: string, path: string, stamp = path): PlaceKey {
  return { key: `@${checksum(`${KEY_PREFIX} ${kind}\n${path}`)}`, place: `${KEY_PREFIX} ${kind}\n${stamp}` };
}

/**
 * An entry is a header line, `{"format":5,"checksum":"…","place":…,"body":N,"attachments":[…]}`,
 * then the value as JSON (N bytes), then its attachments: texts kept apart from the value, so that
 * reading it does not parse them (a folder's level texts, read only for the levels shown). The
 * checksum covers every byte after the header, so an entry that was damaged or edited by hand is
 * never trusted: it reads as a miss and is written again. `place` is there under a place's key.
 */
function entryParts(value: unknown, attachments: (string | Buffer)[], place: string | undefined): Buffer[] {
  const parts = [JSON.stringify(value), ...attachments].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part));
  const header = { format: ENTRY_FORMAT, checksum: checksum(...parts), place, body: parts[0]?.length ?? 0, attachments: parts.slice(1).map((part) => part.length) };
  return [Buffer.from(`${JSON.stringify(header)}\n`), ...parts];
}

function sha256(bytes: Buffer | string): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

/** A cache entry's value, and its attachments as bytes (checked with the rest of the entry). */
export interface CacheEntry<T> {
  value: T;
  attachments: Buffer[];
  /** A SHA-256 of the value's JSON: the same value, whatever its attachments, has the same digest. */
  digest: string;
}

/** A key as a content key (a string), or a place's key, whose entry must name that place. */
type EntryKey = string | PlaceKey;

const keyOf = (key: EntryKey) => (typeof key === 'string' ? key : key.key);

/** An entry's bytes once its checksum (and, under a place's key, its place) has been checked: the header, and every byte after it. */
function readVerified(directory: string, key: EntryKey): { body: number; lengths: number[]; rest: Buffer } | undefined {
  if (!claimCacheDirectory(directory)) return undefined;
  const bytes = readSmallRegularFile(join(directory, `${keyOf(key)}.json`), MAX_ENTRY_BYTES);
  if (!bytes) return undefined;
  try {
    const newline = bytes.indexOf(10);
    if (newline === -1) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format?: unknown; checksum?: unknown; place?: unknown; body?: unknown; attachments?: unknown };
    const rest = bytes.subarray(newline + 1);
    const { body, attachments: lengths } = header;
    if (header.format !== ENTRY_FORMAT || header.place !== (typeof key === 'string' ? undefined : key.place)) return undefined;
    if (header.checksum !== checksum(rest) || typeof body !== 'number' || !Array.isArray(lengths) || !lengths.every((length) => typeof length === 'number')) return undefined;
    return { body, lengths: lengths as number[], rest };
  } catch {
    return undefined;
  }
}

/** An entry's attachments, in order. */
function attachmentsOf({ body, lengths, rest }: { body: number; lengths: number[]; rest: Buffer }): Buffer[] {
  let start = body;
  return lengths.map((length) => rest.subarray(start, (start += length)));
}

/** The cached entry for `key`, or undefined when there is none or it cannot be trusted: a broken cache is never an error. */
export function readCacheEntry<T>(directory: string, key: EntryKey): CacheEntry<T> | undefined {
  const entry = readVerified(directory, key);
  if (!entry) return undefined;
  try {
    const json = entry.rest.subarray(0, entry.body);
    let digest: string | undefined;
    return {
      value: JSON.parse(json.toString('utf8')) as T,
      attachments: attachmentsOf(entry),
      // Made when asked for: only a folder's file checks are compared by it.
      get digest() {
        return (digest ??= sha256(json));
      },
    };
  } catch {
    return undefined;
  }
}

/** Only the attachments of the entry for `key`, checked as readCacheEntry checks them; its value is not parsed. */
export function readCacheAttachments(directory: string, key: EntryKey): Buffer[] | undefined {
  const entry = readVerified(directory, key);
  return entry && attachmentsOf(entry);
}

/** The cached value for `key`, as readCacheEntry. */
export function readCache<T = LadderData>(directory: string, key: EntryKey): T | undefined {
  return readCacheEntry<T>(directory, key)?.value;
}

/**
 * Stores an entry (a checked ladder, or a small record that points at one) atomically, a temporary
 * file renamed into place, in ladder's own cache folder; failures are ignored. Returns the value's
 * digest, as readCacheEntry gives it.
 */
export function writeCache(directory: string, key: EntryKey, value: unknown, attachments: (string | Buffer)[] = []): string {
  const parts = entryParts(value, attachments, typeof key === 'string' ? undefined : key.place);
  const digest = sha256(parts[1] as Buffer);
  if (!claimCacheDirectory(directory)) return digest;
  const name = keyOf(key);
  const temporary = join(directory, `.${name}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    // Written part by part: a folder's texts are megabytes that need not be copied into one buffer.
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writevAll(fd, parts);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(directory, `${name}.json`));
  } catch {
    removeQuietly(temporary);
  }
  return digest;
}

/**
 * Marks entries as just written, without rewriting them: an entry that names others (a folder's
 * ladder, whose texts stay in its files' entries) keeps them from being pruned before it.
 */
export function touchCache(directory: string, keys: EntryKey[]): void {
  if (!claimCacheDirectory(directory)) return;
  const now = new Date();
  for (const key of keys) {
    try {
      lutimesSync(join(directory, `${keyOf(key)}.json`), now, now);
    } catch {
      // An entry already gone is read as a miss.
    }
  }
}

function writevAll(fd: number, buffers: Buffer[]): void {
  for (const buffer of buffers) {
    for (let written = 0; written < buffer.length; ) written += writeSync(fd, buffer, written);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing to clean up where nothing could be written.
  }
}

/**
 * Keeps the newest entries within the limits, once a run has written what it writes (so that a
 * folder's entries, written and marked together, are kept together). Only files named as entries
 * are counted or removed, and never a link; failures are ignored.
 */
export function pruneCache(directory: string, limits = { unmeasured: UNMEASURED_ENTRIES, entries: MAX_ENTRIES, bytes: MAX_BYTES }): void {
  if (!claimCacheDirectory(directory)) return;
  try {
    const names = readdirSync(directory).filter((name) => ENTRY_NAME.test(name));
    if (names.length <= limits.unmeasured) return;
    const newestFirst = names
      .map((name) => ({ name, stat: lstatSync(join(directory, name)) }))
      .filter(({ stat }) => stat.isFile())
      .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
    let bytes = 0;
    newestFirst.forEach(({ name, stat }, index) => {
      bytes += stat.size;
      if (index >= limits.entries || bytes > limits.bytes) removeQuietly(join(directory, name));
    });
  } catch {
    // An entry removed by another run meanwhile: the next run prunes again.
  }
}
