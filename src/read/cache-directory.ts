import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { crc32 } from './crc32.js';

/**
 * Where ladder caches checked ladders and its own compiled code: `$XDG_CACHE_HOME/ladder`, else
 * `~/.cache/ladder`; none when LADDER_NO_CACHE is set (to anything but `0`), `--no-cache` is given,
 * or there is no home to put it in. bin/ladder.js calls this too (from its own small bundle),
 * before the main bundle is compiled.
 */
export function cacheDirectory(env: Record<string, string | undefined>, argv: readonly string[] = []): string | undefined {
  if ((env.LADDER_NO_CACHE && env.LADDER_NO_CACHE !== '0') || argv.includes('--no-cache')) return undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'ladder');
  return env.HOME ? join(env.HOME, '.cache', 'ladder') : undefined;
}

/** The cache folder's mark: the standard CACHEDIR.TAG signature, and a line that says the folder is ladder's. */
export const CACHE_TAG = 'CACHEDIR.TAG';
const SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';
const OWNER_LINE = '# This folder is the cache of `ladder` (checked ladders and compiled code). It can be deleted.';
const EARLIER_CACHE_FILE = /^(?:[0-9a-f]{64}\.json|\.[0-9a-f]{64}\.\d+\.[0-9a-f]{8}\.tmp|code|compile)$/;

/**
 * Whether `directory` is ladder's own cache, creating it (with its mark) when it does not exist.
 * A folder that exists without ladder's mark (a checkout called `ladder`, a folder of the user's)
 * is never read, written or cleaned, unless every file in it is named as ladder's cache files are
 * (a cache from before the mark); otherwise the cache is simply not used. Nor is a folder another
 * user owns or may write to (see isPrivateFolder), mark or no mark.
 */
export function claimCacheDirectory(directory: string): boolean {
  // Asked on every read and write of the cache; the folder's answer does not change within a run.
  const known = claims.get(directory);
  if (known !== undefined) return known;
  const claimed = claim(directory);
  claims.set(directory, claimed);
  return claimed;
}

const claims = new Map<string, boolean>();

function claim(directory: string): boolean {
  // Another user who could write here could plant entries, or compiled code that would run as this user.
  return claimByMark(directory) && isPrivateFolder(directory);
}

/**
 * Whether a folder is this user's alone, as ssh and git ask of their files: a real folder (not a
 * link), owned by this user, that neither group nor others may write. (Where there are no user
 * ids, on Windows, the file system's permissions are the only guard.)
 */
export function isPrivateFolder(path: string): boolean {
  const uid = process.getuid?.();
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
  } catch {
    return false;
  }
}

function claimByMark(directory: string): boolean {
  try {
    if (!statSync(directory, { throwIfNoEntry: false })) {
      mkdirSync(dirname(directory), { recursive: true, mode: 0o700 });
      mkdirSync(directory, { mode: 0o700 });
      writeFileSync(join(directory, CACHE_TAG), `${SIGNATURE}\n${OWNER_LINE}\n`, { mode: 0o600, flag: 'wx' });
      return true;
    }
    if (hasOwnerMark(join(directory, CACHE_TAG))) return true;
    // A cache written before the mark existed holds nothing but ladder's own files: it is adopted.
    if (!readdirSync(directory).every((name) => EARLIER_CACHE_FILE.test(name))) return false;
    writeFileSync(join(directory, CACHE_TAG), `${SIGNATURE}\n${OWNER_LINE}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch {
    // Created by another run at the same moment, or not creatable: trust only a mark that is there.
    return hasOwnerMark(join(directory, CACHE_TAG));
  }
}

function hasOwnerMark(tag: string): boolean {
  const text = readSmallRegularFile(tag, 4096);
  return text !== undefined && text.toString('utf8').split('\n').includes(OWNER_LINE);
}

/**
 * A file's bytes, if it is a regular file (not a link, a FIFO or a device) of at most `limit`
 * bytes; undefined otherwise. Opening never blocks and never follows a link.
 */
export function readSmallRegularFile(path: string, limit: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    // Not zeroed first: only the bytes read are returned.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * How long after its last change a file's stamp is trusted: longer than the coarsest timestamps a
 * file system keeps (FAT's 2 seconds; ext3, HFS+ and many network shares keep whole seconds).
 */
export const STAMP_SETTLE_NS = 2_000_000_000n;

/**
 * A file's path, size, inode and times of change: the same stamp means the same content, as git's
 * index and make assume. (An edit changes the time of change, which no tool can set back.)
 *
 * Not while the file is "racily clean", in git's words: a file changed less than STAMP_SETTLE_NS
 * before `readAt` (taken before its status and text are read) could be edited again, keeping its
 * size, within the same tick of a coarse clock, and keep its stamp. Such a file gets a stamp no
 * later read has (it names this read), so what is cached under it is never found by it: the next
 * run checks the file by its content, and records its true stamp once it has settled.
 */
export function fileStamp(path: string, stat: BigIntStats, readAt: bigint): string {
  const stamp = [path, stat.size, stat.ino, stat.mtimeNs, stat.ctimeNs].join('\0');
  const changed = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
  return changed + STAMP_SETTLE_NS <= readAt ? stamp : `${stamp}\0unsettled when read at ${readAt} by ${process.pid}`;
}

/** Now, in nanoseconds since the epoch, as file times are kept: what fileStamp compares them with. */
export const wallClockNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * A checksum that catches a damaged or hand-edited cache file, as hex: CRC-32, as zlib computes
 * it (and Node's own compile cache checks its files with). Never a key for text that someone
 * could write to collide on purpose: that is what cacheKey is for.
 */
export function checksum(...parts: (Buffer | string)[]): string {
  const sum = parts.reduce((value: number, part) => crc32(typeof part === 'string' ? Buffer.from(part, 'utf8') : part, value), 0);
  return sum.toString(16).padStart(8, '0');
}
