import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LadderError } from '../errors.js';
import { readLadderSource, sourceFormat } from './source.js';
import type { LadderSource, SourceLocation } from './source.js';

/** The files of a ladder kept as a folder: YAML and Markdown, by name; others (a schema copy, a README.txt) are not ladder files. */
const LADDER_FILE = /\.(ya?ml|md|markdown)$/i;

/** A ladder kept as several files, read as one: an organisation's disciplines, one file each. */
export interface LadderFolder {
  /** The folder as the user named it. */
  name: string;
  /**
   * The folder's path, and each ladder file's name, size, inode and times of change: the same
   * fingerprint means the same files, so a cached folder answers without reading them.
   */
  fingerprint: string;
  /** Whether every file is YAML (the Markdown reader's warnings are not cached). */
  allYaml: boolean;
  /** The files, read (each as a single file is) when first asked for. */
  readonly files: LadderSource[];
}

/** Every ladder file directly in the folder, in name order (hidden files left out). */
export function readLadderFolder(location: SourceLocation & { kind: 'path' }): LadderFolder {
  let names: string[];
  try {
    names = readdirSync(location.path).filter((name) => !name.startsWith('.') && LADDER_FILE.test(name)).sort();
  } catch (error) {
    throw new LadderError('file', `${location.display}: ${(error as Error).message}`);
  }
  const stats = names.map((name) => ({ name, stat: statOf(join(location.path, name)) })).filter(({ stat }) => !stat?.isDirectory());
  if (stats.length === 0) throw new LadderError('file', `${location.display}: a folder with no ladder files (.yaml, .yml or .md) in it`, { hint: 'name a ladder file, or a folder that holds them' });
  const fingerprint = [location.path, ...stats.map(({ name, stat }) => (stat ? [name, stat.size, stat.ino, stat.mtimeNs, stat.ctimeNs].join('\0') : name))].join('\n');
  let files: LadderSource[] | undefined;
  return {
    name: location.display,
    fingerprint,
    allYaml: stats.every(({ name }) => /\.ya?ml$/i.test(name)),
    get files() {
      return (files ??= stats.map(({ name }) => readLadderSource({ ...location, path: join(location.path, name), display: join(location.display, name) }, () => Buffer.alloc(0))));
    },
  };
}

/** A file's status, or none when it cannot be had (reading the file then says why). */
function statOf(path: string) {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * How a folder's files are checked: each YAML file on its own, and the Markdown files together
 * (one file per level or per discipline is one Markdown ladder, as `import` reads it).
 */
export function partGroups(files: LadderSource[]): LadderSource[][] {
  const markdown = files.filter((file) => sourceFormat(file) === 'markdown');
  return [...files.filter((file) => sourceFormat(file) === 'yaml').map((file) => [file]), ...(markdown.length > 0 ? [markdown] : [])];
}
