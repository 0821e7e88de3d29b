import { resolveAxis, resolveLevel } from '../ladder/resolve.js';
import { levelView } from '../ladder/views.js';
import type { LevelView } from '../ladder/views.js';
import { renderLevelText } from '../render/text/show.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, Format } from './context.js';

export interface ShowOptions {
  axis?: string[];
  track?: string;
  format: Format;
}

/** `ladder show LEVEL…`: one object per level (a JSON array when several are named). */
export function runShow(context: CommandContext, names: string[], options: ShowOptions): number {
  const ladder = loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const views = names.map((name) => {
    const level = resolveLevel(ladder, name, track);
    const view = levelView(ladder, level);
    if (!options.axis?.length) return view;
    const wanted = new Set(options.axis.map((axis) => resolveAxis(level, axis).name));
    return { ...view, axes: view.axes.filter((axis) => wanted.has(axis.name)) };
  });
  const value: LevelView | LevelView[] = views.length === 1 ? (views[0] as LevelView) : views;
  emit(context, options.format, value, (result, text) => (Array.isArray(result) ? result : [result]).map((view) => renderLevelText(view, text)).join('\n'));
  return 0;
}
