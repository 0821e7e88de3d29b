import { basename } from 'node:path';
import { ladderYaml } from '../write/ladder-yaml.js';
import { importMarkdown } from '../read/markdown/import.js';
import { writeFileSafely } from '../write/write-file.js';
import { LadderError } from '../errors.js';
import type { CommandContext } from './context.js';
import { readContextSource, warn } from './context.js';

export interface ImportOptions {
  output?: string;
  force: boolean;
}

/** `ladder import FILE.md|-`: a Markdown ladder as a ladder file, on stdout or in `-o FILE`. */
export async function runImport(context: CommandContext, file: string, options: ImportOptions): Promise<number> {
  const { io } = context;
  const source = readContextSource(context, file);
  const { ladder, warnings, errors } = importMarkdown(source.text, source.name);
  await warn(context, warnings);
  if (!ladder) throw new LadderError('invalid', `${source.name}: cannot import`, { diagnostics: errors });
  const origin = file === '-' ? 'standard input' : basename(file);
  const text = ladderYaml(ladder, ['', `Imported from ${origin} by \`ladder import\`. Check edits with \`ladder validate\`.`]);
  // The result must be a ladder every command accepts; if not, the importer has a bug.
  const { checkLadderText } = await import('../check/check.js');
  const { diagnostics } = checkLadderText({ name: options.output ?? '<import>', text });
  if (diagnostics.length > 0) throw new Error(`import produced an invalid ladder: ${diagnostics.map((d) => d.message).join('; ')}`);
  if (options.output === undefined) io.stdout.write(text);
  else writeFileSafely(options.output, text, { force: options.force, inputs: file === '-' ? [] : [file], cwd: io.cwd });
  return 0;
}
