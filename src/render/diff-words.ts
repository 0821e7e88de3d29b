import type { LevelDiff, SectionDiff } from '../query/diff.js';

// How a diff of two levels is worded, shared by the terminal, Markdown and the HTML page (which
// bundles this file alone, so it imports nothing that draws text).

/** `→` from one level to the next, `↔` between two tracks' levels, which neither follows. */
export const arrow = (diff: LevelDiff) => (diff.kind === 'comparison' ? '↔' : '→');

/** The two levels, `FROM → TO`; one version of a level whose title and id stayed is named once. */
export function levelsHeading(diff: LevelDiff, name: (side: LevelDiff['from']) => string): string {
  const same = diff.kind === 'versions' && diff.from.id === diff.to.id && diff.from.heading === diff.to.heading;
  return same ? name(diff.to) : `${name(diff.from)} ${arrow(diff)} ${name(diff.to)}`;
}

/** What a clause on one side only is called, by the kind of diff: see LevelDiff. */
export function sideWords(diff: LevelDiff, names: { from: string; to: string }): { added: string; removed: string; changed: string; unchanged: string } {
  if (diff.kind === 'comparison') return { added: `only in ${names.to}`, removed: `only in ${names.from}`, changed: 'worded differently', unchanged: 'in both' };
  // `not restated`, not `removed`, between levels: ladders accumulate, and a clause the higher level does not repeat is rarely dropped.
  return { added: 'added', removed: diff.kind === 'versions' ? 'removed' : 'not restated', changed: 'changed', unchanged: 'unchanged' };
}

/** What an axis on one side only is called: `added` between two versions of a ladder, else where it is (`only in lead`). */
export function sectionSide(section: SectionDiff, diff: LevelDiff, names: { from: string; to: string }): string | undefined {
  if (section.kind === 'added') return diff.kind === 'versions' ? 'added' : `only in ${names.to}`;
  if (section.kind === 'removed') return diff.kind === 'versions' ? 'removed' : `only in ${names.from}`;
  return undefined;
}

export function summaryLine(diff: LevelDiff): string {
  const { summary, sections } = diff;
  const onlyAxes = sections.every((section) => section.name !== 'Description');
  const noun = onlyAxes ? (summary.sections === 1 ? 'axis' : 'axes') : summary.sections === 1 ? 'section' : 'sections';
  const words = sideWords(diff, { from: diff.from.id, to: diff.to.id });
  const counts: [number, string][] =
    diff.kind === 'comparison'
      ? [[summary.removed, words.removed], [summary.added, words.added], [summary.changed, words.changed], [summary.unchanged, words.unchanged]]
      : [[summary.added, words.added], [summary.removed, words.removed], [summary.changed, words.changed], [summary.unchanged, words.unchanged]];
  return `${summary.sections} ${noun}: ${counts.map(([count, word]) => `${count} ${word}`).join(', ')}`;
}
