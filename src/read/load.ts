import { cacheKey, placeKey, pruneCache, readCache, writeCache } from './cache.js';
import type { CheckResult } from '../check/check.js';
import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { buildLadder } from '../model/model.js';
import type { Ladder, LadderData } from '../model/model.js';
import { folderOfMarkdownFile, UNRESOLVED_IN_FOLDER } from './folder.js';
import type { LadderFolder } from './folder.js';
import { checkLadderFolder } from './load-folder.js';
import { findSharedTopics } from './shared-topics-file.js';
import { sourceFormat } from './source.js';
import type { LadderSource } from './source.js';

/** What a command reads: one ladder file, or a folder of them read as one ladder. */
export type LadderInput = LadderSource | LadderFolder;

export const isFolderInput = (input: LadderInput): input is LadderFolder => 'files' in input;

export type Checked = { ladder?: Ladder; diagnostics: Diagnostic[]; readerWarnings?: Diagnostic[] };

export interface LoadOptions {
  /** Where checked ladders are cached; none means no cache. */
  cacheDirectory?: string;
  /**
   * Read a Markdown file as if no folder held it: an equivalent naming a level its sibling files
   * hold is then an error (`validate` checks such a file with its folder instead).
   */
  alone?: boolean;
}

/**
 * Checks ladder text, answering from the cache when this exact text has been checked before: a
 * file by its stamp, without hashing its text, and any text by its content. The parsers are only
 * loaded on a cache miss, so a cached ladder starts without them.
 */
export async function checkLadderSource(input: LadderInput, options: LoadOptions = {}): Promise<Checked> {
  if (isFolderInput(input)) return checkLadderFolder(input, options);
  const source = input;
  const { cacheDirectory } = options;
  const format = sourceFormat(source);
  // One discipline's file of a Markdown organisation keeps the equivalents its sibling files resolve, with a warning naming the folder.
  const folder = format === 'markdown' && !options.alone && source.path !== undefined ? folderOfMarkdownFile(source.path, source.name) : undefined;
  // A front-matter matrix takes the topics it names from the shared file beside it: that file's stamp is part of the key.
  const shared = format === 'markdown' && source.path !== undefined ? findSharedTopics({ path: source.path, display: source.name }, false) : undefined;
  const kind = `${folder === undefined ? format : `${format} in a folder`}${shared ? ` with ${shared.stamp ?? shared.text}` : ''}`;
  const place = cacheDirectory && source.path !== undefined ? placeKey(kind, source.path, source.stamp) : undefined;
  const placed = cacheDirectory && place ? readCache(cacheDirectory, place) : undefined;
  const built = placed && buildCached(placed, source.name);
  if (built) return built;
  const key = cacheDirectory === undefined ? undefined : cacheKey(source.text, kind);
  const cached = cacheDirectory && key ? readCache(cacheDirectory, key) : undefined;
  const found = cached && buildCached(cached, source.name);
  if (found) {
    if (cacheDirectory && place) writeCache(cacheDirectory, place, cached);
    return found;
  }
  const { checkSource } = await import('../check/check.js');
  const result: CheckResult = await checkSource(source, folder, shared);
  if (!result.data) return { diagnostics: withExcerpts(result.diagnostics, [source]) };
  // A file read without the levels its sibling files hold says so each time it is read, so it is not cached.
  const unresolved = folder !== undefined && (result.readerWarnings ?? []).some((warning) => warning.rule === UNRESOLVED_IN_FOLDER);
  if (cacheDirectory && key && !unresolved) {
    writeCache(cacheDirectory, key, result.data);
    if (place) writeCache(cacheDirectory, place, result.data);
    pruneCache(cacheDirectory);
  }
  return { ladder: buildLadder(result.data, source.name), diagnostics: [], readerWarnings: result.readerWarnings && withExcerpts(result.readerWarnings, [source]) };
}

/** A cached ladder built, or none when the entry is of the right format but the wrong shape (then the text is checked afresh). */
function buildCached(data: LadderData, name: string): Checked | undefined {
  try {
    return { ladder: buildLadder(data, name), diagnostics: [] };
  } catch {
    return undefined;
  }
}

/** Like `checkLadderSource`, but a ladder with errors is thrown as one `invalid` error carrying every problem. */
export async function loadLadder(source: LadderInput, options: LoadOptions = {}): Promise<Ladder> {
  return ladderOf(source, await checkLadderSource(source, options));
}

/** The ladder checked, or its problems thrown as one `invalid` error. */
export function ladderOf(source: LadderInput, { ladder, diagnostics }: Checked): Ladder {
  if (!ladder) {
    const count = diagnostics.length;
    throw new LadderError('invalid', `${source.name}: not a valid ladder (${count} ${count === 1 ? 'problem' : 'problems'})`, { diagnostics });
  }
  return ladder;
}
