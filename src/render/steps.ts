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

/** Each step shows what it adds and changes; the summary line still counts what it drops. */
const additions = (diff: LevelDiff) => keepClauses(diff, ['added', 'changed']);

export const pathRenderers: Renderers<LevelPath> = {
  text: (path, options) => {
    const { style } = options;
    const count = path.steps.length;
    const parts = [`${style.title(`${levelName(path.from, style)} → ${levelName(path.to, style)}`)}: ${count} ${count === 1 ? 'step' : 'steps'}\n`];
    path.steps.forEach((step, index) => {
      parts.push(`${options.lines ? '' : '\n'}${style.heading(`Step ${index + 1} of ${count}`)}\n${diffText(additions(step), options)}`);
    });
    parts.push(`${options.lines ? '' : '\n'}${style.heading(`Overall: what ${safe(path.to.id)} asks for that ${safe(path.from.id)} did not`)}\n${diffText(path.overall, options)}`);
    return parts.join('');
  },
  markdown: (path) =>
    mdDocument([
      mdHeading(2, `${path.from.title} → ${path.to.title}`),
      ...path.steps.flatMap((step, index) => [mdHeading(3, `Step ${index + 1} of ${path.steps.length}`), ...diffMarkdownBlocks(additions(step), false, 4)]),
      mdHeading(3, 'Overall'),
      ...diffMarkdownBlocks(path.overall, false, 4),
    ]),
  tsv: {
    columns: ['step', 'from', 'to', 'section', 'change', 'old', 'new'],
    rows: (path) => [
      ...path.steps.flatMap((step, index) => diffRows(additions(step), false).map((row) => [String(index + 1), step.from.id, step.to.id, ...row])),
      ...diffRows(path.overall, false).map((row) => ['overall', path.from.id, path.to.id, ...row]),
    ],
  },
};
