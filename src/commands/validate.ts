import { LadderError } from '../ladder/errors.js';
import { checkLadderSource } from '../ladder/load.js';
import { validationRenderers } from '../render/validate.js';
import type { ValidationResult } from '../render/validate.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, loadOptions, readContextSource } from './context.js';

/**
 * `ladder validate [FILE]`: a one-line summary and exit 0, or every problem and exit 3.
 * In text the problems are messages, on stderr; in the data formats they are the result, on stdout.
 */
export async function runValidate(context: CommandContext, file: string | undefined, options: OutputFlags): Promise<number> {
  const source = readContextSource(context, file ?? context.file);
  const { ladder, diagnostics } = await checkLadderSource(source, loadOptions(context));
  if (!ladder && options.format === 'text') {
    throw new LadderError('invalid', `${source.name}: not a valid ladder`, { diagnostics });
  }
  const result: ValidationResult = {
    file: source.name,
    valid: ladder !== undefined,
    levels: ladder?.levels.length ?? 0,
    tracks: ladder?.tracks.length ?? 0,
    problems: diagnostics,
  };
  await emit(context, options, result, validationRenderers);
  return ladder ? 0 : 3;
}
