import { LadderError } from '../ladder/errors.js';
import { checkLadderText } from '../ladder/load.js';
import type { CommandContext, Format } from './context.js';
import { emit, readContextSource } from './context.js';

export interface ValidateOptions {
  format: Format;
}

/**
 * `ladder validate [FILE]`: a one-line summary and exit 0, or every problem and exit 3.
 * In JSON the problems are the result, so they go to stdout; in text they are messages, on stderr.
 */
export function runValidate(context: CommandContext, file: string | undefined, options: ValidateOptions): number {
  const source = readContextSource(context, file ?? context.file);
  const { ladder, diagnostics } = checkLadderText(source);
  const result = {
    file: source.name,
    valid: ladder !== undefined,
    levels: ladder?.levels.length ?? 0,
    tracks: ladder?.tracks.length ?? 0,
    problems: diagnostics,
  };
  if (!ladder && options.format === 'text') {
    throw new LadderError('invalid', `${source.name}: not a valid ladder`, { diagnostics });
  }
  emit(context, options.format, result, (summary) => `${summary.file}: valid (${summary.levels} levels, ${summary.tracks} tracks)\n`);
  return ladder ? 0 : 3;
}
