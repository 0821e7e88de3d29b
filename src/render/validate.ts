import type { Diagnostic } from '../errors.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';

export interface ValidationResult {
  file: string;
  /** The file checked is the example shipped with ladder, because nothing named another. */
  shipped: boolean;
  valid: boolean;
  /** Counts, named apart from the `levels` and `tracks` lists other commands print. */
  levelCount: number;
  trackCount: number;
  problems: Diagnostic[];
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `11 levels, 2 tracks`, and the warnings when there are any. */
function summary(result: ValidationResult): string {
  const warnings = result.problems.length === 0 ? '' : `, ${counted(result.problems.length, 'warning')}`;
  return `${counted(result.levelCount, 'level')}, ${counted(result.trackCount, 'track')}${warnings}`;
}

const where = (problem: Diagnostic) => [problem.file, problem.line, problem.col].filter((part) => part !== undefined).join(':');

export const validationRenderers: Renderers<ValidationResult> = {
  text: (result) => `${result.file}: valid (${summary(result)})${result.shipped ? '; this is the example that ships with ladder, as there is no ladder.yaml here' : ''}\n`,
  markdown: (result) =>
    mdDocument([
      result.valid ? `**${mdText(result.file)}**: valid (${summary(result)})` : `**${mdText(result.file)}**: not a valid ladder`,
      ...(result.problems.length > 0
        ? [result.problems.map((problem) => `- \`${where(problem)}\` ${problem.severity}: ${mdText(problem.message)}${problem.hint ? ` (${mdText(problem.hint)})` : ''}`).join('\n')]
        : []),
    ]),
  tsv: {
    columns: ['file', 'line', 'col', 'severity', 'message', 'hint'],
    rows: (result) => result.problems.map((problem) => [problem.file, problem.line, problem.col, problem.severity, problem.message, problem.hint]),
  },
};
