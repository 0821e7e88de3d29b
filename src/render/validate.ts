import type { Diagnostic } from '../ladder/errors.js';
import { mdDocument, mdText } from './markdown.js';
import type { Renderers } from './output.js';

export interface ValidationResult {
  file: string;
  valid: boolean;
  levels: number;
  tracks: number;
  problems: Diagnostic[];
}

function warningCount(result: ValidationResult): string {
  const count = result.problems.length;
  return count === 0 ? '' : `, ${count} ${count === 1 ? 'warning' : 'warnings'}`;
}

const where = (problem: Diagnostic) => [problem.file, problem.line, problem.col].filter((part) => part !== undefined).join(':');

export const validationRenderers: Renderers<ValidationResult> = {
  text: (result) => `${result.file}: valid (${result.levels} levels, ${result.tracks} tracks${warningCount(result)})\n`,
  markdown: (result) =>
    mdDocument([
      result.valid ? `**${mdText(result.file)}**: valid (${result.levels} levels, ${result.tracks} tracks${warningCount(result)})` : `**${mdText(result.file)}**: not a valid ladder`,
      ...(result.problems.length > 0
        ? [result.problems.map((problem) => `- \`${where(problem)}\` ${problem.severity}: ${mdText(problem.message)}${problem.hint ? ` (${mdText(problem.hint)})` : ''}`).join('\n')]
        : []),
    ]),
  tsv: {
    columns: ['file', 'line', 'col', 'severity', 'message', 'hint'],
    rows: (result) => result.problems.map((problem) => [problem.file, problem.line, problem.col, problem.severity, problem.message, problem.hint]),
  },
};
