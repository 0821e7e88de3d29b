import { LadderError } from '../errors.js';
import { matchName } from '../model/match.js';
import type { Ladder } from '../model/model.js';
import { quoteList } from '../model/names.js';
import { searchLadder } from '../query/search.js';
import { searchRenderers } from '../render/search.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, loadContextLadder, trackOption } from './context.js';

export interface SearchOptions extends OutputFlags {
  track?: string;
  axis?: string[];
  regex: boolean;
  word: boolean;
}

/** `ladder search TEXT`: every clause that mentions the text; exit 1 when none does, as grep does. */
export async function runSearch(context: CommandContext, text: string, options: SearchOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const sections = options.axis?.map((name) => sectionNamed(ladder, name));
  if (options.regex && options.word) throw new LadderError('usage', '--word and --regex are two ways of matching', { hint: 'give one of them' });
  const hits = searchLadder(ladder, text, { mode: options.regex ? 'regex' : options.word ? 'word' : 'forms', track, sections });
  if (hits.length === 0) {
    const filtered = options.track !== undefined || options.axis !== undefined;
    if (context.io.stderrIsTTY) context.io.stderr.write(`ladder: nothing ${filtered ? 'within --track/--axis ' : ''}mentions \`${text}\`\n`);
    // JSON and YAML readers get an empty list, not an empty stream; the exit code still says nothing was found.
    if (options.format === 'json' || options.format === 'yaml') await emit(context, options, hits, searchRenderers);
    return 1;
  }
  await emit(context, options, hits, searchRenderers);
  return 0;
}

/** An axis name (or `description`, `note`) from what the user typed: `domain` → `Domain Knowledge`. */
function sectionNamed(ladder: Ladder, query: string): string {
  const names = [...new Set(['description', 'note', ...ladder.levels.flatMap((level) => level.axes.map((axis) => axis.name))])];
  const result = matchName(names.map((name) => ({ item: name, ids: [], names: [name] })), query);
  if (result.kind === 'one') return result.item;
  const message = result.kind === 'many' ? `\`${query}\` matches several axes: ${quoteList(result.items)}` : `no axis matches \`${query}\``;
  throw new LadderError(result.kind === 'many' ? 'ambiguous' : 'not-found', message, { hint: `axes are ${quoteList(names, 'and')}` });
}
