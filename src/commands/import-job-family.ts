import { resolve } from 'node:path';
import { LadderError, withExcerpts } from '../errors.js';
import type { ReadResult } from '../read/finish.js';
import { isJobFamily, readJobFamily } from '../read/job-family.js';
import { readLadderSource } from '../read/source.js';
import type { CommandContext } from './context.js';
import { warn } from './context.js';

/** A job family in the Financial Times' YAML format, read as a ladder. */
export async function readJobFamilyInput(context: CommandContext, input: string): Promise<ReadResult> {
  const source = readLadderSource({ kind: 'path', path: resolve(context.io.cwd, input), display: input, reason: 'command line' }, context.io.readStdin);
  if (!isJobFamily(source.text)) {
    throw new LadderError('usage', `${input}: not a job family (a YAML file with \`levels\`, \`themes\` and \`competencies\`)`, { hint: `a ladder file needs no import: run \`ladder -f ${input} validate\`` });
  }
  const result = readJobFamily(source.text, source.name);
  await warn(context, withExcerpts(result.warnings, [source]));
  if (!result.data) throw new LadderError('invalid', `${input}: cannot import`, { diagnostics: withExcerpts(result.errors, [source]) });
  return result;
}
