import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, renameSync, rmSync, lutimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import { SCHEMA_FINGERPRINT } from '../generated/schema-fingerprint.js';
import type { LadderData } from '../model/model.js';
import { claimCacheDirectory, readSmallRegularFile } from './cache-directory.js';

export { cacheDirectory } from './cache-directory.js';

/** Bump when the shape of a cache entry changes. */
const ENTRY_FORMAT = 4;

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

/** The only files the cache ever removes are its own entries, recognised by name. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

/** Content-addressed: the same text, read as the same format by the same version of ladder and schema, has the same key. */
export function cacheKey(text: string, format = 'yaml'): string {
  return createHash('sha256').update(`ladder ${version} ${SCHEMA_FINGERPRINT} ${ENTRY_FORMAT} ${format}\n`).update(text).digest('hex');
}

/**
 * An entry is a header line, `{"format":4,"sha256":"…","body":N,"attachments":[…]}`, then the
 * value as JSON (N bytes), then its attachments: texts kept apart from the value, so that reading
 * it does not parse them (a folder's level texts, read only for the levels shown). The hash covers
 * every byte after the header, so an entry that was damaged or edited by hand is never trusted:
 * it reads as a miss and is written again.
 */
function entryParts(value: unknown, attachments: (string | Buffer)[]): { parts: Buffer[]; digest: string } {
  const parts = [JSON.stringify(value), ...attachments].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part));
  const hash = createHash('sha256');
  // The value's own digest is the hash so far, taken before the attachments are added.
  const digest = hash.update(parts[0] as Buffer).copy().digest('hex');
  for (const part of parts.slice(1)) hash.update(part);
  const header = { format: ENTRY_FORMAT, sha256: hash.digest('hex'), body: parts[0]?.length ?? 0, attachments: parts.slice(1).map((part) => part.length) };
  return { parts: [Buffer.from(`${JSON.stringify(header)}\n`), ...parts], digest };
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A cache entry's value, and its attachments as bytes (checked with the rest of the entry). */
export interface CacheEntry<T> {
  value: T;
  attachments: Buffer[];
  /** A SHA-256 of the value's JSON: the same value, whatever its attachments, has the same digest. */
  digest: string;
}

/** An entry's bytes once its hash has been checked: the header, and every byte after it. */
function readVerified(directory: string, key: string): { body: number; lengths: number[]; rest: Buffer } | undefined {
  if (!claimCacheDirectory(directory)) return undefined;
  const bytes = readSmallRegularFile(join(directory, `${key}.json`), MAX_ENTRY_BYTES);
  if (!bytes) return undefined;
  try {
    const newline = bytes.indexOf(10);
    if (newline === -1) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format?: unknown; sha256?: unknown; body?: unknown; attachments?: unknown };
    const rest = bytes.subarray(newline + 1);
    const { body, attachments: lengths } = header;
    if (header.format !== ENTRY_FORMAT || header.sha256 !== sha256(rest) || typeof body !== 'number' || !Array.isArray(lengths) || !lengths.every((length) => typeof length === 'number')) return undefined;
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
export function readCacheEntry<T>(directory: string, key: string): CacheEntry<T> | undefined {
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
export function readCacheAttachments(directory: string, key: string): Buffer[] | undefined {
  const entry = readVerified(directory, key);
  return entry && attachmentsOf(entry);
}

/** The cached value for `key`, as readCacheEntry. */
export function readCache<T = LadderData>(directory: string, key: string): T | undefined {
  return readCacheEntry<T>(directory, key)?.value;
}

/**
 * Stores an entry (a checked ladder, or a small record that points at one) atomically, a temporary
 * file renamed into place, in ladder's own cache folder; failures are ignored. Returns the value's
 * digest, as readCacheEntry gives it.
 */
export function writeCache(directory: string, key: string, value: unknown, attachments: (string | Buffer)[] = []): string {
  const { parts, digest } = entryParts(value, attachments);
  if (!claimCacheDirectory(directory)) return digest;
  const temporary = join(directory, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // Written part by part: a folder's texts are megabytes that need not be copied into one buffer.
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writevAll(fd, parts);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(directory, `${key}.json`));
  } catch {
    removeQuietly(temporary);
  }
  return digest;
}

/**
 * Marks entries as just written, without rewriting them: an entry that names others (a folder's
 * ladder, whose texts stay in its files' entries) keeps them from being pruned before it.
 */
export function touchCache(directory: string, keys: string[]): void {
  if (!claimCacheDirectory(directory)) return;
  const now = new Date();
  for (const key of keys) {
    try {
      lutimesSync(join(directory, `${key}.json`), now, now);
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
