import { exportCsv } from '../write/export-csv.js';
import { exportHtml } from '../write/export-html.js';
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

const EXPORTERS: Record<ExportFormat, (ladder: Ladder, context: CommandContext, output: string | undefined) => string> = {
  md: exportMarkdown,
  html: (ladder, context, output) => exportHtml(ladder, { assessmentFile: assessmentLadderName(context, output) }),
  csv: exportCsv,
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
  const content = EXPORTERS[options.format](ladder, context, options.output);
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
