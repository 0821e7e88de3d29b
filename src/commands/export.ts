import { LadderError } from '../errors.js';
import { exportCsv } from '../write/export-csv.js';
import { exportMarkdown } from '../write/export-markdown.js';
import { ladderYaml } from '../write/ladder-yaml.js';
import type { ExportFormat } from '../write/formats.js';
import { writeFileSafely } from '../write/write-file.js';
import type { Ladder } from '../model/model.js';
import { fileShape, ladderData } from '../model/model.js';
import { renderJson } from '../render/json.js';
import { assessmentLadderName } from './assessment-ladder-name.js';
import type { CommandContext } from './context.js';
import { contextLocation, loadContextLadder } from './context.js';

const EXPORTERS: Record<ExportFormat, (ladder: Ladder, context: CommandContext, output: string | undefined) => string | Uint8Array | Promise<string | Uint8Array>> = {
  md: exportMarkdown,
  // The page and its script are loaded only for this format.
  html: async (ladder, context, output) => (await import('../write/export-html.js')).exportHtml(ladder, { assessmentFile: assessmentLadderName(context, output) }),
  csv: exportCsv,
  // The zip writer is loaded only for this format.
  xlsx: async (ladder) => (await import('../write/export-xlsx.js')).exportXlsx(ladder),
  json: (ladder) => renderJson(fileShape(ladderData(ladder))),
  yaml: (ladder) => ladderYaml(ladderData(ladder), []),
};

export interface ExportOptions {
  format: ExportFormat;
  output?: string;
  force: boolean;
}

/** `ladder export --format FORMAT`: the whole ladder as a document, on stdout or in `-o FILE`. */
export async function runExport(context: CommandContext, options: ExportOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const content = await EXPORTERS[options.format](ladder, context, options.output);
  if (typeof content !== 'string' && (options.output === undefined || options.output === '-') && context.io.stdoutIsTTY) {
    throw new LadderError('usage', `--format ${options.format} is a binary file, not for a terminal`, { hint: `write it with -o ladder.${options.format}, or redirect the output to a file` });
  }
  if (options.output === undefined || options.output === '-') {
    context.io.stdout.write(content);
  } else {
    const location = contextLocation(context);
    const inputs = location.kind === 'path' ? [location.path] : ['-'];
    writeFileSafely(options.output, content, { force: options.force, inputs, cwd: context.io.cwd, makeParents: true });
    context.io.stderr.write(`ladder: wrote ${options.output}\n`);
  }
  return 0;
}
