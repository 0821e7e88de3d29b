import type { ClauseChange, LevelDiff, SectionDiff, WordPart } from '../../query/diff.js';
import type { LevelRef } from '../../query/views.js';
import type { Style } from '../style.js';
import { hanging, levelName, safe } from './layout.js';
import type { TextOptions } from './layout.js';

export interface DiffTextOptions extends TextOptions {
  /** Show unchanged clauses and sections too. */
  all: boolean;
}

export function renderDiffText(diff: LevelDiff, options: DiffTextOptions): string {
  if (options.lines) return diffLines(diff, options);
  const { style } = options;
  const lines = [style.title(levelsHeading(diff, (side) => levelName(side, style))), ...placeLines(diff, (ref) => (ref ? levelName(ref, style) : 'n/a')).map(([label, text]) => style.muted(`${label}: `) + text)];
  for (const section of diff.sections) {
    if (section.kind === 'unchanged' && !options.all) continue;
    lines.push('', sectionHeading(section, diff, style));
    for (const clause of section.clauses) {
      if (clause.kind === 'unchanged' && !options.all) continue;
      lines.push(clauseLine(clause, options));
    }
    if (section.note) lines.push(hanging(style.muted(`(${safe(section.note)})`), '  ', '  ', options.wrap));
  }
  lines.push('', summaryLine(diff));
  return `${lines.join('\n')}\n`;
}

/** For grep: every clause on one line behind its section, `Domain Knowledge: ~ …`. */
function diffLines(diff: LevelDiff, options: DiffTextOptions): string {
  const { style } = options;
  const lines = [levelsHeading(diff, (side) => levelName(side, style)), ...placeLines(diff, (ref) => (ref ? levelName(ref, style) : 'n/a')).map(([label, text]) => `${label}: ${text}`)];
  for (const section of diff.sections) {
    for (const clause of section.clauses) {
      if (clause.kind === 'unchanged' && !options.all) continue;
      lines.push(`${safe(section.name)}: ${clauseRecord(clause, options)}`);
    }
    if (section.note) lines.push(`${safe(section.name)}: (${safe(section.note)})`);
  }
  lines.push(summaryLine(diff));
  return `${lines.join('\n')}\n`;
}

function sectionHeading(section: SectionDiff, diff: LevelDiff, style: Style): string {
  const heading = style.heading(safe(section.name));
  const side = sectionSide(section, diff, { from: safe(diff.from.id), to: safe(diff.to.id) });
  return side ? `${heading} ${style.muted(`(${side})`)}` : heading;
}

/** What an axis on one side only is called: `added` between two versions of a ladder, else where it is (`only in lead`). */
export function sectionSide(section: SectionDiff, diff: LevelDiff, names: { from: string; to: string }): string | undefined {
  if (section.kind === 'added') return diff.kind === 'versions' ? 'added' : `only in ${names.to}`;
  if (section.kind === 'removed') return diff.kind === 'versions' ? 'removed' : `only in ${names.from}`;
  return undefined;
}

function clauseLine(clause: ClauseChange, options: DiffTextOptions): string {
  const { style, wrap } = options;
  switch (clause.kind) {
    case 'unchanged':
      return hanging(safe(clause.text), '  = ', '    ', wrap);
    case 'added':
      return style.added(hanging(safe(clause.text), '  + ', '    ', wrap));
    case 'removed':
      return style.removed(hanging(safe(clause.text), '  - ', '    ', wrap));
    case 'changed':
      return hanging(wordDiff(clause.words, options), style.changed('  ~ '), '    ', wrap);
  }
}

/**
 * A clause on one line for a pipe: the marker is never coloured, so `grep '^Domain Knowledge: ~'`
 * finds the same lines with `--color` as without; only the text after it is.
 */
function clauseRecord(clause: ClauseChange, options: DiffTextOptions): string {
  const { style } = options;
  switch (clause.kind) {
    case 'unchanged':
      return `= ${safe(clause.text)}`;
    case 'added':
      return `+ ${style.added(safe(clause.text))}`;
    case 'removed':
      return `- ${style.removed(safe(clause.text))}`;
    case 'changed':
      return `~ ${wordDiff(clause.words, options)}`;
  }
}

/** Changed words in colour, or between git's word-diff markers when there is no colour. */
function wordDiff(words: WordPart[], { style }: DiffTextOptions): string {
  return words
    .map(({ kind, text }) => {
      const clean = safe(text);
      if (kind === 'unchanged') return clean;
      if (!style.colored) return kind === 'added' ? `{+${clean}+}` : `[-${clean}-]`;
      return kind === 'added' ? style.addedWords(clean) : style.removedWords(clean);
    })
    .join('');
}

/** `→` from one level to the next, `↔` between two tracks' levels, which neither follows. */
export const arrow = (diff: LevelDiff) => (diff.kind === 'comparison' ? '↔' : '→');

/** The two levels, `FROM → TO`; one version of a level whose title and id stayed is named once. */
export function levelsHeading(diff: LevelDiff, name: (side: LevelDiff['from']) => string): string {
  const same = diff.kind === 'versions' && diff.from.id === diff.to.id && diff.from.heading === diff.to.heading;
  return same ? name(diff.to) : `${name(diff.from)} ${arrow(diff)} ${name(diff.to)}`;
}

/**
 * The lines that place the two levels: the labelled equivalent (unless neither has one and the
 * grade says more), then the grade where either has one.
 */
export function placeLines(diff: LevelDiff, name: (ref: LevelRef | null) => string, text: (value: string) => string = safe): [label: string, text: string][] {
  const graded = diff.from.grade !== null || diff.to.grade !== null;
  const lines: [string, string][] = [];
  const add = (label: string, from: string, to: string) => {
    // Between versions of one level, only what changed: `changes` lists its equivalents and grades apart.
    if (diff.kind !== 'versions' || from !== to) lines.push([label, `${from} ${arrow(diff)} ${to}`]);
  };
  if (!graded || diff.from.equivalent || diff.to.equivalent) add('equivalent', name(diff.from.equivalent), name(diff.to.equivalent));
  if (graded) add('grade', text(diff.from.grade ?? 'none'), text(diff.to.grade ?? 'none'));
  return lines;
}

/** What a clause on one side only is called, by the kind of diff: see LevelDiff. */
export function sideWords(diff: LevelDiff, names: { from: string; to: string }): { added: string; removed: string; changed: string; unchanged: string } {
  if (diff.kind === 'comparison') return { added: `only in ${names.to}`, removed: `only in ${names.from}`, changed: 'worded differently', unchanged: 'in both' };
  // `not restated`, not `removed`, between levels: ladders accumulate, and a clause the higher level does not repeat is rarely dropped.
  return { added: 'added', removed: diff.kind === 'versions' ? 'removed' : 'not restated', changed: 'changed', unchanged: 'unchanged' };
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
