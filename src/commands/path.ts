import { keepSections, sectionsNamed } from '../query/diff.js';
import { levelPath } from '../query/steps.js';
import { pathRenderers } from '../render/steps.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, levelPairNamed, loadContextLadder, trackOption } from './context.js';

export interface PathOptions extends OutputFlags {
  track?: string;
  all: boolean;
  axis?: string[];
}

/** `ladder path FROM TO`: every step between two levels of one track, then what the whole way asks for. */
export async function runPath(context: CommandContext, fromName: string, toName: string, options: PathOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const path = levelPath(ladder, ...levelPairNamed(context, ladder, fromName, toName, track));
  // An axis may have changes in one step only: names are looked up among every step's sections.
  const everySection = [...new Map([...path.steps, path.overall].flatMap((diff) => diff.sections).map((section) => [section.name, section])).values()];
  const axes = options.axis?.length ? sectionsNamed({ ...path.overall, sections: everySection }, options.axis) : undefined;
  const narrowed = axes ? { ...path, steps: path.steps.map((step) => keepSections(step, axes)), overall: keepSections(path.overall, axes) } : path;
  await emit(context, options, { path: narrowed, all: options.all }, pathRenderers);
  return 0;
}
