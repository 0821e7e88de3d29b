import { expectationsByAxis, isMet, THRESHOLD } from '../query/assessment.js';
import type { Review } from '../query/assessment.js';
import type { AssessedExpectation, Evidence } from '../model/assessment.js';
import { mdDocument, mdHeading, mdText, mdUrl } from './markdown.js';
import type { Renderers } from './output.js';
import { hanging, levelName, safe, table } from './text/layout.js';
import type { TextOptions } from './text/layout.js';
import { pushAll } from '../lists.js';

/** `The ladder changed since this assessment was last updated: 1 expectation reworded, …`; empty when it did not. */
export function changeLine(review: Review): string {
  if (!review.ladderChanged) return '';
  const reworded = review.expectations.filter((entry) => entry.reworded).length;
  const parts = [
    `${reworded} reworded (ratings and evidence kept)`,
    `${review.removed.length} no longer in the ladder (kept under removed)`,
    `${review.added} new`,
  ];
  const since = `The ladder changed since this assessment was last updated: ${parts.join(', ')}.`;
  return review.updated ? `${since} The file now matches it.` : `${since} Run with --update to rewrite the file.`;
}

/** The reworded expectations, old and new, so the person can check their rating still holds. */
export const reworded = (review: Review) => review.expectations.filter((entry): entry is typeof entry & { reworded: string } => entry.reworded !== undefined);

/** `Name · 2026-03-31 · reviewer: Sam Roe`: the optional fields the file has, or empty. */
export function whoLine(review: Review): string {
  return [review.name, review.date, review.reviewer ? `reviewer: ${review.reviewer}` : null].filter((part): part is string => Boolean(part)).join(' · ');
}

/** ` (new)`, ` (changed)` or nothing: checklist's words. */
export const changeMark = (entry: AssessedExpectation) => (entry.new ? ' (new)' : entry.changed ? ' (changed)' : '');

/** `4 of 6 met (consistently); 1 sometimes, 1 not yet`. */
function counts(axis: Review['axes'][number]): string {
  const rest = (['sometimes', 'not yet', 'unrated'] as const).filter((rating) => axis.counts[rating] > 0).map((rating) => `${axis.counts[rating]} ${rating}`);
  return `${axis.met} of ${axis.total} met${rest.length > 0 ? `; ${rest.join(', ')}` : ''}`;
}

const BAR = 20;
const bar = (axis: Review['axes'][number]) => {
  const filled = Math.round((axis.met / Math.max(1, axis.total)) * BAR);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
};

const verdict = (review: Review) =>
  review.met ? `Every expectation is rated ${THRESHOLD}.` : `${review.gaps.notMet} of ${review.expectations.length} expectations not yet rated ${THRESHOLD}; ${review.gaps.withoutEvidence} without evidence.`;

function reviewText(review: Review, { style, wrap, lines }: TextOptions): string {
  const out: string[] = [];
  const change = changeLine(review);
  if (lines) {
    // For grep and scripts: one line per axis, then one per gap.
    if (change) out.push(`changed: ${change}`);
    for (const axis of review.axes) out.push(`axis: ${safe(axis.name)}: ${counts(axis)}`);
    for (const entry of review.expectations) if (!isMet(entry.rating)) out.push(`not met: ${safe(entry.axis)}: ${safe(entry.expectation)} (${entry.rating ?? 'unrated'})`);
    for (const entry of review.expectations) if (entry.evidence.length === 0) out.push(`no evidence: ${safe(entry.axis)}: ${safe(entry.expectation)}`);
    for (const entry of reworded(review)) out.push(`reworded: ${safe(entry.axis)}: ${safe(entry.reworded)} → ${safe(entry.expectation)}`);
    for (const entry of review.removed) out.push(`removed: ${safe(entry.axis)}: ${safe(entry.expectation)}`);
    out.push(`summary: ${verdict(review)}`);
    return `${out.join('\n')}\n`;
  }
  out.push(style.title(`${levelName(review.level, style)} → ${levelName(review.target, style)}`));
  const who = whoLine(review);
  if (who) out.push(style.muted(safe(who)));
  if (change) out.push(hanging(style.changed(change), '', '', wrap));
  pushAll(out, ['', ...table(review.axes.map((axis) => [style.heading(safe(axis.name)), style.added(bar(axis)), counts(axis)]))]);
  const section = (title: string, entries: AssessedExpectation[], note: (entry: AssessedExpectation) => string) => {
    if (entries.length === 0) return;
    out.push('', style.heading(title));
    for (const entry of entries) out.push(hanging(`${safe(entry.expectation)}${style.muted(note(entry))}`, `  ${style.muted(`${safe(entry.axis)}:`)} `, '    ', wrap));
  };
  section(`Not yet ${THRESHOLD}`, review.expectations.filter((entry) => !isMet(entry.rating)), (entry) => ` (${entry.rating ?? 'unrated'})`);
  section('Without evidence', review.expectations.filter((entry) => entry.evidence.length === 0), () => '');
  if (reworded(review).length > 0) {
    out.push('', style.heading('Reworded (check that your rating still holds)'));
    for (const entry of reworded(review)) out.push(hanging(`${style.removed(safe(entry.reworded))} → ${style.added(safe(entry.expectation))}`, `  ${style.muted(`${safe(entry.axis)}:`)} `, '    ', wrap));
  }
  section('No longer in the ladder (kept, with their evidence)', review.removed, (entry) => ` (${entry.rating ?? 'unrated'}, ${(entry.evidence ?? []).length} evidence)`);
  out.push('', verdict(review));
  return `${out.join('\n')}\n`;
}

function evidenceMarkdown(evidence: Evidence): string {
  const text = mdText(evidence.text);
  return `  - ${evidence.link ? `[${text}](${mdUrl(evidence.link)})` : text}${evidence.date ? ` (${mdText(evidence.date)})` : ''}`;
}

/** A promotion packet: the summary, then each axis's expectations with their ratings and evidence. */
function reviewMarkdown(review: Review): string {
  const blocks = [mdHeading(2, `${review.target.heading}: self-assessment`)];
  const who = whoLine(review);
  if (who) blocks.push(`**${mdText(who)}**`);
  blocks.push(`From ${mdText(review.level.heading)} to ${mdText(review.target.heading)}. ${mdText(verdict(review))}`);
  const change = changeLine(review);
  if (change) blocks.push(`_${mdText(change)}_`);
  if (reworded(review).length > 0) blocks.push(reworded(review).map((entry) => `- ${mdText(entry.axis)}: reworded from “${mdText(entry.reworded)}” to “${mdText(entry.expectation)}”`).join('\n'));
  blocks.push(['| Axis | Met | Sometimes | Not yet | Unrated |', '| --- | --- | --- | --- | --- |', ...review.axes.map((axis) => `| ${mdText(axis.name)} | ${axis.met} of ${axis.total} | ${axis.counts.sometimes} | ${axis.counts['not yet']} | ${axis.counts.unrated} |`)].join('\n'));
  const byAxis = expectationsByAxis(review);
  for (const axis of review.axes) {
    blocks.push(mdHeading(3, axis.name));
    blocks.push(
      (byAxis.get(axis.name) ?? [])
        .map((entry) => [`- ${mdText(entry.expectation)}${changeMark(entry) ? ` _${changeMark(entry).trim()}_` : ''}: **${entry.rating ?? 'unrated'}**`, ...entry.evidence.map(evidenceMarkdown)].join('\n'))
        .join('\n'),
    );
  }
  if (review.removed.length > 0) {
    blocks.push(mdHeading(3, 'No longer in the ladder'));
    blocks.push(review.removed.map((entry) => [`- ${mdText(entry.axis)}: ${mdText(entry.expectation)}: **${entry.rating ?? 'unrated'}**`, ...(entry.evidence ?? []).map(evidenceMarkdown)].join('\n')).join('\n'));
  }
  return mdDocument(blocks);
}

export const reviewRenderers: Renderers<Review> = {
  text: reviewText,
  markdown: reviewMarkdown,
  tsv: {
    columns: ['axis', 'expectation', 'new', 'changed', 'rating', 'evidence'],
    rows: (review) => review.expectations.map((entry) => [entry.axis, entry.expectation, entry.new ? 'yes' : '', entry.changed ? 'yes' : '', entry.rating ?? '', entry.evidence.length]),
  },
};
