import { basename } from 'node:path';
import type { Diagnostic } from '../../errors.js';
import type { AxisValue, LadderData } from '../../model/model.js';
import { splitClauses } from '../../model/model.js';
import { normalizeName } from '../../model/names.js';
import { sanitize } from '../../io.js';
import { readSections } from './blocks.js';
import type { Section } from './blocks.js';
import { Findings } from './draft.js';
import type { Decision } from './draft.js';
import type { DraftAxis, DraftLadder, DraftLevel, DraftTrack } from './draft.js';
import { resolveEquivalents } from './equivalents.js';
import { frontMatterWords, splitFrontMatter } from './front-matter.js';
import { MATRIX_KEYS, readFrontMatterMatrix } from './front-matter-matrix.js';
import { guardNesting } from './guard.js';
import { prepareHtml } from './html.js';
import { fileStem, mergeRepeatedTracks } from './repeated-tracks.js';
import { assignLevelIds, assignTrackIds } from './ids.js';
import { LADDER_HINT, noLadderReason, sourceName } from './no-ladder.js';
import { mergeOverrides, readSettings, SETTINGS_KEY } from './overrides.js';
import type { Overrides } from './overrides.js';
import { addMatrixLevels, descendants, headingText, labelledAxes, readStructure, subtreeText } from './structure.js';
import type { SourceDocument } from './structure.js';
import { looksLikeLevel } from './titles.js';
import { pushAll } from '../../lists.js';

export interface MarkdownFile {
  /** The name used in messages. */
  name: string;
  text: string;
}

export interface MarkdownOptions {
  /** Import an equivalent that names no level read here, with a warning, rather than refuse it. */
  keepUnresolved?: boolean;
  /** The folder whose other files this file's equivalents may name: such a name is kept unresolved, with a warning that names the folder. */
  folder?: string;
  /** The name of the track that holds levels no track heading claims (one level per file, say). */
  trackName?: string;
  /** Decisions the reader must take as given (the command line's); a file's own, under `ladder:` in its front matter, come under them. */
  overrides?: Overrides;
}

/** What `import` reports on its last line. */
export interface ReadSummary {
  tracks: number;
  levels: number;
  axes: number;
  sectionsAsProse: number;
  wordsLeftOut: number;
}

export interface MarkdownResult {
  /** The ladder, in data form, when there were no errors. */
  data?: LadderData;
  warnings: Diagnostic[];
  errors: Diagnostic[];
  summary: ReadSummary;
  /** The outline as the reader inferred it: each heading, table and list, its role and the rule that decided it. */
  decisions: Decision[];
  /** Where each level came from, by track and level index, for messages about the data. */
  levelAt(track: number, level: number): { file: string; line: number } | undefined;
}

/** Loads what reading these texts needs beyond the Markdown lexer (the HTML parser, for a text that holds HTML). Call before readMarkdown. */
export const prepareMarkdown = prepareHtml;

/**
 * Reads one or more Markdown files as one ladder. Every word of the input ends up in the ladder or
 * in a warning that names its line: nothing is dropped silently. Problems the author must fix
 * (a heading with no text, a duplicate title, an equivalent that names nothing) are errors at
 * their lines; nothing here throws for a user's file.
 */
export function readMarkdown(files: MarkdownFile[], options: MarkdownOptions = {}): MarkdownResult {
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
      findings.error(file.name, nesting.line, nesting.message, 'flatten the nesting; a ladder needs a few levels of lists at most');
      continue;
    }
    const front = splitFrontMatter(text, file.name, findings.errors, findings.warnings);
    const { root, dropped } = readSections(neutralizeDelimiterRuns(front.body), front.lines);
    for (const { line, what, text: words } of dropped) findings.leaveOut(file.name, line, what, words);
    pages.push({ file, text, root, data: front.data ?? {} });
  }
  const topTitles = titlesInFiles(pages);
  // A front-matter title every page shares (`Design Framework`, whatever its emoji) names the set, not one page's level.
  const titleWords = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const pageTitles = new Map<string, number>();
  for (const { data } of pages) if (typeof data.title === 'string') pageTitles.set(titleWords(data.title), (pageTitles.get(titleWords(data.title)) ?? 0) + 1);
  const ownTitle = (title: string) => (pageTitles.get(titleWords(title)) ?? 0) === 1;
  const fileOverrides: Overrides[] = [];

  for (const { file, text, root, data } of pages) {
    const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
    // A front-matter matrix is the file's ladder; its body is what the file says about it.
    const matrixKey = Object.keys(data).find((key) => MATRIX_KEYS.test(key));
    const levelTitle = matrixKey ? undefined : oneLevelTitle(root, title, file.name, pages.length > 1 ? { topTitles, ownTitle } : undefined);
    if (levelTitle) wrapAsLevel(root, levelTitle.title, `one level per file: ${levelTitle.why}`);
    const titleUsed = levelTitle !== undefined && levelTitle.title === title;
    for (const [key, value] of Object.entries(data)) {
      if (key === 'title' && title) {
        if (!titleUsed) {
          if (ladderName === undefined) ladderName = title;
          else ladderProse.push(title);
        }
      } else if ((key === 'description' || key === 'summary') && typeof value === 'string') {
        ladderProse.push(value.trim());
      } else if (key === 'grades' && Array.isArray(value) && value.length > 0 && value.every((grade) => typeof grade === 'string' || typeof grade === 'number') && grades === undefined) {
        // The grade scale, lowest first: `grades: [L3, L4, L5]`.
        grades = value.map(String);
      } else if (key === SETTINGS_KEY) {
        fileOverrides.push(readSettings(value, file.name, lineOfKey(text, key), findings));
      } else if (MATRIX_KEYS.test(key)) {
        const { levels, unread } = readFrontMatterMatrix(value);
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
    documents.push({ file: file.name, root });
  }

  const defaultTrackName = options.trackName ?? ladderName ?? 'Levels';
  const overrides = mergeOverrides(fileOverrides, options.overrides ?? {});
  const draft = readStructure(documents, defaultTrackName, findings, overrides);
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

/** The line of a top-level front matter key, for its warning. */
function lineOfKey(text: string, key: string): number {
  const at = text.search(new RegExp(`^["']?${key.replace(/[^\w-]/g, '\\$&')}["']?\\s*:`, 'm'));
  return at === -1 ? 2 : text.slice(0, at).split('\n').length;
}

/** A draft ladder, from any reader, as checked ladder data: names checked, ids given, equivalents resolved. */
export function finish(draft: DraftLadder, files: MarkdownFile[], findings: Findings, options: MarkdownOptions): MarkdownResult {
  const tracks = mergeRepeatedTracks(
    draft.tracks.filter((track) => track.levels.length > 0),
    findings,
  );
  const levels = tracks.flatMap((track) => track.levels);
  const summary = (): ReadSummary => ({
    tracks: tracks.length,
    levels: levels.length,
    axes: new Set(levels.flatMap((level) => [...level.axes.keys()])).size,
    sectionsAsProse: findings.sectionsAsProse,
    wordsLeftOut: findings.wordsLeftOut,
  });
  const levelAt = (t: number, l: number) => {
    const level = tracks[t]?.levels[l];
    return level ? { file: level.file, line: level.line } : undefined;
  };
  if (levels.length === 0 && findings.errors.length === 0) {
    findings.error(files[0]?.name ?? '<stdin>', 1, `no ladder found in ${sourceName(files)}: no heading, table or front matter holds levels`, LADDER_HINT);
  }
  checkNames(tracks, findings);
  checkOneLine(tracks, findings);
  const idOfTrack = assignTrackIds(tracks, findings);
  const ids = assignLevelIds(tracks);
  const trackOf = new Map(tracks.flatMap((track) => track.levels.map((level): [DraftLevel, DraftTrack] => [level, track])));
  const qualified = (level: DraftLevel) => `${idOfTrack.get(trackOf.get(level) as DraftTrack) ?? ''}:${ids.get(level) ?? ''}`;
  const { equivalents, errors } = resolveEquivalents(tracks, ids, findings.warnings, options.keepUnresolved ?? options.folder !== undefined, qualified, options.folder);
  pushAll(findings.errors, errors);
  dropClashingAliases(levels, ids, findings);
  if (findings.errors.length > 0) {
    const order = new Map(files.map((file, index) => [file.name, index]));
    const errors = findings.errors.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0));
    return { warnings: findings.warnings, errors, summary: summary(), decisions: findings.decisions, levelAt };
  }
  const data: LadderData = {
    ...(draft.name ? { name: draft.name } : {}),
    ...(draft.description.length > 0 ? { description: draft.description.join('\n\n') } : {}),
    ...(draft.grades ? { grades: draft.grades } : {}),
    tracks: tracks.map((track) => toDataTrack(track, idOfTrack.get(track) as string, ids, equivalents)),
  };
  return { data, warnings: findings.warnings, errors: [], summary: summary(), decisions: findings.decisions, levelAt };
}

function toDataTrack(track: DraftTrack, id: string, ids: Map<DraftLevel, string>, equivalents: Map<DraftLevel, string[]>): LadderData['tracks'][number] {
  return {
    id,
    name: track.name,
    // `Equivalent` is what a track without a label shows anyway.
    ...(track.equivalentLabel && track.equivalentLabel !== 'Equivalent' ? { equivalentLabel: track.equivalentLabel } : {}),
    ...(track.description.length > 0 ? { description: track.description.join('\n\n') } : {}),
    levels: track.levels.map((level) => {
      const peers = equivalents.get(level) ?? [];
      const equivalent = peers.length > 1 ? peers : peers[0];
      return {
        id: ids.get(level) as string,
        title: level.title,
        ...(level.code ? { code: level.code } : {}),
        ...(level.grade ? { grade: level.grade } : {}),
        ...(level.aliases.length > 0 ? { aliases: level.aliases } : {}),
        ...(equivalent ? { equivalent } : {}),
        ...(level.description.length > 0 ? { description: level.description.join('\n\n') } : {}),
        ...(level.note ? { note: level.note } : {}),
        axes: [...level.axes.values()].map((axis): [string, AxisValue] => [axis.name, axisValue(axis)]),
      };
    }),
  };
}

/** Paragraphs alone stay one text (clauses separated by `;`); any list item makes the axis a list of clauses. */
function axisValue(axis: DraftAxis): AxisValue {
  if (axis.parts.every((part) => part.kind === 'paragraph')) return axis.parts.map((part) => part.text).filter(Boolean).join('\n\n');
  const clauses = axis.parts.flatMap((part) => (part.kind === 'item' ? [part.text] : splitClauses(part.text))).filter(Boolean);
  return clauses.length > 0 ? clauses : '';
}

/** Titles and codes name levels on the command line, so each names one level. */
/** Titles and codes are unique on their track (two disciplines may each have a "Senior Engineer"). */
function checkNames(tracks: DraftTrack[], findings: Findings): void {
  for (const track of tracks) checkTrackNames(track.levels, findings);
}

function checkTrackNames(levels: DraftLevel[], findings: Findings): void {
  const owners = new Map<string, { level: DraftLevel; what: string }>();
  for (const level of levels) {
    const names = [{ name: level.title, what: 'title' }, ...(level.code ? [{ name: level.code, what: 'code' }] : [])];
    for (const { name, what } of names) {
      const key = normalizeName(name);
      const owner = owners.get(key);
      if (owner && owner.level !== level) {
        const where = owner.level.file === level.file ? `line ${owner.level.line}` : `${owner.level.file}:${owner.level.line}`;
        findings.error(level.file, level.line, `${what} \`${name}\` is already the ${owner.what} of the level at ${where}`, 'titles and codes name levels on the command line, so each must be unique on its track; rename one');
      } else {
        owners.set(key, { level, what });
      }
    }
  }
}

/** Names are printed on a line of their own everywhere, so a control character in one is an error (the schema's rule, at the Markdown's line). */
function checkOneLine(tracks: DraftTrack[], findings: Findings): void {
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  const control = /[\u0000-\u001f\u007f-\u009f\u200b\u2060\ufeff]/;
  const report = (file: string, line: number, what: string, name: string) => {
    if (control.test(name)) findings.error(file, line, `${what} ${sanitize(JSON.stringify(name))} holds a control character or an invisible one`, 'names are one line of plain text: no line breaks, tabs, other control characters or invisible ones (zero-width spaces, word joiners)');
  };
  for (const track of tracks) {
    report(track.file, track.line, 'track name', track.name);
    if (track.equivalentLabel) report(track.file, track.line, 'equivalent label', track.equivalentLabel);
    for (const level of track.levels) {
      for (const name of [level.title, ...(level.code ? [level.code] : []), ...level.aliases]) report(level.file, level.line, 'level name', name);
      for (const axis of level.axes.values()) report(level.file, axis.line, 'axis name', axis.name);
    }
  }
}

/**
 * Aliases come from slashes in titles, `Also known as` lines and loosely named equivalents. One
 * that is already another level's name, or that two levels claim, would make that name ambiguous,
 * so it is dropped with a warning; its words stay in the title or the line it came from.
 */
function dropClashingAliases(levels: DraftLevel[], ids: Map<DraftLevel, string>, findings: Findings): void {
  const named = new Map<string, DraftLevel>();
  for (const level of levels) for (const name of [ids.get(level) ?? '', level.title, ...(level.code ? [level.code] : [])]) if (!named.has(normalizeName(name))) named.set(normalizeName(name), level);
  const claims = new Map<string, Set<DraftLevel>>();
  for (const level of levels) for (const alias of level.aliases) claims.set(normalizeName(alias), (claims.get(normalizeName(alias)) ?? new Set()).add(level));
  const reported = new Set<string>();
  for (const level of levels) {
    const kept = new Set<string>();
    level.aliases = level.aliases.filter((alias) => {
      const key = normalizeName(alias);
      const holder = named.get(key);
      // The set itself, not a copy of it: thousands of levels may claim one alias.
      const claimants = claims.get(key) ?? new Set<DraftLevel>();
      if (holder === level || kept.has(key)) return false;
      if (holder) {
        findings.warn(level.file, level.line, `alias \`${alias}\` of \`${level.title}\` is already a name of \`${holder.title}\`; not kept as an alias`);
        return false;
      }
      if (claimants.size > 1) {
        // One warning for all the levels that claim it, however many.
        if (!reported.has(key)) findings.warn(level.file, level.line, `alias \`${alias}\` is claimed by ${claimants.size} levels (${listLevels([...claimants])}); kept by none`);
        reported.add(key);
        return false;
      }
      kept.add(key);
      return true;
    });
  }
}

function listLevels(levels: DraftLevel[]): string {
  const named = levels.slice(0, 3).map((level) => `\`${level.title}\``);
  return levels.length > 3 ? `${named.join(', ')} and ${levels.length - 3} more` : named.join(', ');
}

/** A file as read: its text, its sections, its front matter. */
interface Page {
  file: MarkdownFile;
  text: string;
  root: Section;
  data: Record<string, unknown>;
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
function oneLevelTitle(root: Section, title: string | undefined, fileName: string, folder: { topTitles: Map<string, Set<string>>; ownTitle: (title: string) => boolean } | undefined): { title: string; why: string } | undefined {
  const top = root.children;
  if (top.length === 0) return title && labelledAxes(root) >= 2 ? { title, why: 'the front matter `title` names the level, and the page holds its labelled axes' } : undefined;
  if (top.filter((child) => looksLikeLevel(child.title)).length * 2 >= top.length) return undefined;
  if (title && looksLikeLevel(title)) return { title, why: 'the front matter `title` reads like a level title, and the headings do not' };
  const repeated = folder ? top.filter((child) => (folder.topTitles.get(normalizeName(child.title))?.size ?? 0) >= 2).length : 0;
  if (folder && repeated > 0 && repeated * 2 >= top.length) {
    if (title && folder.ownTitle(title)) return { title, why: 'the page starts at the axes its sibling files repeat, and its front matter `title` is its own' };
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
