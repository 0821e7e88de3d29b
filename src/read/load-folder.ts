import { cacheKey, pruneCache, readCache, readCacheAttachments, readCacheEntry, touchCache, writeCache } from './cache.js';
import { withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { buildLadder } from '../model/model.js';
import type { Part } from '../check/merge.js';
import { partGroups } from './folder.js';
import type { LadderFolder } from './folder.js';
import type { Checked, LoadOptions } from './load.js';
import type { LadderSource } from './source.js';
import { fromEntry, fromMergedEntry, fromStored, toEntry, toMergedEntry, toStored } from './stored-ladder.js';
import type { MergedEntry, StoredLadder } from './stored-ladder.js';

/** A part of the folder, checked: its entry's key, and the digest of its names and places (see below). */
type CheckedPart = Part & { key: string; names?: string };

/**
 * A folder's files checked as one ladder, through four kinds of cache entry (YAML folders only:
 * what the Markdown reader noticed is not cached):
 * - each file's syntax and schema check, under its content, with a small entry that finds it by
 *   the file's stamp (size, inode, times of change), so an unchanged file is not even read;
 * - a mark that the cross-references hold, under the names and places of every file: they are
 *   all the cross-reference checks read, so a file whose texts were edited is merged again, but
 *   the whole ladder's references are not checked again;
 * - the merged ladder under the folder's fingerprint, its texts left in its files' entries, so an
 *   unchanged folder answers from its entries alone.
 * Entries keep each track's level texts as one string (see stored-ladder.ts): only the levels a
 * command shows are ever parsed in full.
 */
export async function checkLadderFolder(folder: LadderFolder, options: LoadOptions): Promise<Checked> {
  const cacheDirectory = folder.allYaml ? options.cacheDirectory : undefined;
  const folderKey = cacheKey(folder.fingerprint, 'folder stamp');
  if (!cacheDirectory) return checkFolder(folder, undefined, folderKey);
  const unchanged = cachedFolder(folder, cacheDirectory, folderKey);
  if (unchanged) return unchanged;
  try {
    return await checkFolder(folder, cacheDirectory, folderKey);
  } catch {
    // A cached check of the right format but the wrong shape (entries are hashed, so written so
    // on purpose): the files are checked again without the cache, which throws again if it is not that.
    return await checkFolder(folder, undefined, folderKey);
  } finally {
    pruneCache(cacheDirectory);
  }
}

const built = (stored: StoredLadder, folder: LadderFolder): Checked => ({ ladder: buildLadder(fromStored(stored), folder.name), diagnostics: [] });

/** The folder's ladder from the cache, when its fingerprint is known and the entries it names are there. */
function cachedFolder(folder: LadderFolder, cacheDirectory: string, folderKey: string): Checked | undefined {
  const known = readCache<MergedEntry>(cacheDirectory, folderKey);
  try {
    const unchanged = known && fromMergedEntry(known, (part) => readCacheAttachments(cacheDirectory, part));
    return unchanged && built(unchanged, folder);
  } catch {
    // An entry of the right format but the wrong shape: the files are checked afresh.
    return undefined;
  }
}

/** The folder's files checked, each from the cache where it is there, and the results cached. */
async function checkFolder(folder: LadderFolder, cacheDirectory: string | undefined, folderKey: string): Promise<Checked> {
  const read = <T>(key: string | undefined) => (cacheDirectory && key ? readCache<T>(cacheDirectory, key) : undefined);
  const write = (key: string, value: unknown) => cacheDirectory && writeCache(cacheDirectory, key, value);
  const check = await import('../check/check.js');
  await check.readyFor(folder.allYaml ? [] : folder.files);
  const diagnostics: Diagnostic[] = [];
  const readerWarnings: Diagnostic[] = [];
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
    const result = check.checkPart(files);
    diagnostics.push(...result.diagnostics);
    readerWarnings.push(...(result.readerWarnings ?? []));
    if (!result.data) return { key };
    const data = toStored(result.data);
    const { value, attachments } = toEntry(data);
    return { key, data, names: cacheDirectory ? writeCache(cacheDirectory, key, value, attachments) : undefined };
  };
  const parts = cacheDirectory
    ? folder.entries.map((entry) => {
        const stampKey = cacheKey(entry.stamp, 'file stamp');
        const byStamp = read<{ part: string }>(stampKey);
        const cached = readPart(byStamp?.part);
        if (byStamp && cached) return { key: byStamp.part, ...cached, get files() { return [entry.read()]; } };
        const checked = checkGroup([entry.read()]);
        if (checked.data) write(stampKey, { part: checked.key });
        return { ...checked, files: [entry.read()] };
      })
    : partGroups(folder.files).map((files) => ({ ...checkGroup(files), files }));
  if (diagnostics.length > 0) return { diagnostics: withExcerpts(diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };

  const checked = parts.filter((part): part is CheckedPart => part.data !== undefined);
  const names = checked.map((part) => part.names);
  const referencesKey = names.every((digest) => digest !== undefined) ? cacheKey(names.join('\n'), 'cross-references') : undefined;
  const referencesHold = read<true>(referencesKey) === true;
  const result = check.checkMerged(checked, folder.name, { references: !referencesHold });
  if (!result.data || !result.origins) return { diagnostics: withExcerpts(result.diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };
  if (cacheDirectory) {
    if (referencesKey && !referencesHold) write(referencesKey, true);
    const partKeys = checked.map((part) => part.key);
    // The parts hold the texts of the folder's entry: they are kept at least as long as it is.
    touchCache(cacheDirectory, partKeys);
    writeCache(cacheDirectory, folderKey, toMergedEntry(result.data, result.origins, partKeys));
  }
  // The files are read only to quote lines in warnings, when there are any.
  return { ...built(result.data, folder), readerWarnings: readerWarnings.length > 0 ? withExcerpts(readerWarnings, folder.files) : [] };
}
