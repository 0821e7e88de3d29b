import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readLadderSource } from './source.js';
import type { LadderSource } from './source.js';

/** The file of topics a framework of front-matter matrices shares (see markdown/shared-topics.ts). */
export const SHARED_TOPICS_FILE = 'generic.md';

/**
 * The file of topics a framework's disciplines share (`generic.md`), for Markdown read from a
 * file or a folder: beside the file, else in the folder above it (`frameworks/generic.md` over
 * `frameworks/engineering/backend.md`); for a folder, in the folder above (one in the folder is
 * read with the others). Only a regular file is read, never a link, and none is an answer when it
 * cannot be read: the ladder is then read without it.
 */
export function findSharedTopics(location: { path: string; display: string }, isFolder: boolean): LadderSource | undefined {
  const from = isFolder ? location : { path: dirname(location.path), display: dirname(location.display) };
  for (const up of isFolder ? ['..'] : ['.', '..']) {
    const path = resolve(from.path, up, SHARED_TOPICS_FILE);
    if (path === resolve(location.path)) continue;
    try {
      if (!lstatSync(path).isFile()) continue;
      return readLadderSource({ kind: 'path', path, display: join(from.display, up, SHARED_TOPICS_FILE), reason: 'command line' }, () => Buffer.alloc(0), true);
    } catch {
      continue;
    }
  }
  return undefined;
}
