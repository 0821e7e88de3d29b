import { cacheKey, placeKey, pruneCache, readCache, readCacheAttachments, readCacheEntry, touchCache, writeCache } from './cache.js';
import type { PlaceKey } from './cache.js';
import { withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { buildLadder } from '../model/model.js';
import type { Part } from '../check/merge.js';
import { partGroups, trackNameOf } from './folder.js';
import type { LadderFolder } from './folder.js';
import type { Checked, LoadOptions } from './load.js';
import type { LadderSource } from './source.js';
import { fromEntry, fromMergedEntry, fromStored, toEntry, toMergedEntry, toStored } from './stored-ladder.js';
import type { MergedEntry, StoredLadder } from './stored-ladder.js';
import { pushAll } from '../lists.js';

/** A part of the folder, checked: its entry's key, the digest of its names and places, and its file's stamp (see below). */
type CheckedPart = Part & { key: string; names?: string; stamp?: string };

/**
 * A folder's files checked as one ladder, through three kinds of cache entry (YAML folders only:
 * what the Markdown reader noticed is not cached):
 * - each file's syntax and schema check, under its content;
 * - a mark that the cross-references hold, under the names and places of every file: they are
 *   all the cross-reference checks read, so a file whose texts were edited is merged again, but
 *   the whole ladder's references are not checked again;
 * - the folder's merged ladder, under its path, with the folder's fingerprint and each file's
 *   stamp (size, inode, times of change): an unchanged folder answers from it and its files'
 *   entries without reading a file, and after an edit the unchanged files are found by their
 *   stamps without being read. Its texts stay in the files' entries.
 * Entries keep each track's level texts as one string (see stored-ladder.ts): only the levels a
 * command shows are ever parsed in full.
 */
export async function checkLadderFolder(folder: LadderFolder, options: LoadOptions): Promise<Checked> {
  const { cacheDirectory } = options;
  if (!cacheDirectory) return checkFolder(folder);
  if (!folder.allYaml) return checkMarkdownFolder(folder, cacheDirectory);
  const folderKey = placeKey('folder', folder.path);
  const known = readCache<MergedEntry>(cacheDirectory, folderKey);
  const unchanged = known?.fingerprint === folder.fingerprint ? cachedFolder(folder, cacheDirectory, known) : undefined;
  if (unchanged) return unchanged;
  try {
    return await checkFolder(folder, { directory: cacheDirectory, folderKey, known });
  } catch {
    // A cached check of the right format but the wrong shape (entries are hashed, so written so
    // on purpose): the files are checked again without the cache, which throws again if it is not that.
    return await checkFolder(folder);
  } finally {
    pruneCache(cacheDirectory);
  }
}

const built = (stored: StoredLadder, folder: LadderFolder): Checked => ({ ladder: buildLadder(fromStored(stored), folder.name), diagnostics: [] });

/**
 * A folder with Markdown in it is read as one Markdown ladder, so it is cached whole, under its
 * fingerprint: an unchanged folder answers without reading a file. (`validate` reads Markdown
 * afresh, for what the reader noticed, which is not cached.)
 */
async function checkMarkdownFolder(folder: LadderFolder, cacheDirectory: string): Promise<Checked> {
  const key = placeKey('markdown-folder', folder.path, folder.fingerprint);
  const known = readCache<StoredLadder>(cacheDirectory, key);
  if (known) {
    try {
      return built(known, folder);
    } catch {
      // An entry of the right format but the wrong shape: the files are read afresh.
    }
  }
  let stored: StoredLadder | undefined;
  const checked = await checkFolder(folder, undefined, (data) => (stored = data));
  if (stored) {
    writeCache(cacheDirectory, key, stored);
    pruneCache(cacheDirectory);
  }
  return checked;
}

/** The folder's ladder from its cache entry, when the entries it names are there. */
function cachedFolder(folder: LadderFolder, cacheDirectory: string, known: MergedEntry): Checked | undefined {
  try {
    const unchanged = fromMergedEntry(known, (part) => readCacheAttachments(cacheDirectory, part));
    return unchanged && built(unchanged, folder);
  } catch {
    // An entry of the right format but the wrong shape: the files are checked afresh.
    return undefined;
  }
}

/** Where a folder's checks are cached: the cache folder, the folder's own entry, and what that entry held. */
interface FolderCache {
  directory: string;
  folderKey: PlaceKey;
  known?: MergedEntry;
}

/** The folder's files checked, each from the cache where it is there, and the results cached. */
async function checkFolder(folder: LadderFolder, cache?: FolderCache, onMerged?: (data: StoredLadder) => void): Promise<Checked> {
  const cacheDirectory = cache?.directory;
  const read = <T>(key: string | undefined) => (cacheDirectory && key ? readCache<T>(cacheDirectory, key) : undefined);
  const write = (key: string, value: unknown) => cacheDirectory && writeCache(cacheDirectory, key, value);
  const check = await import('../check/check.js');
  await check.readyFor(folder.allYaml ? [] : folder.files);
  const diagnostics: Diagnostic[] = [];
  const readerWarnings: Diagnostic[] = folder.skipped.map((file) => ({ severity: 'warning', file, message: 'skipped: a page of this name holds no ladder' }));
  /** A part's check from the cache by its key, with the digest of its names and places. */
  const readPart = (key: string | undefined): { data: StoredLadder; names: string } | undefined => {
    const entry = cacheDirectory && key ? readCacheEntry<StoredLadder>(cacheDirectory, key) : undefined;
    return entry && { data: fromEntry(entry), names: entry.digest };
  };
  /** A group of files checked, or its check found in the cache by content. */
  const checkGroup = (files: LadderSource[]): { key: string; data?: StoredLadder; names?: string } => {
    const key = cacheKey(files.map((file) => `${file.name}\0${file.text}`).join('\0'), 'part');
    const cached = readPart(key);
    if (cached) return { key, ...cached };
    const result = check.checkPart(files, trackNameOf(folder.path), folder.sharedTopics);
    pushAll(diagnostics, result.diagnostics);
    pushAll(readerWarnings, result.readerWarnings ?? []);
    if (!result.data) return { key };
    const data = toStored(result.data);
    const { value, attachments } = toEntry(data);
    return { key, data, names: cacheDirectory ? writeCache(cacheDirectory, key, value, attachments) : undefined };
  };
  // The check of each file whose stamp is the one it had when the folder was last checked.
  const partByStamp = new Map(cache?.known?.stamps.map((stamp, i) => [stamp, cache.known?.parts[i]]));
  const parts = cacheDirectory
    ? folder.entries.map((entry) => {
        const known = partByStamp.get(entry.stamp);
        const cached = readPart(known);
        if (known && cached) return { key: known, ...cached, stamp: entry.stamp, get files() { return [entry.read()]; } };
        return { ...checkGroup([entry.read()]), stamp: entry.stamp, files: [entry.read()] };
      })
    : partGroups(folder.files).map((files) => ({ ...checkGroup(files), files }));
  if (diagnostics.length > 0) return { diagnostics: withExcerpts(diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };

  const checked = parts.filter((part): part is CheckedPart => part.data !== undefined);
  const names = checked.map((part) => part.names);
  const referencesKey = names.every((digest) => digest !== undefined) ? cacheKey(names.join('\n'), 'cross-references') : undefined;
  const referencesHold = read<true>(referencesKey) === true;
  const result = check.checkMerged(checked, folder.name, { references: !referencesHold });
  if (!result.data || !result.origins) return { diagnostics: withExcerpts(result.diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };
  if (cache) {
    if (referencesKey && !referencesHold) write(referencesKey, true);
    const partKeys = checked.map((part) => part.key);
    // The parts hold the texts of the folder's entry: they are kept at least as long as it is.
    touchCache(cache.directory, partKeys);
    const stamps = checked.map((part) => part.stamp ?? '');
    writeCache(cache.directory, cache.folderKey, toMergedEntry(result.data, result.origins, { fingerprint: folder.fingerprint, stamps, parts: partKeys }));
  }
  onMerged?.(result.data);
  // The files are read only to quote lines in warnings, when there are any.
  return { ...built(result.data, folder), readerWarnings: readerWarnings.length > 0 ? withExcerpts(readerWarnings, folder.files) : [] };
}
