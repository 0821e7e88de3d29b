import { cacheKey, readCache, writeCache } from './cache.js';
import type { CheckResult } from '../check/check.js';
import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { buildLadder } from '../model/model.js';
import type { Ladder, LadderData } from '../model/model.js';
import { partGroups } from './folder.js';
import type { LadderFolder } from './folder.js';
import { sourceFormat } from './source.js';
import type { LadderSource } from './source.js';

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
 * A folder's files checked as one ladder. Each file's syntax and schema check is cached on its
 * own, so editing one file re-parses only that one; the merged, cross-checked ladder is cached too,
 * under a key made of its files' keys. A small entry keyed by the files' names, sizes and change
 * times points at it, so an unchanged folder answers without reading its files.
 */
async function checkLadderFolder(folder: LadderFolder, options: LoadOptions): Promise<Checked> {
  // What the Markdown reader noticed is not cached, so a folder with Markdown in it is read afresh.
  const cacheDirectory = folder.allYaml ? options.cacheDirectory : undefined;
  // Files unchanged since the last run (same names, sizes and change times) are not even read.
  const statKey = cacheDirectory && cacheKey(folder.fingerprint, 'folder files');
  const pointer = cacheDirectory && statKey ? readCache<{ folder: string }>(cacheDirectory, statKey) : undefined;
  const unchanged = cacheDirectory && pointer ? readCache(cacheDirectory, pointer.folder) : undefined;
  if (unchanged) return { ladder: buildLadder(unchanged, folder.name), diagnostics: [] };

  const groups = partGroups(folder.files);
  const keys = groups.map((files) => cacheKey(files.map((file) => `${file.name}\0${file.text}`).join('\0'), 'part'));
  const wholeKey = cacheKey(keys.join('\n'), 'folder');
  const remember = (data: LadderData) => {
    if (!cacheDirectory || !statKey) return;
    writeCache(cacheDirectory, wholeKey, data);
    writeCache(cacheDirectory, statKey, { folder: wholeKey });
  };
  const cachedWhole = cacheDirectory ? readCache(cacheDirectory, wholeKey) : undefined;
  if (cachedWhole) {
    if (cacheDirectory && statKey) writeCache(cacheDirectory, statKey, { folder: wholeKey });
    return { ladder: buildLadder(cachedWhole, folder.name), diagnostics: [] };
  }

  const check = await import('../check/check.js');
  const diagnostics: Diagnostic[] = [];
  const readerWarnings: Diagnostic[] = [];
  const parts = groups.map((files, g) => {
    const key = keys[g] as string;
    const cached = cacheDirectory ? readCache(cacheDirectory, key) : undefined;
    if (cached) return { files, data: cached };
    const result = check.checkPart(files);
    diagnostics.push(...result.diagnostics);
    readerWarnings.push(...(result.readerWarnings ?? []));
    if (result.data && cacheDirectory) writeCache(cacheDirectory, key, result.data);
    return { files, data: result.data };
  });
  const complete = parts.filter((part): part is { files: LadderSource[]; data: LadderData } => part.data !== undefined);
  if (diagnostics.length === 0) {
    const merged = check.checkMerged(complete, folder.name);
    diagnostics.push(...merged.diagnostics);
    if (merged.data) {
      remember(merged.data);
      return { ladder: buildLadder(merged.data, folder.name), diagnostics: [], readerWarnings: withExcerpts(readerWarnings, folder.files) };
    }
  }
  return { diagnostics: withExcerpts(diagnostics, folder.files), readerWarnings: withExcerpts(readerWarnings, folder.files) };
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
