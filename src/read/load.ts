import { cacheKey, readCache, readCacheAttachments, readCacheEntry, touchCache, writeCache } from './cache.js';
import type { CheckResult } from '../check/check.js';
import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { buildLadder } from '../model/model.js';
import type { Ladder } from '../model/model.js';
import type { Part } from '../check/merge.js';
import { partGroups } from './folder.js';
import type { LadderFolder } from './folder.js';
import { sourceFormat } from './source.js';
import type { LadderSource } from './source.js';
import { fromEntry, fromMergedEntry, fromStored, toEntry, toMergedEntry, toStored } from './stored-ladder.js';
import type { MergedEntry, StoredLadder } from './stored-ladder.js';

/** What a command reads: one ladder file, or a folder of them read as one ladder. */
export type LadderInput = LadderSource | LadderFolder;

export const isFolderInput = (input: LadderInput): input is LadderFolder => 'files' in input;

type Checked = { ladder?: Ladder; diagnostics: Diagnostic[]; readerWarnings?: Diagnostic[] };

export interface LoadOptions {
  /** Where checked ladders are cached; none means no cache. */
  cacheDirectory?: string;
}

/**
 * Checks ladder text, answering from the cache when this exact text has been checked before.
 * The parsers are only loaded on a cache miss, so a cached ladder starts without them.
 */
export async function checkLadderSource(input: LadderInput, options: LoadOptions = {}): Promise<Checked> {
  if (isFolderInput(input)) return checkLadderFolder(input, options);
  const source = input;
  const { cacheDirectory } = options;
  const key = cacheDirectory === undefined ? undefined : cacheKey(source.text, sourceFormat(source));
  const cached = cacheDirectory && key ? readCache(cacheDirectory, key) : undefined;
  if (cached) {
    try {
      return { ladder: buildLadder(cached, source.name), diagnostics: [] };
    } catch {
      // An entry of the right format but the wrong shape: check the text afresh.
    }
  }
  const { checkSource } = await import('../check/check.js');
  const result: CheckResult = checkSource(source);
  if (!result.data) return { diagnostics: withExcerpts(result.diagnostics, [source]) };
  if (cacheDirectory && key) writeCache(cacheDirectory, key, result.data);
  return { ladder: buildLadder(result.data, source.name), diagnostics: [], readerWarnings: result.readerWarnings && withExcerpts(result.readerWarnings, [source]) };
}

/**
 * A folder's files checked as one ladder, through three kinds of cache entry (YAML folders only:
 * what the Markdown reader noticed is not cached):
 * - each file's syntax and schema check, under its content, with a small entry that finds it by
 *   the file's stamp (size, inode, times of change), so an unchanged file is not even read;
 * - the merged, cross-checked ladder, under the keys of its files' checks: its names and places,
 *   its texts left in its files' entries;
 * - a small entry that finds that by the folder's fingerprint, so an unchanged folder answers
 *   from its entries alone.
 * Entries keep each track's level texts as one string (see stored-ladder.ts): only the levels a
 * command shows are ever parsed in full.
 */
async function checkLadderFolder(folder: LadderFolder, options: LoadOptions): Promise<Checked> {
  const cacheDirectory = folder.allYaml ? options.cacheDirectory : undefined;
  const read = <T>(key: string | undefined) => (cacheDirectory && key ? readCache<T>(cacheDirectory, key) : undefined);
  const write = (key: string, value: unknown) => cacheDirectory && writeCache(cacheDirectory, key, value);
  const readStored = (key: string | undefined) => {
    const entry = cacheDirectory && key ? readCacheEntry<StoredLadder>(cacheDirectory, key) : undefined;
    return entry && fromEntry(entry);
  };
  const writeStored = (key: string, stored: StoredLadder) => {
    const { value, attachments } = toEntry(stored);
    if (cacheDirectory) writeCache(cacheDirectory, key, value, attachments);
  };
  /** The merged ladder by its key, its texts from its parts' entries, or from the parts already read. */
  const readMerged = (key: string | undefined, parts?: Map<string, StoredLadder>) => {
    const entry = read<MergedEntry>(key);
    const textsOf = (part: string) => (parts ? parts.get(part)?.tracks.map((track) => track.texts) : cacheDirectory ? readCacheAttachments(cacheDirectory, part) : undefined);
    return entry && fromMergedEntry(entry, textsOf);
  };
  const built = (stored: StoredLadder): Checked => ({ ladder: buildLadder(fromStored(stored), folder.name), diagnostics: [] });

  const folderKey = cacheKey(folder.fingerprint, 'folder stamp');
  const known = read<{ ladder: string }>(folderKey);
  const unchanged = readMerged(known?.ladder);
  if (unchanged) return built(unchanged);

  const check = await import('../check/check.js');
  const diagnostics: Diagnostic[] = [];
  const readerWarnings: Diagnostic[] = [];
  /** A group of files checked, or its check found in the cache by content. */
  const checkGroup = (files: LadderSource[]): { key: string; data?: StoredLadder } => {
    const key = cacheKey(files.map((file) => `${file.name}\0${file.text}`).join('\0'), 'part');
    const cached = readStored(key);
    if (cached) return { key, data: cached };
    const result = check.checkPart(files);
    diagnostics.push(...result.diagnostics);
    readerWarnings.push(...(result.readerWarnings ?? []));
    const data = result.data && toStored(result.data);
    if (data) writeStored(key, data);
    return { key, data };
  };
  const parts = cacheDirectory
    ? folder.entries.map((entry) => {
        const stampKey = cacheKey(entry.stamp, 'file stamp');
        const byStamp = read<{ part: string }>(stampKey);
        const data = readStored(byStamp?.part);
        if (byStamp && data) return { key: byStamp.part, data, get files() { return [entry.read()]; } };
        const checked = checkGroup([entry.read()]);
        if (checked.data) write(stampKey, { part: checked.key });
        return { ...checked, files: [entry.read()] };
      })
    : partGroups(folder.files).map((files) => ({ ...checkGroup(files), files }));
  if (diagnostics.length > 0) return { diagnostics: withExcerpts(diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };

  const checked = parts.filter((part): part is Part & { key: string } => part.data !== undefined);
  const partKeys = checked.map((part) => part.key);
  const ladderKey = cacheKey(partKeys.join('\n'), 'folder');
  let merged = readMerged(ladderKey, new Map(checked.map((part) => [part.key, part.data])));
  if (!merged) {
    const result = check.checkMerged(checked, folder.name);
    if (!result.data || !result.origins) return { diagnostics: withExcerpts(result.diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };
    merged = result.data;
    if (cacheDirectory) {
      touchCache(cacheDirectory, partKeys);
      writeCache(cacheDirectory, ladderKey, toMergedEntry(merged, result.origins, partKeys));
    }
  }
  write(folderKey, { ladder: ladderKey });
  // The files are read only to quote lines in warnings, when there are any.
  return { ...built(merged), readerWarnings: readerWarnings.length > 0 ? withExcerpts(readerWarnings, folder.files) : [] };
}

/** Like `checkLadderSource`, but a ladder with errors is thrown as one `invalid` error carrying every problem. */
export async function loadLadder(source: LadderInput, options: LoadOptions = {}): Promise<Ladder> {
  const { ladder, diagnostics } = await checkLadderSource(source, options);
  if (!ladder) {
    const count = diagnostics.length;
    throw new LadderError('invalid', `${source.name}: not a valid ladder (${count} ${count === 1 ? 'problem' : 'problems'})`, { diagnostics });
  }
  return ladder;
}
