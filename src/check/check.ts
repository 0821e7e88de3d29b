import { checkCrossReferences } from './crossref.js';
import type { Locate } from './crossref.js';
import type { MarkdownFile, readMarkdown as ReadMarkdown } from '../read/markdown/read-markdown.js';
import { partGroups } from '../read/folder.js';
import { toStored } from '../read/stored-ladder.js';
import { sourceFormat, YAML_NODE_PROPERTIES } from '../read/source.js';
import type { Diagnostic } from '../errors.js';
import { toLadderData } from '../model/model.js';
import type { LadderData, RawLadder } from '../model/model.js';
import { isRecord, parseYaml } from '../read/parse-yaml.js';
import type { ParsedYaml, PathSegment, Position } from '../read/parse-yaml.js';
import { MAX_EXPANDED_CHARS } from '../read/yaml-expansion.js';
import { loadBounded, YamlLimitError } from '../read/bounded-load.js';
import { exactOutlinePositions, outlinePositions } from './outline.js';
import { checkSchema, matchesSchema } from './schema.js';
import { checkLadderData } from './check-data.js';
import type { LadderSource } from '../read/source.js';

// The on-demand bundle's other entry: a folder's files merged into one ladder and checked as one.
export { checkMerged } from './merge.js';
import { mergeParts } from './merge.js';

export interface CheckResult {
  /** The checked ladder, when there were no errors. */
  data?: LadderData;
  diagnostics: Diagnostic[];
  /** What the Markdown reader noticed in a ladder it could read (sections kept as prose, text left out). */
  readerWarnings?: Diagnostic[];
}

/**
 * The Markdown reader, loaded by `readyFor` only when a file is Markdown: evaluating it (marked's
 * grammar) costs every YAML check some 4 ms.
 */
let markdownReader: typeof ReadMarkdown | undefined;

/** Makes the checks ready for these files: loads the Markdown reader if any of them is Markdown (and its HTML reader if one holds HTML). */
export async function readyFor(files: LadderSource[]): Promise<void> {
  const markdown = files.filter((file) => sourceFormat(file) === 'markdown');
  if (markdown.length === 0) return;
  const reader = await import('../read/markdown/read-markdown.js');
  markdownReader = reader.readMarkdown;
  await reader.prepareMarkdown(markdown.map((file) => file.text));
}

function readMarkdown(files: MarkdownFile[], options?: Parameters<typeof ReadMarkdown>[1]): ReturnType<typeof ReadMarkdown> {
  if (!markdownReader) throw new Error('a Markdown file was checked before readyFor loaded the reader');
  return markdownReader(files, options);
}

/** Checks a ladder in either format: YAML, or Markdown through the same schema and cross-reference rules. */
export async function checkSource(source: LadderSource, folder?: string, sharedTopics?: LadderSource): Promise<CheckResult> {
  await readyFor([source]);
  return sourceFormat(source) === 'markdown' ? checkMarkdown(source, folder, sharedTopics) : checkLadderText(source);
}

/**
 * Reads a Markdown ladder and puts the result through the checks a YAML file gets. The reader
 * already refuses what it can place (duplicate titles, dangling equivalents), so a problem found
 * here is about a name the reader made; it is reported at the level's heading. A file that is one
 * discipline of a folder (`folder`) keeps the equivalents that name levels of its sibling files.
 */
function checkMarkdown(source: LadderSource, folder?: string, sharedTopics?: LadderSource): CheckResult {
  const result = readMarkdown([{ name: source.name, text: source.text }], { ...(folder === undefined ? {} : { folder }), ...(sharedTopics ? { sharedTopics: { name: sharedTopics.name, text: sharedTopics.text } } : {}) });
  const readerWarnings = tagged(result.warnings, 'markdown-reader');
  if (!result.data) return { diagnostics: tagged(result.errors, 'markdown'), readerWarnings };
  const atLevel: Locate = (path) => {
    const at = path[0] === 'tracks' && path[2] === 'levels' ? result.levelAt(Number(path[1]), Number(path[3])) : undefined;
    return at ? { ...at, col: 1 } : undefined;
  };
  const problems = checkLadderData(result.data, source.name, atLevel);
  if (problems.length > 0) return { diagnostics: problems, readerWarnings };
  return { data: result.data, diagnostics: [], readerWarnings };
}
/**
 * Parses and checks ladder text: YAML, then the schema, then cross-references.
 *
 * Two parsers share the work. js-yaml is about ten times faster than yaml on large files but keeps
 * no positions, so it reads first, and a file it accepts and that passes every check is done. Any
 * problem at all sends the text through yaml, which keeps positions, so every message names its
 * FILE:LINE:COL exactly as before. Both read YAML 1.2's core schema.
 */
export function checkLadderText(source: LadderSource): CheckResult {
  return fastCheck(source) ?? fullCheck(source);
}

/**
 * The fast path alone: a result for text that checks clean, or whose only problems are
 * cross-references that its outline places exactly where the parser that keeps positions would
 * (block-style lines, as most ladders are written), so those are found once and that parser is
 * not run; exported for the test that compares both paths.
 */
export function fastCheck(source: LadderSource, { references = true } = {}): CheckResult | undefined {
  if (YAML_NODE_PROPERTIES.test(source.text)) return undefined;
  let value: unknown;
  try {
    value = loadBounded(source.text);
  } catch (error) {
    // A limit passed is the file's problem wherever it is read: it is not read again to say so.
    return error instanceof YamlLimitError ? { diagnostics: [limitProblem(error, source.name)] } : undefined;
  }
  if (!matchesSchema(value)) return undefined;
  const raw = value as RawLadder;
  if (hasIndexLikeAxisName(raw)) return undefined;
  if (references) {
    const outline = exactOutlinePositions(source.text);
    let placed = true;
    const locate: Locate = (path, at) => {
      const position = outline(path, at);
      placed &&= position !== undefined;
      return position;
    };
    const problems = checkCrossReferences(raw, source.name, locate);
    if (problems.length > 0) return placed ? { diagnostics: tagged(problems, 'cross-reference').sort(byPosition) } : undefined;
  }
  return { data: toLadderData(raw), diagnostics: [] };
}

/** A JavaScript object lists keys like `2` before all others, losing file order; yaml's document keeps it. */
function hasIndexLikeAxisName(raw: RawLadder): boolean {
  return raw.tracks.some((track) => track.levels.some((level) => Object.keys(level.axes ?? {}).some((name) => /^(0|[1-9]\d*)$/.test(name))));
}

/**
 * Past this size the position-keeping parser needs too much memory, so a large file with a problem
 * is read by js-yaml, and its problems placed by outline.ts. Its memory follows the file's tokens
 * more than its bytes (the whole syntax tree is built before the document): 2 MiB of block-style
 * prose is some 300,000 tokens and 200 MiB, but 1.2 MB of one-line mappings (`- {id: a, x: 1}`) is
 * 840,000 tokens and 330 MiB. Each character that ends a token or marks one (counted by
 * `markCount`) begins at most three or four, so past MAX_MARKS a text is large whatever its size.
 */
const LARGE_FILE = 2 * 1024 * 1024;
const MAX_MARKS = 150_000;

/** Whether texts read together are too large for the position-keeping parser. */
export function isLarge(texts: string[]): boolean {
  let length = 0;
  let marks = 0;
  for (const text of texts) {
    length += text.length;
    if (length > LARGE_FILE) return true;
    marks += markCount(text);
  }
  return marks > MAX_MARKS;
}

/** Line breaks and YAML's indicators (`, : { } [ ] - ?`) in a text: one pass, no strings made. */
function markCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 44 || code === 45 || code === 58 || code === 63 || code === 91 || code === 93 || code === 123 || code === 125) count++;
  }
  return count;
}

/**
 * One file of a ladder kept as a folder: its syntax and the schema, but not the cross-references,
 * which may name levels in the other files (see merge.ts). A group of Markdown files is one part.
 */
export function checkPart(files: LadderSource[], trackName?: string, sharedTopics?: LadderSource): CheckResult {
  const [first] = files;
  if (files.length === 1 && first && sourceFormat(first) === 'yaml') return fastCheck(first, { references: false }) ?? fullCheck(first, { references: false });
  // Levels no track heading claims (one file per level) make one track, named after the folder, as `import` names it.
  const result = readMarkdown(files.map(({ name, text }) => ({ name, text })), { trackName, pagesInNameOrder: files.length > 1, ...(sharedTopics ? { sharedTopics: { name: sharedTopics.name, text: sharedTopics.text } } : {}) });
  const readerWarnings = tagged(result.warnings, 'markdown-reader');
  return result.data ? { data: result.data, diagnostics: [], readerWarnings } : { diagnostics: tagged(result.errors, 'markdown'), readerWarnings };
}

/** The path that keeps positions, used for any text the fast path does not accept. */
export function fullCheck(source: LadderSource, { references = true } = {}): CheckResult {
  const { parsed, diagnostics: yamlProblems } = isLarge([source.text]) ? parseLarge(source) : parseYaml(source.text, source.name);
  if (!parsed) return { diagnostics: tagged(yamlProblems, 'yaml-syntax') };
  // Every stage that can run does, so a file is fixed in one round: a repeated key does not hide
  // the schema's findings, nor the schema's the cross-references' where the shape allows them.
  const schemaProblems = checkSchema(parsed, source.name);
  const raw = parsed.value as RawLadder;
  const referenceProblems = references && (schemaProblems.length === 0 || soundEnoughForReferences(raw)) ? checkCrossReferences(raw, source.name, parsed.positionOf) : [];
  // An equivalent that is not an id breaks the schema's pattern and names no level; the second
  // message, which suggests the id meant, is the one kept.
  const referenced = new Set(referenceProblems.map((problem) => `${problem.line}:${problem.col}`));
  const problems = [...tagged(yamlProblems, 'yaml-syntax'), ...tagged(schemaProblems.filter((problem) => !referenced.has(`${problem.line}:${problem.col}`)), 'schema'), ...tagged(referenceProblems, 'cross-reference')];
  if (problems.length > 0) return { diagnostics: problems.sort(byPosition) };
  return { data: toLadderData(raw, (t, l) => parsed.keysOf(['tracks', t, 'levels', l, 'axes'])), diagnostics: [] };
}

/** Problems of one stage, each with its rule id (see validate-rules.ts). */
const tagged = (problems: Diagnostic[], rule: string): Diagnostic[] => problems.map((problem) => ({ rule, ...problem }));

/** An id as the schema has it; a level with an invalid id would only add knock-on reference errors. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether the cross-reference rules can walk the value: tracks of levels with valid ids, whatever else the schema found. */
function soundEnoughForReferences(value: unknown): boolean {
  const optional = (item: unknown, test: (present: unknown) => boolean) => item === undefined || test(item);
  const isText = (item: unknown) => typeof item === 'string';
  const soundLevel = (level: unknown) =>
    isRecord(level) &&
    isText(level.id) &&
    ID.test(level.id as string) &&
    isText(level.title) &&
    optional(level.aliases, (aliases) => Array.isArray(aliases) && aliases.every(isText)) &&
    optional(level.code, isText) &&
    optional(level.grade, isText) &&
    optional(level.equivalent, (equivalent) => equivalent === null || isText(equivalent) || (Array.isArray(equivalent) && equivalent.every(isText)));
  const { tracks, grades } = (value ?? {}) as { tracks?: unknown; grades?: unknown };
  return optional(grades, (list) => Array.isArray(list) && list.every(isText)) && Array.isArray(tracks) && tracks.every((track) => isRecord(track) && isText(track.id) && Array.isArray(track.levels) && track.levels.every(soundLevel));
}

/** Positions of values in ladder text, for messages about a file that checked clean (warnings). In Markdown, the level's heading. */
export async function locate(source: LadderSource, places: { path: PathSegment[]; at: 'key' | 'value' }[]): Promise<(Position | undefined)[]> {
  await readyFor([source]);
  const positionOf = positionFinder(source);
  return places.map(({ path, at }) => positionOf(path, at));
}

/**
 * Where paths of a folder's merged ladder are, in its files: for the warnings about a folder that
 * checked clean. With `outline`, YAML files are placed from their outline whatever their size.
 */
export async function locateInFolder(files: LadderSource[], places: { path: PathSegment[]; at: 'key' | 'value' }[], { outline = false } = {}): Promise<(Partial<Position> & { file: string })[]> {
  await readyFor(files);
  const parts = partGroups(files).map((group) => ({ files: group, data: toStored(checkPart(group).data ?? { tracks: [] }) }));
  const { locate: where } = mergeParts(parts, { outline });
  return places.map(({ path, at }) => ({ file: files[0]?.name ?? '', ...where(path, at) }));
}

/**
 * Finds positions of values in ladder text, parsing it once. In Markdown, a level's heading. A
 * large text (or one of a large folder: `outline`) is placed from its outline, which takes a
 * twentieth of the memory and time of the parser that keeps positions.
 */
export function positionFinder(source: LadderSource, outline = isLarge([source.text])): (path: readonly PathSegment[], at?: 'key' | 'value') => Position | undefined {
  if (sourceFormat(source) === 'markdown') {
    const { levelAt } = readMarkdown([{ name: source.name, text: source.text }]);
    return (path) => {
      const at = path[0] === 'tracks' && path[2] === 'levels' ? levelAt(Number(path[1]), Number(path[3])) : undefined;
      return at ? { line: at.line, col: 1 } : undefined;
    };
  }
  const positions = outline ? outlinePositions(source.text) : parseYaml(source.text, source.name).parsed;
  return (path, at) => positions?.positionOf(path, at);
}

/** Where levels of a group of Markdown files, read as one ladder, are: the file and line of each level's heading. */
export function markdownLevelFinder(files: LadderSource[]): (path: readonly PathSegment[]) => (Position & { file: string }) | undefined {
  const { levelAt } = readMarkdown(files.map(({ name, text }) => ({ name, text })));
  return (path) => {
    const at = path[0] === 'tracks' && path[2] === 'levels' ? levelAt(Number(path[1]), Number(path[3])) : undefined;
    return at ? { file: at.file, line: at.line, col: 1 } : undefined;
  };
}

/** A large file read by js-yaml, with positions from its outline; a syntax error is placed where js-yaml saw it. */
function parseLarge(source: LadderSource): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const problem = (line: number, col: number, message: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [{ severity: 'error', file: source.name, line, col, message }] });
  let value: unknown;
  try {
    value = loadBounded(source.text);
  } catch (error) {
    if (error instanceof YamlLimitError) return { diagnostics: [limitProblem(error, source.name)] };
    const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string };
    return problem((mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `YAML: ${reason ?? (error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return problem(1, 1, `no ladder found in ${source.name}: it is empty or only comments`);
  if (expandedSize(value) > MAX_EXPANDED_CHARS) return problem(1, 1, `YAML: with its aliases expanded, the document passes ${MAX_EXPANDED_CHARS / 1024 / 1024} MiB`);
  return { parsed: { value, ...outlinePositions(source.text) }, diagnostics: [] };
}

function limitProblem(error: YamlLimitError, file: string): Diagnostic {
  return { rule: 'yaml-syntax', severity: 'error', file, ...error.position, message: error.message, hint: error.hint };
}

/** The size of a value with every alias written out, each shared part measured once. */
function expandedSize(value: unknown, sizes = new Map<object, number>()): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  sizes.set(value, 0);
  let size = 0;
  // No array of entries: a mapping of a million keys made a million of them.
  for (const key in value) size += key.length + expandedSize((value as Record<string, unknown>)[key], sizes);
  sizes.set(value, size);
  return size;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

// What `ladder lint` reads of a Markdown file's front matter itself (declared level counts), from this bundle, which already holds the reader.
export { splitFrontMatter } from '../read/markdown/front-matter.js';
export { MATRIX_KEYS, readFrontMatterMatrix } from '../read/markdown/front-matter-matrix.js';
export { parseYaml } from '../read/parse-yaml.js';
