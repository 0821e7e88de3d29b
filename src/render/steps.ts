import { keepClauses } from '../query/diff.js';
import type { LevelDiff } from '../query/diff.js';
import type { LevelPath, NextStep } from '../query/steps.js';
import { diffMarkdownBlocks, diffRows } from './diff.js';
import { mdDocument, mdHeading, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { levelName, safe } from './text/layout.js';
import type { TextOptions } from './text/layout.js';
import { renderDiffText } from './text/diff.js';

const diffText = (diff: LevelDiff, options: TextOptions) => renderDiffText(diff, { ...options, all: false });


export const nextRenderers: Renderers<NextStep> = {
  text: (step, options) => (step.diff ? diffText(step.diff, options) : `${levelName(step.level, options.style)} is the top of ${safe(step.level.track.name)}\n`),
  markdown: (step) => mdDocument(step.diff ? diffMarkdownBlocks(step.diff, false, 2) : [`**${mdText(step.level.title)}** is the top of ${mdText(step.level.track.name)}.`]),
  tsv: { columns: ['section', 'change', 'from', 'to'], rows: (step) => (step.diff ? diffRows(step.diff, false) : []) },
};

export interface PathDisplay {
  path: LevelPath;
  /** Show unchanged clauses too. */
  all: boolean;
}

/**
 * Each step shows all it changes; the overall section, what the last level asks for that the
 * first did not, is shown only when there is more than one step (one step is its own overall).
 */
const overallOf = ({ path, all }: PathDisplay) => (path.steps.length > 1 ? (all ? path.overall : keepClauses(path.overall, ['added', 'changed'])) : undefined);
const stepOf = (step: LevelDiff, all: boolean) => (all ? step : keepClauses(step, ['added', 'removed', 'changed']));
const nothingToWalk = (path: LevelPath) => `${path.from.title} and ${path.to.title} are the same level: there is nothing to walk`;

export const pathRenderers: Renderers<PathDisplay> = {
  text: (display, options) => {
    const { path, all } = display;
    const { style } = options;
    if (path.steps.length === 0) return `${safe(nothingToWalk(path))}\n`;
    const count = path.steps.length;
    const parts = [`${style.title(`${levelName(path.from, style)} → ${levelName(path.to, style)}`)}: ${count} ${count === 1 ? 'step' : 'steps'}\n`];
    path.steps.forEach((step, index) => {
      parts.push(`${options.lines ? '' : '\n'}${style.heading(`Step ${index + 1} of ${count}`)}\n${renderDiffText(stepOf(step, all), { ...options, all })}`);
    });
    const overall = overallOf(display);
    if (overall) parts.push(`${options.lines ? '' : '\n'}${style.heading(`Overall: what ${safe(path.to.id)} asks for that ${safe(path.from.id)} did not`)}\n${renderDiffText(overall, { ...options, all })}`);
    return parts.join('');
  },
  markdown: (display) => {
    const { path, all } = display;
    if (path.steps.length === 0) return mdDocument([mdText(nothingToWalk(path))]);
    const overall = overallOf(display);
    return mdDocument([
      mdHeading(2, `${path.from.title} → ${path.to.title}`),
      ...path.steps.flatMap((step, index) => [mdHeading(3, `Step ${index + 1} of ${path.steps.length}`), ...diffMarkdownBlocks(stepOf(step, all), all, 4)]),
      ...(overall ? [mdHeading(3, 'Overall'), ...diffMarkdownBlocks(overall, all, 4)] : []),
    ]);
  },
  tsv: {
    columns: ['step', 'from', 'to', 'section', 'change', 'old', 'new'],
    rows: (display) => {
      const { path, all } = display;
      const overall = overallOf(display);
      return [
        ...path.steps.flatMap((step, index) => diffRows(stepOf(step, all), all).map((row) => [String(index + 1), step.from.id, step.to.id, ...row])),
        ...(overall ? diffRows(overall, all).map((row) => ['overall', path.from.id, path.to.id, ...row]) : []),
      ];
    },
  },
  data: ({ path }) => path,
};
