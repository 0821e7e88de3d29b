import { LadderError } from '../errors.js';
import { mdDocument, mdText } from '../render/markdown.js';
import type { Renderers } from '../render/output.js';
import type { SourceReason } from '../read/source.js';
import { STDIN_NAME } from '../read/source.js';
import type { CommandContext, OutputFlags } from './context.js';
import { contextLocation, emit } from './context.js';

export interface LadderInEffect {
  /** The file as messages name it, or `<stdin>`. */
  file: string;
  /** The full path, or null for standard input. */
  path: string | null;
  reason: SourceReason;
}

const BECAUSE: Record<SourceReason, string> = {
  'command line': 'named with --file',
  LADDER_FILE: 'named by $LADDER_FILE',
  'working directory': 'found in the working directory',
  shipped: 'the example that ships with ladder: nothing else names a ladder',
};

const renderers: Renderers<LadderInEffect> = {
  text: (found) => `${found.file} (${BECAUSE[found.reason]})\n`,
  markdown: (found) => mdDocument([`**${mdText(found.file)}**: ${mdText(BECAUSE[found.reason])}`]),
  tsv: { columns: ['file', 'path', 'reason'], rows: (found) => [[found.file, found.path ?? '', found.reason]] },
};

/**
 * `ladder which`: the ladder file every other command would read, and why that one. With
 * `--explain`, a Markdown ladder's outline follows: how the reader read each heading, table and list.
 */
export async function runWhich(context: CommandContext, options: OutputFlags, explain = false): Promise<void> {
  if (explain && options.format !== 'text') throw new LadderError('usage', `--explain prints an outline as text, not ${options.format}`, { hint: 'leave out --format or --json' });
  const location = contextLocation(context);
  const found: LadderInEffect = location.kind === 'stdin' ? { file: STDIN_NAME, path: null, reason: location.reason } : { file: location.display, path: location.path, reason: location.reason };
  await emit(context, options, found, renderers);
  if (explain) await (await import('./import-markdown.js')).explainLadder(context);
}
