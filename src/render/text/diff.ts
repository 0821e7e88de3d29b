import type { ClauseChange, LevelDiff, SectionDiff, WordPart } from '../../query/diff.js';
import { arrow, levelsHeading, sectionSide, summaryLine } from '../diff-words.js';
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

