import type { ClauseChange, DiffSummary, LevelDiff, SectionDiff, WordPart } from '../../query/diff.js';
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
  const equivalent = (ref: LevelDiff['from']['equivalent']) => (ref ? levelName(ref, style) : 'n/a');
  const lines = [
    style.title(`${levelName(diff.from, style)} → ${levelName(diff.to, style)}`),
    style.muted('equivalent: ') + `${equivalent(diff.from.equivalent)} → ${equivalent(diff.to.equivalent)}`,
  ];
  for (const section of diff.sections) {
    if (section.kind === 'unchanged' && !options.all) continue;
    lines.push('', sectionHeading(section, diff, style));
    for (const clause of section.clauses) {
      if (clause.kind === 'unchanged' && !options.all) continue;
      lines.push(clauseLine(clause, options));
    }
    if (section.note) lines.push(hanging(style.muted(`(${safe(section.note)})`), '  ', '  ', options.wrap));
  }
  lines.push('', summaryLine(diff.summary, diff.sections));
  return `${lines.join('\n')}\n`;
}

/** For grep: every clause on one line behind its section, `Domain Knowledge: ~ …`. */
function diffLines(diff: LevelDiff, options: DiffTextOptions): string {
  const { style } = options;
  const equivalent = (ref: LevelDiff['from']['equivalent']) => (ref ? levelName(ref, style) : 'n/a');
  const lines = [`${levelName(diff.from, style)} → ${levelName(diff.to, style)}`, `equivalent: ${equivalent(diff.from.equivalent)} → ${equivalent(diff.to.equivalent)}`];
  for (const section of diff.sections) {
    for (const clause of section.clauses) {
      if (clause.kind === 'unchanged' && !options.all) continue;
      lines.push(`${safe(section.name)}: ${clauseRecord(clause, options)}`);
    }
    if (section.note) lines.push(`${safe(section.name)}: (${safe(section.note)})`);
  }
  lines.push(summaryLine(diff.summary, diff.sections));
  return `${lines.join('\n')}\n`;
}

function sectionHeading(section: SectionDiff, diff: LevelDiff, style: Style): string {
  const heading = style.heading(safe(section.name));
  if (section.kind === 'added') return `${heading} ${style.muted(`(only in ${safe(diff.to.id)})`)}`;
  if (section.kind === 'removed') return `${heading} ${style.muted(`(only in ${safe(diff.from.id)})`)}`;
  return heading;
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

export function summaryLine(summary: DiffSummary, sections: SectionDiff[]): string {
  const onlyAxes = sections.every((section) => section.name !== 'Description');
  const noun = onlyAxes ? (summary.sections === 1 ? 'axis' : 'axes') : summary.sections === 1 ? 'section' : 'sections';
  // `not restated`, not `removed`: ladders accumulate, and a clause the higher level does not repeat is rarely dropped.
  const changes = `${summary.added} added, ${summary.removed} not restated, ${summary.changed} changed, ${summary.unchanged} unchanged`;
  return `${summary.sections} ${noun}: ${changes}`;
}
