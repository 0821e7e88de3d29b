import type { DraftLadder, DraftLevel } from './draft.js';
import type { MarkdownFile } from './read-markdown.js';
import type { Overrides } from './overrides.js';
import { looksLikeLevel } from './titles.js';

/** What a hint says a ladder is, wherever the reader finds none. */
export const LADDER_HINT = 'a level is a heading with axes under it (sub-headings, `**Label:** text` lines or labelled list items) or a row or column of a table of levels';

/** The files read, as the user named them: the one file, or the folder they share. */
export function sourceName(files: Pick<MarkdownFile, 'name'>[]): string {
  const [first] = files;
  if (!first) return '<stdin>';
  if (files.length === 1) return first.name;
  const folder = first.name.replace(/[\\/][^\\/]*$/, '');
  return folder !== first.name && files.every((file) => file.name.startsWith(`${folder}/`) || file.name.startsWith(`${folder}\\`)) ? folder : `these ${files.length} files`;
}

/**
 * Why a document that read as one level holds no ladder, or undefined when it may: a page such as
 * a SECURITY.md or a design note reads as one level made of its sections, and any document would
 * validate as a ladder of one level. One level is a ladder when something says it is a rung: its
 * title reads like a level's (`Senior Engineer`, `L5`), or it has a code, a grade or an
 * equivalent line, or the author told the reader how to read the document (`--level-depth`,
 * `ladder:` in the front matter).
 */
export function noLadderReason(draft: DraftLadder, overrides: Overrides): { reason: string; hint: string; file: string; line: number } | undefined {
  const levels = draft.tracks.flatMap((track) => track.levels);
  const [level] = levels;
  if (!level || overrides.levelDepth !== undefined || overrides.transpose !== undefined) return undefined;
  // A folder of pages (design notes, policies) reads as one level per page: each page is no more a level than one page alone.
  const onePerPage = levels.length === new Set(levels.map((each) => each.file)).size;
  if ((levels.length > 1 && !onePerPage) || levels.some(saysItIsARung)) return undefined;
  const reason =
    levels.length === 1
      ? `the only section that could be a level, \`${level.title}\`, has no level's title, code, grade or equivalent line`
      : `none of the ${levels.length} pages that could be levels (\`${level.title}\`, …) has a level's title, code, grade or equivalent line`;
  const which = levels.length === 1 ? 'if this section is one, give it' : 'if these pages are levels, give each';
  const hint = `${LADDER_HINT}; ${which} an \`**Equivalent**: n/a\` line, or say how to read the document with \`ladder: { level-depth: N }\` in its front matter`;
  return { reason, hint, file: level.file, line: level.line };
}

/** Whether something says the level is a rung: its title reads like a level's, or it has a code, a grade or an equivalent line. */
export function saysItIsARung(level: DraftLevel): boolean {
  return level.code !== undefined || level.grade !== undefined || level.equivalentLine !== undefined || looksLikeLevel(level.title);
}
