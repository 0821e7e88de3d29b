import { resolveAxis, resolveLevel } from '../model/resolve.js';
import { levelView } from '../query/views.js';
import { showRenderers } from '../render/show.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface ShowOptions extends OutputFlags {
  axis?: string[];
  track?: string;
}

/** `ladder show LEVEL…`: each level along every axis, or only the axes named with --axis. */
export async function runShow(context: CommandContext, names: string[], options: ShowOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const views = names.map((name) => {
    const level = resolveLevel(ladder, name, track);
    const view = levelView(ladder, level);
    if (!options.axis?.length) return view;
    const wanted = new Set(options.axis.map((axis) => resolveAxis(level, axis).name));
    return { ...view, axes: view.axes.filter((axis) => wanted.has(axis.name)) };
  });
  await emit(context, options, views, showRenderers);
  return 0;
}
