import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { modeline } from '../write/ladder-yaml.js';
import { writeFileSafely } from '../write/write-file.js';
import { bundledLadderPath, schemaPath } from '../paths.js';
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
  '    title:         the full title; ids, titles and aliases are unique across the ladder',
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
  /** Also write the schema beside the ladder, and name that copy in the modeline. */
  schema: boolean;
}

/**
 * `ladder init [PATH]`: a starter ladder file, never written over an existing one without --force.
 * With --schema, the schema is copied beside it (`ladder.schema.json`) and the modeline names the
 * copy by a relative path: it works offline, and moves with the folder.
 */
export function runInit(context: CommandContext, path: string | undefined, options: InitOptions): number {
  const target = path ?? 'ladder.yaml';
  const write = (file: string, content: string) => writeFileSafely(file, content, { force: options.force, inputs: [], cwd: context.io.cwd, makeParents: true });
  const schemaCopy = join(dirname(target), basename(schemaPath));
  const body = readFileSync(bundledLadderPath, 'utf8').replace(/^(#.*\n|\s*\n)*/, '');
  const content = `${[modeline(options.schema ? `./${basename(schemaPath)}` : undefined), ...HEADER.map((line) => (line ? `# ${line}` : '#'))].join('\n')}\n\n${body}`;
  if (options.schema) write(schemaCopy, readFileSync(schemaPath, 'utf8'));
  write(target, content);
  context.io.stderr.write(`ladder: wrote ${options.schema ? `${target} and ${schemaCopy}` : target}; check it with: ladder -f ${target} validate\n`);
  return 0;
}
