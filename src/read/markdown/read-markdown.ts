import { basename } from 'node:path';
import { normalizeName } from '../../model/names.js';
import { finish } from '../finish.js';
import type { FinishOptions, ReadResult } from '../finish.js';
import { readSections } from './blocks.js';
import type { Section } from './blocks.js';
import { Findings } from './draft.js';
import type { DraftLevel, DraftTrack } from './draft.js';
import { frontMatterWords, splitFrontMatter } from './front-matter.js';
import { MATRIX_KEYS, readFrontMatterMatrix } from './front-matter-matrix.js';
import { guardNesting } from './guard.js';
import { markAxesWithMarks } from './marked-axes.js';
import { prepareHtml } from './html.js';
import { isIntroductionPage, leaveOutNavigation, readIntroduction, splitTracksByStem } from './folder-pages.js';
import { fileStem } from './repeated-tracks.js';
import { readLadderPages } from './ladder-pages.js';
import { noLadderReason, sourceName } from './no-ladder.js';
import { mergeOverrides, readSettings, SETTINGS_KEY } from './overrides.js';
import { lineOfTopic, sharedTopicsOf, withSharedTopics } from './shared-topics.js';
import type { Overrides } from './overrides.js';
import { addMatrixLevels, descendants, headingText, labelledAxes, subtreeText } from './structure.js';
import type { SourceDocument } from './structure.js';
import { looksLikeLevel, seniority, withoutPictographs } from './titles.js';
import { pushAll } from '../../lists.js';

export interface MarkdownFile {
  /** The name used in messages. */
  name: string;
  text: string;
}

export interface MarkdownOptions extends FinishOptions {
  /** The name of the track that holds levels no track heading claims (one level per file, say). */
  trackName?: string;
  /** Decisions the reader must take as given (the command line's); a file's own, under `ladder:` in its front matter, come under them. */
  overrides?: Overrides;
  /** The files are a folder's, in the order of their names, which may say nothing of rank. */
  pagesInNameOrder?: boolean;
  /** The file of topics front-matter matrices share (`generic.md`), found beside the files read when it is not one of them. */
  sharedTopics?: MarkdownFile;
}

/** Loads what reading these texts needs beyond the Markdown lexer (the HTML parser, for a text that holds HTML). Call before readMarkdown. */
export const prepareMarkdown = prepareHtml;

/**
 * Reads one or more Markdown files as one ladder. Every word of the input ends up in the ladder or
 * in a warning that names its line: nothing is dropped silently. Problems the author must fix
 * (a heading with no text, a duplicate title, an equivalent that names nothing) are errors at
 * their lines; nothing here throws for a user's file.
 */
export function readMarkdown(files: MarkdownFile[], options: MarkdownOptions = {}): ReadResult {
  const findings = new Findings();
  const documents: SourceDocument[] = [];
  let ladderName: string | undefined;
  let grades: string[] | undefined;
  const ladderProse: string[] = [];
  const matrixTracks: { name?: string; levels: ReturnType<typeof readFrontMatterMatrix>['levels']; file: string; description: string[] }[] = [];

  const pages: Page[] = [];
  for (const file of files) {
    const text = file.text.replace(/\r\n?/g, '\n');
    const nesting = guardNesting(text);
    if (nesting) {
      findings.error(file.name, nesting.line, nesting.message, nesting.hint);
      continue;
    }
    const front = splitFrontMatter(text, file.name, findings.errors, findings.warnings);
    const { root, dropped } = readSections(neutralizeDelimiterRuns(front.body), front.lines);
    for (const { line, what, text: words } of dropped) findings.leaveOut(file.name, line, what, words);
    const data = front.data ?? {};
    const settings = data[SETTINGS_KEY] === undefined ? {} : readSettings(data[SETTINGS_KEY], file.name, lineOfKey(text, SETTINGS_KEY), findings);
    pages.push({ file, text, root, data, settings });
  }
  const overrides = mergeOverrides(pages.map((page) => page.settings), options.overrides ?? {});
  // A folder's introduction keeps its links as its prose; on the other pages they are navigation.
  if (files.length > 1 && overrides.navigation !== false) for (const { file, root } of pages) if (!isIntroductionPage(file.name)) leaveOutNavigation(root, file.name, findings);
  const topTitles = titlesInFiles(pages);
  // A front-matter title every page shares (`Design Framework`, whatever its emoji) names the set, not one page's level.
  const titleWords = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const pageTitles = new Map<string, number>();
  for (const { data } of pages) if (typeof data.title === 'string') pageTitles.set(titleWords(data.title), (pageTitles.get(titleWords(data.title)) ?? 0) + 1);
  const ownTitle = (title: string) => (pageTitles.get(titleWords(title)) ?? 0) === 1;
  // A folder's README or index is read last, once it is known whether every other page is one level.
  let introduction: { at: number; document: SourceDocument } | undefined;
  let pagesOfOneLevel = 0;
  const shared = sharedTopicsOf(pages.map(({ file, data }) => ({ name: file.name, data })), options.sharedTopics, findings.warnings);

  for (const { file, text, root, data, settings } of pages) {
    const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
    // A front-matter matrix is the file's ladder; its body is what the file says about it.
    const matrixKey = Object.keys(data).find((key) => MATRIX_KEYS.test(key));
    // A menu's title (`sidebarTitle: Senior Designer`) names the page where its `title` names the set.
    const menuKey = Object.keys(data).find((key) => MENU_TITLE_KEY.test(key) && typeof data[key] === 'string');
    const menuTitle = menuKey ? withoutPictographs(data[menuKey] as string) : undefined;
    const levelTitle = matrixKey ? undefined : oneLevelTitle(root, title, file.name, pages.length > 1 ? { topTitles, ownTitle, menuTitle } : undefined);
    if (levelTitle) wrapAsLevel(root, levelTitle.title, `one level per file: ${levelTitle.why}`);
    if (levelTitle) pagesOfOneLevel += 1;
    const titleUsed = levelTitle !== undefined && levelTitle.title === title;
    for (const [key, value] of Object.entries(data)) {
      if (key === 'title' && title) {
        // A front-matter matrix among several files is one discipline: its title names its track, not the ladder.
        if (!titleUsed && !(matrixKey && pages.length > 1)) {
          if (ladderName === undefined) ladderName = title;
          else ladderProse.push(title);
        }
      } else if ((key === 'description' || key === 'summary') && typeof value === 'string') {
        ladderProse.push(value.trim());
      } else if (key === 'grades' && Array.isArray(value) && value.length > 0 && value.every((grade) => typeof grade === 'string' || typeof grade === 'number') && grades === undefined) {
        // The grade scale, lowest first: `grades: [L3, L4, L5]`.
        grades = value.map(String);
      } else if (key === menuKey && levelTitle?.title === menuTitle) {
        continue;
      } else if (key === SETTINGS_KEY) {
        continue;
      } else if (MATRIX_KEYS.test(key)) {
        const sharing = shared !== undefined && shared.file !== file.name && (options.overrides?.sharedTopics ?? settings.sharedTopics ?? true);
        const { topics, inherited } = sharing ? withSharedTopics(value, shared.topics) : { topics: value, inherited: [] };
        const { levels, unread } = readFrontMatterMatrix(topics);
        for (const topic of inherited) {
          findings.decide(file.name, lineOfTopic(text, topic.name, lineOfKey(text, key)), `topic \`${topic.name}\``, 'axis', `shared topic: its title (${withoutPictographs(topic.title)}), and its criteria at this file's levels after the file's own, from ${shared?.file} (\`ladder: { shared-topics: false }\` or --no-shared-topics reads the file alone)`);
        }
        // A matrix is its file's discipline: named by the file's title, first heading or name, never merged with another file's.
        const description = key === matrixKey ? subtreeText(root) : [];
        matrixTracks.push({ name: titleUsed ? undefined : (title ?? root.children[0]?.title ?? fileStem(file.name)), levels, file: file.name, description });
        findings.decide(file.name, lineOfKey(text, key), `front matter \`${key}\``, 'levels', `front matter matrix: ${levels.length} levels`);
        for (const { where, words } of unread) findings.leaveOut(file.name, lineOfKey(text, key), `front matter ${where}`, words);
      } else if (key !== 'weight' && key !== 'order') {
        findings.leaveOut(file.name, lineOfKey(text, key), `front matter \`${key}\` is not ladder content;`, frontMatterWords({ [key]: value }));
      }
    }
    if (matrixKey) {
      for (const section of descendants(root)) findings.decide(file.name, section.line, headingText(section), 'prose', "front matter matrix: the levels are in the front matter, so the body is the track's description");
      continue;
    }
    if (pages.length > 2 && !levelTitle && introduction === undefined && overrides.introduction !== false && isIntroductionPage(file.name)) introduction = { at: documents.length, document: { file: file.name, root } };
    else documents.push({ file: file.name, root });
  }
  if (introduction && pagesOfOneLevel === pages.length - 1) {
    const { name, prose } = readIntroduction(introduction.document.root, introduction.document.file, ladderName !== undefined, findings);
    ladderName ??= name;
    pushAll(ladderProse, prose);
  } else if (introduction) {
    documents.splice(introduction.at, 0, introduction.document);
  }

  const defaultTrackName = options.trackName ?? ladderName ?? 'Levels';
  markAxesWithMarks(documents.flatMap((document) => descendants(document.root)));
  const declared = new Set(pages.filter(({ data }) => data[SETTINGS_KEY] !== undefined).map(({ file }) => file.name));
  const draft = readLadderPages(documents, defaultTrackName, findings, overrides, declared);
  for (const track of draft.tracks) renameRepeatedPages(track, findings);
  if (options.pagesInNameOrder && !pages.some(({ file, data }) => /\d/.test(basename(file.name)) || data.weight !== undefined || data.order !== undefined)) {
    for (const track of draft.tracks) orderPagesByRank(track, findings);
  }
  if (pages.length > 1 && overrides.tracksByName !== false) splitTracksByStem(draft, findings);
  // The front matter's title names the ladder; a title heading above the tracks then stays as prose.
  if (ladderName !== undefined && draft.name !== undefined && draft.name !== ladderName) draft.description.unshift(draft.name);
  draft.name = ladderName ?? draft.name;
  if (grades) draft.grades = grades;
  draft.description = [...ladderProse.filter(Boolean), ...draft.description];
  for (const { name, levels, file, description } of matrixTracks) {
    const trackName = name ?? defaultTrackName;
    let track = draft.tracks.find((candidate) => candidate.name === trackName && (name === undefined || candidate.file === file));
    if (!track) {
      track = { name: trackName, description: [], levels: [], file, line: 1 };
      draft.tracks.push(track);
    }
    pushAll(track.description, description);
    addMatrixLevels(track, levels, file, 2);
  }
  const noLadder = matrixTracks.length === 0 ? noLadderReason(draft, overrides) : undefined;
  if (noLadder) {
    findings.error(noLadder.file, noLadder.line, `no ladder found in ${sourceName(files)}: ${noLadder.reason}`, noLadder.hint);
  }
  return finish(draft, files, findings, options);
}

/**
 * A folder of one level per page, whose file names (`senior-engineer.md`) and front matter give no
 * order: the levels are ordered by the rank their titles name (`Junior` before `Senior`, `Head`
 * before `Director`), pages of the same rank kept in name order.
 */
function orderPagesByRank(track: DraftTrack, findings: Findings): void {
  const files = new Set(track.levels.map((level) => level.file));
  if (track.levels.length < 2 || files.size !== track.levels.length) return;
  const ranked = track.levels.map((level, index) => ({ level, index, rank: seniority(level.title) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  if (ranked.every(({ index }, at) => index === at)) return;
  track.levels = ranked.map(({ level }) => level);
  findings.decide(track.file, track.line, `${track.levels.length} pages of \`${track.name}\``, 'levels', 'one level per page: neither the file names nor a front matter `weight` order them, so the ranks their titles name do');
}

/**
 * A page that repeats another page's level title (a heading copied from the page before and left
 * unchanged) is named by its file where the file names a level the track does not hold yet:
 * `principal-ii-engineer.md` headed `# Principal I Engineer` is `Principal II Engineer`.
 */
function renameRepeatedPages(track: DraftTrack, findings: Findings): void {
  const titles = new Map<string, DraftLevel[]>();
  for (const level of track.levels) titles.set(normalizeName(level.title), [...(titles.get(normalizeName(level.title)) ?? []), level]);
  for (const [, levels] of titles) {
    if (levels.length < 2 || new Set(levels.map((level) => level.file)).size !== levels.length) continue;
    for (const level of levels) {
      const named = inTitleCase(fileTitle(level.file), level.title);
      const key = normalizeName(named);
      if (key === normalizeName(level.title) || titles.has(key) || !looksLikeLevel(named)) continue;
      findings.warn(level.file, level.line, `\`${level.title}\` is also the title of another page of \`${track.name}\`; this page is named \`${named}\` after its file`, 'correct the heading if the file name is wrong');
      titles.set(key, [level]);
      level.title = named;
    }
  }
}

/** A title made from a file name, with each word spelled as the heading spells it (`engineer` → `Engineer`). */
function inTitleCase(fromFile: string, heading: string): string {
  const spelled = new Map(heading.split(/\s+/).map((word) => [word.toLowerCase(), word]));
  return fromFile.split(/\s+/).map((word) => spelled.get(word.toLowerCase()) ?? word).join(' ');
}

/** The line of a top-level front matter key, for its warning. */
function lineOfKey(text: string, key: string): number {
  const at = text.search(new RegExp(`^["']?${key.replace(/[^\w-]/g, '\\$&')}["']?\\s*:`, 'm'));
  return at === -1 ? 2 : text.slice(0, at).split('\n').length;
}

/** Front matter keys of a site's menu entry for the page: `sidebarTitle`, `nav_title`, `linkTitle`, `menu-title`, `short_title`. */
const MENU_TITLE_KEY = /^(sidebar|nav|menu|link|short)[-_]?title$/i;

/** A file as read: its text, its sections, its front matter. */
interface Page {
  file: MarkdownFile;
  text: string;
  root: Section;
  data: Record<string, unknown>;
  /** What its front matter's `ladder:` key says. */
  settings: Overrides;
}

/** For each title of a top heading, the files that have it: axes repeat in every file of one level each. */
function titlesInFiles(pages: Page[]): Map<string, Set<string>> {
  const files = new Map<string, Set<string>>();
  for (const { file, root } of pages) for (const child of root.children) files.set(normalizeName(child.title), (files.get(normalizeName(child.title)) ?? new Set()).add(file.name));
  return files;
}

/**
 * One level per file: a page whose top headings are not level titles is one level (its headings
 * are the axes). It is named by its front-matter title where that reads like a level's, or where
 * the page has no heading of depth 1. In a folder whose pages repeat the same top headings (each
 * page starts at its axes), a page's own front-matter title names it; a title every page shares
 * names the set, so the file name names the level.
 */
function oneLevelTitle(root: Section, title: string | undefined, fileName: string, folder: { topTitles: Map<string, Set<string>>; ownTitle: (title: string) => boolean; menuTitle?: string } | undefined): { title: string; why: string } | undefined {
  const top = root.children;
  if (top.length === 0) return title && labelledAxes(root) >= 2 ? { title, why: 'the front matter `title` names the level, and the page holds its labelled axes' } : undefined;
  if (top.filter((child) => looksLikeLevel(child.title)).length * 2 >= top.length) return undefined;
  if (title && looksLikeLevel(title)) return { title, why: 'the front matter `title` reads like a level title, and the headings do not' };
  const repeated = folder ? top.filter((child) => (folder.topTitles.get(normalizeName(child.title))?.size ?? 0) >= 2).length : 0;
  if (folder && repeated > 0 && repeated * 2 >= top.length) {
    if (title && folder.ownTitle(title)) return { title, why: 'the page starts at the axes its sibling files repeat, and its front matter `title` is its own' };
    if (folder.menuTitle && looksLikeLevel(folder.menuTitle)) return { title: folder.menuTitle, why: "the page starts at the axes its sibling files repeat, its front matter `title` is its siblings' too, and its menu title names a level" };
    return { title: fileTitle(fileName), why: 'the page starts at the axes its sibling files repeat, and its front matter names no level of its own, so its file name does' };
  }
  if (title && !top.some((child) => child.depth === 1)) return { title, why: 'the front matter `title` names the level; the headings are its axes' };
  return undefined;
}

/** `senior-ii-engineer.md` → `Senior II engineer`; `02-lead.md` → `Lead`. */
function fileTitle(name: string): string {
  // A leading number orders the files (`02-senior.md`); it is not part of the title.
  const words = basename(name).replace(/\.[^.]+$/, '').replace(/^\d+[-_\s]+/, '').split(/[-_\s]+/).filter(Boolean);
  const title = words.map((word) => (/^(i|ii|iii|iv|v|vi|vii|viii|ix|x)$/i.test(word) ? word.toUpperCase() : word)).join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function wrapAsLevel(root: Section, title: string, madeBy: string): void {
  const level: Section = { title, depth: 1, line: root.line, blocks: root.blocks, children: root.children, parent: root, madeBy };
  for (const child of level.children) child.parent = level;
  root.blocks = [];
  root.children = [level];
}

/** Long runs of `*` or `_` are not emphasis anyone meant, and the inline lexer recurses on them; they are read as the characters they are. */
function neutralizeDelimiterRuns(text: string): string {
  return text.replace(/[*_]{17,}/g, (run) => run.replace(/[*_]/g, '\\$&'));
}
