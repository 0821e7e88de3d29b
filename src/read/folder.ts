import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LadderError } from '../errors.js';
import { isDirectory, readLadderSource, sourceFormat } from './source.js';
import type { LadderSource, SourceLocation } from './source.js';

/** The files of a ladder kept as a folder: YAML and Markdown, by name; others (a schema copy, a README.txt) are not ladder files. */
const LADDER_FILE = /\.(ya?ml|md|markdown)$/i;

/** A ladder kept as several files, read as one: an organisation's disciplines, one file each. */
export interface LadderFolder {
  /** The folder as the user named it. */
  name: string;
  files: LadderSource[];
}

/** Every ladder file directly in the folder, in name order (hidden files left out), each read as a single file is. */
export function readLadderFolder(location: SourceLocation & { kind: 'path' }): LadderFolder {
  let names: string[];
  try {
    names = readdirSync(location.path).filter((name) => !name.startsWith('.') && LADDER_FILE.test(name)).sort();
  } catch (error) {
    throw new LadderError('file', `${location.display}: ${(error as Error).message}`);
  }
  const files = names
    .filter((name) => !isDirectory(join(location.path, name)))
    .map((name) => readLadderSource({ ...location, path: join(location.path, name), display: join(location.display, name) }, () => Buffer.alloc(0)));
  if (files.length === 0) throw new LadderError('file', `${location.display}: a folder with no ladder files (.yaml, .yml or .md) in it`, { hint: 'name a ladder file, or a folder that holds them' });
  return { name: location.display, files };
}

/**
 * How a folder's files are checked: each YAML file on its own, and the Markdown files together
 * (one file per level or per discipline is one Markdown ladder, as `import` reads it).
 */
export function partGroups(files: LadderSource[]): LadderSource[][] {
  const markdown = files.filter((file) => sourceFormat(file) === 'markdown');
  return [...files.filter((file) => sourceFormat(file) === 'yaml').map((file) => [file]), ...(markdown.length > 0 ? [markdown] : [])];
}
