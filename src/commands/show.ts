import { resolveAxis } from '../model/resolve.js';
import { levelView } from '../query/views.js';
import { showRenderers } from '../render/show.js';
import { emit, levelNamed, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface ShowOptions extends OutputFlags {
  axis?: string[];
  track?: string;
  /** Print what each axis means, where the ladder defines its axes (JSON and YAML always carry it). */
  explain?: boolean;
}

/** `ladder show LEVEL…`: each level along every axis, or only the axes named with --axis. */
export async function runShow(context: CommandContext, names: string[], options: ShowOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const levels = names.map((name) => levelNamed(context, ladder, name, track));
  // An axis is looked up among all the levels shown: one that only some of them have is shown for
  // those, and named as absent for the others.
  const wanted = options.axis?.length ? options.axis.map((axis) => resolveAxis(levels, axis).name) : undefined;
  const data = options.format === 'json' || options.format === 'yaml';
  const views = levels.map((level) => {
    const full = levelView(ladder, level);
    const view = options.explain || data ? full : { ...full, axes: full.axes.map(({ name, text, clauses }) => ({ name, text, clauses })) };
    if (!wanted) return view;
    const axes = view.axes.filter((axis) => wanted.includes(axis.name));
    return { ...view, axes, absentAxes: wanted.filter((name) => !axes.some((axis) => axis.name === name)) };
  });
  await emit(context, options, views, showRenderers);
  return 0;
}
