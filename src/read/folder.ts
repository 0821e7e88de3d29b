import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { LadderError } from '../errors.js';
import { fileStamp, wallClockNs } from './cache-directory.js';
import { findSharedTopics } from './shared-topics-file.js';
import { readLadderSource, sourceFormat } from './source.js';
import type { LadderSource, SourceLocation } from './source.js';

/** The files of a ladder kept as a folder: YAML and Markdown, by name; others (a schema copy, a README.txt) are not ladder files. */
const LADDER_FILE = /\.(ya?ml|md|markdown)$/i;
const YAML_FILE = /\.ya?ml$/i;
/** Pages a repository keeps beside its ladder files, which hold no ladder: skipped, with a note. */
const NOT_A_LADDER_PAGE = /^(readme|contributing|license|licence|changelog|code[-_]of[-_]conduct|security|authors)\.(md|markdown)$/i;

/** One ladder file of a folder: its name, what its status says about its content, and its text when read. */
export interface FolderFile {
  name: string;
  /** The file's path, size, inode and times of change: the same stamp means the same content. */
  stamp: string;
  /** The file, read as a single file is; once. */
  read(): LadderSource;
}

/** A ladder kept as several files, read as one: an organisation's disciplines, one file each. */
export interface LadderFolder {
  /** The folder as the user named it. */
  name: string;
  /** The folder's absolute path: what the cache knows it by. */
  path: string;
  /** The stamps of every file, in order: the same fingerprint means the same files. */
  fingerprint: string;
  /** Whether every file is YAML (the Markdown reader's warnings are not cached). */
  allYaml: boolean;
  entries: FolderFile[];
  /** Every file, read when first asked for. */
  readonly files: LadderSource[];
  /** The pages left out because they hold no ladder (a README), as the user would name them. */
  skipped: string[];
  /** The file of topics its front-matter matrices share, in the folder above (see shared-topics-file.ts). */
  sharedTopics?: LadderSource;
}

/** The names of the files a folder's ladder is read from, in name order, and of the pages beside them that hold none. */
export function ladderFileNames(path: string): { names: string[]; skipped: string[] } {
  let names = readdirSync(path).filter((name) => !name.startsWith('.') && LADDER_FILE.test(name)).sort();
  // A folder of YAML ladder files keeps its Markdown (a README, notes) for people: only a folder
  // with no YAML in it is a Markdown ladder.
  if (names.some((name) => YAML_FILE.test(name))) names = names.filter((name) => YAML_FILE.test(name));
  return { names: names.filter((name) => !NOT_A_LADDER_PAGE.test(name)), skipped: names.filter((name) => NOT_A_LADDER_PAGE.test(name)) };
}

/** The sub-folders (one level down, hidden ones left out) that hold ladder files, by name; at most a few. */
function foldersWithLadderFiles(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
      .filter((name) => {
        try {
          return ladderFileNames(join(path, name)).names.length > 0;
        } catch {
          return false;
        }
      })
      .slice(0, 4);
  } catch {
    return [];
  }
}

const quoted = (names: string[]) => {
  const folders = names.map((name) => `${name}/`);
  return folders.length > 1 ? `${folders.slice(0, -1).join(', ')} and ${folders[folders.length - 1]}` : (folders[0] ?? '');
};

/** Every ladder file directly in the folder, in name order (hidden files left out); none is read yet. */
export function readLadderFolder(location: SourceLocation & { kind: 'path' }): LadderFolder {
  let names: string[];
  let skipped: string[];
  try {
    ({ names, skipped } = ladderFileNames(location.path));
  } catch (error) {
    throw new LadderError('file', `${location.display}: ${(error as Error).message}`);
  }
  const inside = insideFolder(location.path);
  const readAt = wallClockNs();
  const entries = names.flatMap((name): FolderFile[] => {
    const path = join(location.path, name);
    const stat = statOf(path);
    if (stat?.isDirectory()) return [];
    const display = join(location.display, name);
    // A link committed in the folder must not make ladder read, and quote, a file outside it.
    const outside = stat && !inside(path) ? new LadderError('file', `${display}: a link to a file outside ${location.display}, not followed`, { hint: 'copy the file into the folder, or name it with --file' }) : undefined;
    let source: LadderSource | undefined;
    return [
      {
        name: display,
        stamp: stat ? fileStamp(path, stat, readAt) : path,
        read: () => {
          if (outside) throw outside;
          return (source ??= readLadderSource({ ...location, path, display }, () => Buffer.alloc(0), true));
        },
      },
    ];
  });
  if (entries.length === 0) {
    const pages = skipped.length > 0 ? `; ${skipped.join(', ')} ${skipped.length === 1 ? 'is a page' : 'are pages'} that hold${skipped.length === 1 ? 's' : ''} no ladder` : '';
    const within = foldersWithLadderFiles(location.path);
    const hint =
      within.length > 0
        ? `sub-folders are not read; ${quoted(within)} ${within.length === 1 ? 'holds' : 'hold'} ladder files: name one, e.g. ladder -f ${join(location.display, within[0] as string)}`
        : 'name a ladder file, or a folder that holds them';
    throw new LadderError('file', `no ladder found in ${location.display}: no ladder files (.yaml, .yml or .md) in it${pages}`, { hint });
  }
  const markdownOnly = !entries.some((entry) => YAML_FILE.test(entry.name));
  const sharedTopics = markdownOnly ? findSharedTopics({ path: location.path, display: location.display }, true) : undefined;
  return {
    name: location.display,
    path: resolve(location.path),
    // The shared topics' file is read with the folder's, so its stamp is part of the folder's.
    fingerprint: [...entries.map((entry) => entry.stamp), ...(sharedTopics ? [sharedTopics.stamp ?? sharedTopics.text] : [])].join('\n'),
    allYaml: entries.every((entry) => YAML_FILE.test(entry.name)),
    entries,
    skipped: skipped.map((name) => join(location.display, name)),
    ...(sharedTopics ? { sharedTopics } : {}),
    get files() {
      return entries.map((entry) => entry.read());
    },
  };
}

/** Whether a path of the folder leads, links followed, to a file inside it. */
function insideFolder(folder: string): (path: string) => boolean {
  let root: string | undefined;
  return (path) => {
    try {
      if (!lstatSync(path).isSymbolicLink()) return true;
      root ??= realpathSync(folder);
      return realpathSync(path).startsWith(root + sep);
    } catch {
      return true;
    }
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

/** `career-ladder/` → `Career ladder`. */
export function trackNameOf(folder: string): string {
  const name = basename(folder.replace(/[\\/]+$/, '')).replace(/[-_]+/g, ' ').trim();
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Levels';
}

/** The rule of the warning for an equivalent that names no level of its file when the file is one of a folder's. */
export const UNRESOLVED_IN_FOLDER = 'unresolved-in-folder';

/**
 * The folder (as the user would name it) of which a Markdown file is one discipline among others:
 * its equivalents may name levels its sibling files hold. Undefined for a file alone in its folder,
 * beside YAML ladder files, or not one of its folder's ladder files (a README).
 */
export function folderOfMarkdownFile(path: string, display: string): string | undefined {
  const here = dirname(path);
  let names: string[];
  try {
    names = readdirSync(here).filter((name) => !name.startsWith('.') && LADDER_FILE.test(name) && !NOT_A_LADDER_PAGE.test(name));
  } catch {
    return undefined;
  }
  const own = basename(path);
  if (names.length < 2 || !names.includes(own) || names.some((name) => YAML_FILE.test(name))) return undefined;
  return dirname(display);
}
