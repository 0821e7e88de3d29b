import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { modeline } from '../write/ladder-yaml.js';
import { writeFilesSafely } from '../write/write-file.js';
import { LadderError } from '../errors.js';
import { ladderFileNames } from '../read/folder.js';
import { isDirectory } from '../read/source.js';
import { bundledLadderPath, exampleOrganisationPath, schemaPath } from '../paths.js';
import type { CommandContext } from './context.js';

const HEADER = [
  '',
  'A career ladder for `ladder` (run `ladder --help`). Start from this copy of the operations ladder.',
  '',
  'tracks:            the career tracks, e.g. individual contributors and managers',
  '  id, name:        the track id (for --track) and its display name',
  '  equivalentLabel: how the track labels equivalents, e.g. "Management Equivalent"',
  '  description:     the track introduction',
  '  levels:          the levels in order, most junior first',
  '    id:            short name used on the command line: lower-case letters, digits, hyphens',
  '    title:         the full title; ids are unique across the ladder, titles and aliases on their track',
  '    aliases:       other names that find the level',
  '    equivalent:    the id of the peer level on another track, which must name this one back',
  '    description:   prose about the level;  note: a remark about it',
  '    axes:          one text per axis; separate its clauses with semicolons',
  '',
  'Check your edits with `ladder -f FILE validate`. The first line lets editors with a YAML',
  'plugin validate and complete this file against the schema.',
];

export interface InitOptions {
  force: boolean;
  /** Write the starter organisation (a folder of files) instead of the single-file ladder. */
  org: boolean;
  /** Also write the schema beside the ladder, and name that copy in the modeline. */
  schema: boolean;
}

/**
 * `ladder init [PATH]`: a starter ladder file, never written over an existing one without --force.
 * With --org, a starter organisation instead: a folder (default `ladders/`, which every command
 * finds by itself) of one file per discipline and one for the grades and the managers track.
 * With --schema, the schema is copied beside the files (`ladder.schema.json`) and their modeline
 * names that copy by a relative path: it works offline, and moves with the folder.
 */
export function runInit(context: CommandContext, path: string | undefined, options: InitOptions): number {
  const line = modeline(options.schema ? `./${basename(schemaPath)}` : undefined);
  const files: [string, string][] = options.org
    ? readdirSync(exampleOrganisationPath)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => [join(path ?? 'ladders', name), readFileSync(join(exampleOrganisationPath, name), 'utf8').replace(/^# yaml-language-server: .*/, line)])
    : [[path ?? 'ladder.yaml', `${[line, ...HEADER.map((text) => (text ? `# ${text}` : '#'))].join('\n')}\n\n${readFileSync(bundledLadderPath, 'utf8').replace(/^(#.*\n|\s*\n)*/, '')}`]];
  const folder = dirname(files[0]?.[0] ?? '.');
  if (options.org) refuseForeignLadderFiles(folder, resolve(context.io.cwd, folder), files.map(([file]) => basename(file)));
  const schema: [string, string][] = options.schema ? [[join(folder, basename(schemaPath)), readFileSync(schemaPath, 'utf8')]] : [];
  // All or none: every target is checked before the first is written.
  writeFilesSafely([...schema, ...files].map(([file, content]) => ({ path: file, content })), { force: options.force, inputs: [], cwd: context.io.cwd, makeParents: true });
  const target = options.org ? (path ?? 'ladders') : (files[0]?.[0] as string);
  const written = options.org ? `${target}/ (${files.length} files)` : target;
  const check = options.org && target === 'ladders' ? 'ladder validate' : `ladder -f ${target} validate`;
  context.io.stderr.write(`ladder: wrote ${options.schema ? `${written} and ${join(folder, basename(schemaPath))}` : written}; check it with: ${check}\n`);
  return 0;
}

/**
 * Every ladder file in an organisation's folder is read as part of it, so a starter written beside
 * other ladder files would make one ladder of both: refused, whatever --force says.
 */
function refuseForeignLadderFiles(folder: string, path: string, starterNames: string[]): void {
  if (!isDirectory(path)) return;
  const foreign = ladderFileNames(path).names.filter((name) => !starterNames.includes(name));
  if (foreign.length === 0) return;
  const listed = foreign.length > 3 ? `${foreign.slice(0, 3).join(', ')} and ${foreign.length - 3} more` : foreign.join(', ');
  throw new LadderError('usage', `${folder}/ already holds ${listed}, which would be read as part of the new organisation; nothing was written`, { hint: 'name a new folder: ladder init --org DIR' });
}
