import { basename } from 'node:path';
import { pushAll } from '../../lists.js';
import { countWords, Findings } from './draft.js';
import type { DraftLadder, DraftLevel } from './draft.js';
import { saysItIsARung } from './no-ladder.js';
import type { Overrides } from './overrides.js';
import { readStructure, subtreeText } from './structure.js';
import type { SourceDocument } from './structure.js';
import { looksLikeLevel } from './titles.js';

/**
 * Reads a folder's pages as one ladder, leaving out the pages that hold none. A handbook keeps its
 * ladder pages (`titles-for-designers.md`) beside pages of another kind (`benefits.md`,
 * `how-we-work.md`), whose headings, read with the ladder, would be taken for levels and would
 * move the level depth of the ladder pages too. So the folder is read once on trial: a page whose
 * sections read as levels, most of which say nothing of a rung (a level's title, a code, a grade,
 * an equivalent line), with no table of levels, no axes its levels share, and a file name that
 * names no level, is skipped where another page does hold levels that say so: a warning names it,
 * and its words are counted as left out. The folder is then read without it. `keep-page` and
 * `skip-page` (on the command line, or under `ladder:` in a page's front matter) decide for a page
 * by name, and a page with `ladder:` settings of its own is a ladder page.
 */
export function readLadderPages(documents: SourceDocument[], defaultTrackName: string, findings: Findings, overrides: Overrides, declared: Set<string>): DraftLadder {
  const named = (list: string[] | undefined, file: string) => (list ?? []).some((name) => name === file || basename(name) === basename(file));
  const forced = documents.filter((document) => named(overrides.skipPage, document.file));
  // The author said how to read the whole folder: every page is read that way.
  const judged = documents.length > 1 && overrides.levelDepth === undefined && overrides.transpose === undefined;
  const trial = new Findings();
  const source = forced.length > 0 ? documents.filter((document) => !forced.includes(document)) : documents;
  const draft = readStructure(source, defaultTrackName, judged ? trial : findings, overrides);
  const without = judged ? pagesWithoutLadder(draft, trial, source, (file) => declared.has(file) || named(overrides.keepPage, file)) : [];
  for (const document of forced) {
    findings.decide(document.file, 1, `page ${basename(document.file)}`, 'skipped', 'not a ladder page: skip-page set by the author');
    skipPage(document, 'skipped, as skip-page says', findings);
  }
  for (const { document, levels } of without) {
    const [first] = levels as [DraftLevel];
    const name = basename(document.file);
    const sections = levels.length === 1 ? `its one section read as a level (\`${first.title}\`) has` : `most of its ${levels.length} sections read as levels (\`${first.title}\`, …) have`;
    const why = `${sections} no level's title, code, grade or equivalent line, nor axes another shares, and its file name names no level, unlike the ladder pages beside it`;
    findings.decide(document.file, 1, `page ${name}`, 'skipped', `not a ladder page: ${why}`);
    skipPage(document, `skipped: this page holds no ladder (${why})`, findings, `if it is one of the ladder's pages, import with --keep-page ${name}, or keep \`ladder: { keep-page: [${name}] }\` in the front matter of a page`);
  }
  if (!judged) return draft;
  if (without.length === 0) {
    absorb(findings, trial);
    return draft;
  }
  const kept = source.filter((document) => !without.some((page) => page.document === document));
  return readStructure(kept, defaultTrackName, findings, overrides);
}

/** A page left out whole: named in a warning, with the count of its words, which the summary counts as left out. */
function skipPage(document: SourceDocument, message: string, findings: Findings, hint?: string): void {
  const words = countWords(subtreeText(document.root).join(' '));
  findings.wordsLeftOut += words;
  findings.warn(document.file, 1, `${message}; its ${words} ${words === 1 ? 'word' : 'words'} left out`, hint);
}

/** The pages whose levels, as the folder was read, say nothing of a rung, where other pages' levels do. */
function pagesWithoutLadder(draft: DraftLadder, trial: Findings, documents: SourceDocument[], kept: (file: string) => boolean): { document: SourceDocument; levels: DraftLevel[] }[] {
  const levelsOf = new Map<string, DraftLevel[]>();
  for (const track of draft.tracks) for (const level of track.levels) levelsOf.set(level.file, [...(levelsOf.get(level.file) ?? []), level]);
  const fromTables = new Set(trial.decisions.filter((decision) => decision.role === 'levels').map((decision) => decision.file));
  const isLadder = (document: SourceDocument, levels: DraftLevel[]) => {
    if (fromTables.has(document.file) || kept(document.file) || looksLikeLevel(fileTitle(document.file))) return true;
    // One level per file: the page is a level by the rule that wrapped it.
    if (document.root.children.some((child) => child.madeBy !== undefined)) return true;
    // Most of them, not one: a handbook's `Everyone on Support (EOS)` is no rung among its topics.
    const rungs = levels.filter(saysItIsARung).length;
    return (rungs > 0 && rungs * 2 >= levels.length) || sharesAxes(levels);
  };
  const pages = documents.map((document) => ({ document, levels: levelsOf.get(document.file) ?? [] })).filter(({ levels }) => levels.length > 0);
  const verdicts = pages.map((page) => ({ ...page, ladder: isLadder(page.document, page.levels) }));
  if (!verdicts.some(({ ladder }) => ladder)) return [];
  return verdicts.filter(({ ladder }) => !ladder);
}

/** `senior_engineer.md` → `senior engineer`: what a file's name says its page is. */
function fileTitle(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
}

/** Whether two of the levels have an axis of the same name: the mark of levels, which a handbook's topics lack. */
function sharesAxes(levels: DraftLevel[]): boolean {
  const seen = new Set<string>();
  for (const level of levels) {
    const names = [...level.axes.keys()].map((name) => name.toLowerCase());
    if (names.some((name) => seen.has(name))) return true;
    for (const name of names) seen.add(name);
  }
  return false;
}

/** What a trial reading found, taken as the reading's own. */
function absorb(findings: Findings, trial: Findings): void {
  pushAll(findings.warnings, trial.warnings);
  pushAll(findings.errors, trial.errors);
  pushAll(findings.decisions, trial.decisions);
  findings.sectionsAsProse += trial.sectionsAsProse;
  findings.wordsLeftOut += trial.wordsLeftOut;
}
