import { dirname, relative, resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { contextLocation } from './context.js';

/**
 * The ladder as an assessment file names it (`ladder.file`): relative to where the assessment (or
 * the page that writes one) is written, so the two can move together; `ladder.yaml` for the
 * shipped ladder, `-` for standard input.
 */
export function assessmentLadderName(context: CommandContext, output: string | undefined): string {
  const location = contextLocation(context);
  if (location.kind === 'stdin') return '-';
  if (location.reason === 'shipped') return 'ladder.yaml';
  const from = output && output !== '-' ? dirname(resolve(context.io.cwd, output)) : context.io.cwd;
  return relative(from, location.path) || '.';
}
