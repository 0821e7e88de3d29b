import { basename } from 'node:path';
import { checkLadderData } from '../check/check-data.js';
import type { ReadResult, ReadSummary } from '../read/finish.js';
import { spreadsheetFormat } from '../read/spreadsheet/table.js';
import { ladderYaml } from '../write/ladder-yaml.js';
import { writeFileSafely } from '../write/write-file.js';
import type { CommandContext } from './context.js';
import type { SpreadsheetImportOptions } from './import-spreadsheet.js';
import type { Overrides } from '../read/markdown/overrides.js';

/** The command line of `import`: where to write, and the Markdown reader's overrides (overrides.ts says what each means). */
export interface ImportOptions extends SpreadsheetImportOptions, Overrides {
  output?: string;
  force: boolean;
  /** Print how the input was read instead of the ladder. */
  explain?: boolean;
}

/**
 * `ladder import FILE…|DIR|-`: Markdown ladders, a spreadsheet or a job family as one ladder file,
 * on stdout or in `-o FILE`. Several files (or a folder of them) are read as one ladder: a file
 * per level makes one track, a file per discipline one track each, and equivalents resolve across
 * them. Everything the reader could not place is named in a warning, and a summary line ends the
 * run. With `--explain`, how the input was read is printed instead of the ladder (and before any
 * error). Each reader is a bundle of its own, loaded for its format only.
 */
export async function runImport(context: CommandContext, inputs: string[], options: ImportOptions): Promise<number> {
  const { io } = context;
  let result: ReadResult;
  if (inputs.length === 1 && (options.from !== undefined || spreadsheetFormat(inputs[0] as string))) {
    const { readSpreadsheetInput } = await import('./import-spreadsheet.js');
    result = await readSpreadsheetInput(context, inputs[0] as string, options);
  } else if (inputs.length === 1 && /\.ya?ml$/i.test(inputs[0] as string)) {
    const { readJobFamilyInput } = await import('./import-job-family.js');
    result = await readJobFamilyInput(context, inputs[0] as string);
  } else {
    const { readMarkdownInputs } = await import('./import-markdown.js');
    result = await readMarkdownInputs(context, inputs, options);
  }
  if (!result.data) throw new Error('a reader returned no ladder and no error');
  if (options.explain) {
    io.stderr.write(`${summaryLine(result.summary)}\n`);
    return 0;
  }
  // The result must be a ladder every command accepts; if not, the importer has a bug. The data is
  // checked, not the text written from it: parsing that again would double the cost of an import.
  const problems = checkLadderData(result.data, options.output ?? '<import>');
  if (problems.length > 0) throw new Error(`import produced an invalid ladder: ${problems.map((d) => d.message).join('; ')}`);
  const origin = inputs.length === 1 ? (inputs[0] === '-' ? 'standard input' : basename(inputs[0] as string)) : `${inputs.length} files`;
  const text = ladderYaml(result.data, ['', `Imported from ${origin} by \`ladder import\`. Check edits with \`ladder validate\`.`]);
  if (options.output === undefined || options.output === '-') io.stdout.write(text);
  else {
    writeFileSafely(options.output, text, { force: options.force, inputs, cwd: io.cwd, makeParents: true });
    io.stderr.write(`ladder: wrote ${options.output}; check it with: ladder -f ${options.output} validate\n`);
  }
  io.stderr.write(`${summaryLine(result.summary)}\n`);
  return 0;
}

/** `import: 2 tracks, 11 levels, 7 axes; 1 section kept as prose; no words left out`. */
export function summaryLine(summary: ReadSummary): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const prose = summary.sectionsAsProse > 0 ? `; ${count(summary.sectionsAsProse, 'section', 'sections')} kept as prose` : '';
  const lost = summary.wordsLeftOut > 0 ? `${count(summary.wordsLeftOut, 'word', 'words')} left out (see the warnings above)` : 'no words left out';
  return `import: ${count(summary.tracks, 'track', 'tracks')}, ${count(summary.levels, 'level', 'levels')}, ${count(summary.axes, 'axis', 'axes')}${prose}; ${lost}`;
}
