import type { ClauseChange, LevelDiff, WordPart } from '../query/diff.js';
import { mdDocument, mdHeading, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { levelsHeading, sectionSide, sideWords, summaryLine } from './diff-words.js';
import { placeLines, renderDiffText } from './text/diff.js';

export interface DiffDisplay {
  diff: LevelDiff;
  /** Show unchanged clauses and sections too. */
  all: boolean;
}

export const diffRenderers: Renderers<DiffDisplay> = {
  text: ({ diff, all }, options) => renderDiffText(diff, { ...options, all }),
  markdown: ({ diff, all }) => mdDocument(diffMarkdownBlocks(diff, all, 2)),
  tsv: {
    columns: ['section', 'change', 'from', 'to'],
    rows: ({ diff, all }) => diffRows(diff, all),
  },
  data: ({ diff }) => diff,
};

/** One TSV row per clause: section, change, old text, new text. */
export function diffRows(diff: LevelDiff, all: boolean): string[][] {
  return diff.sections.flatMap((section) => section.clauses.filter((clause) => all || clause.kind !== 'unchanged').map((clause) => [section.name, clause.kind, ...clauseSides(clause)]));
}

function clauseSides(clause: ClauseChange): [string, string] {
  switch (clause.kind) {
    case 'added':
      return ['', clause.text];
    case 'removed':
      return [clause.text, ''];
    case 'unchanged':
      return [clause.text, clause.text];
    case 'changed':
      return [clause.from, clause.to];
  }
}

/**
 * A Markdown section per axis, headings starting at `depth`: new text in bold, words a change drops
 * struck through, and clauses the second level does not repeat marked `not restated` (not struck
 * through), ready for a promotion document or a pull request.
 */
export function diffMarkdownBlocks(diff: LevelDiff, all: boolean, depth: number): string[] {
  const blocks = [mdHeading(depth, levelsHeading(diff, (side) => side.heading)), ...placeLines(diff, (ref) => (ref ? mdText(ref.title) : '_n/a_'), mdText).map(([label, text]) => `**${label[0]?.toUpperCase()}${label.slice(1)}**: ${text}`)];
  const words = sideWords(diff, { from: diff.from.heading, to: diff.to.heading });
  for (const section of diff.sections) {
    const clauses = section.clauses.filter((clause) => all || clause.kind !== 'unchanged');
    if (clauses.length === 0) continue;
    const side = sectionSide(section, diff, { from: mdText(diff.from.heading), to: mdText(diff.to.heading) });
    blocks.push(`${mdHeading(depth + 1, section.name)}${side ? ` (${side})` : ''}`, clauses.map((clause) => clauseMarkdown(clause, words)).join('\n'));
    if (section.note) blocks.push(`_Note: ${mdText(section.note)}._`);
  }
  blocks.push(`_${mdText(summaryLine(diff))}_`);
  return blocks;
}

function clauseMarkdown(clause: ClauseChange, words: ReturnType<typeof sideWords>): string {
  switch (clause.kind) {
    case 'added':
      return `- **${mdText(words.added)}:** ${mdText(clause.text)}`;
    case 'removed':
      // Not struck through: a committee reads that as "no longer expected", where most ladders mean "not repeated here".
      return `- **${mdText(words.removed)}:** ${mdText(clause.text)}`;
    case 'unchanged':
      return `- ${words.unchanged}: ${mdText(clause.text)}`;
    case 'changed':
      return `- **${words.changed}:** ${wordsMarkdown(clause.words)}`;
  }
}

/** A removal followed directly by an addition gets a space between them, so `~~old~~ **new**` reads as two words. */
function wordsMarkdown(words: WordPart[]): string {
  return words.map((part, i) => (part.kind === 'added' && words[i - 1]?.kind === 'removed' ? ` ${wordMarkdown(part)}` : wordMarkdown(part))).join('');
}

/** Markers hug the words, so spaces at either end of a change stay outside them. */
function wordMarkdown({ kind, text }: WordPart): string {
  if (kind === 'unchanged') return mdText(text);
  const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  if (!body) return text;
  return `${lead}${kind === 'added' ? `**${mdText(body)}**` : `~~${mdText(body)}~~`}${trail}`;
}
