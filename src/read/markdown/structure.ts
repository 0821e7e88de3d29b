import { tableRows } from './blocks.js';
import type { Block, Section } from './blocks.js';
import { newLevel } from './draft.js';
import type { DraftLadder, DraftLevel, DraftTrack, Findings } from './draft.js';
import { EQUIVALENT_LABEL, readLabel } from './labels.js';
import { levelFromHeading, itemClause, readLevelSection } from './levels.js';
import { readMatrix } from './matrix.js';
import type { MatrixLevel } from './matrix.js';
import { looksLikeLevel, notALevel } from './titles.js';

/** One Markdown file, lexed into sections under a root of depth 0. */
export interface SourceDocument {
  file: string;
  root: Section;
}

/**
 * Turns the sections of one or more documents into tracks and levels. The rule that tells a
 * level from prose, in order:
 *
 * 1. The level depth is the heading depth of the sections that hold equivalent lines; failing
 *    that, of the sections that look like levels: they hold labelled axes, or sub-headings whose
 *    titles recur under other headings (the axes). Where several depths qualify, the one whose
 *    titles read like level titles wins (so `### Craft` groups under `## Senior Engineer` are
 *    groups, not levels). A ladder of prose alone has its levels at the depth whose titles read
 *    most like levels, else at the deepest depth whose headings have headings under them.
 * 2. A heading one above the level depth is a track, and so is a heading over a table of levels;
 *    one higher is the ladder's title.
 * 3. A section at the level depth is a level unless its title is a question or names a part of
 *    the document (contents, FAQ, all levels…), its text says it is not a point on the ladder,
 *    or it has neither axes nor an equivalent while the sections beside it do and its title does
 *    not read like a level's. Those are kept as prose, with a warning.
 * 4. A track (or document) section that holds no levels is prose: the ladder's description.
 * 5. A table whose header row or first column holds level titles adds those levels to its track.
 */
export function readStructure(documents: SourceDocument[], defaultTrackName: string, findings: Findings): DraftLadder {
  const sections = documents.flatMap((document) => descendants(document.root));
  const recurring = recurringTitles(sections);
  const levelDepth = chooseLevelDepth(sections, recurring);
  // Whether the levels (in any file) have axes or equivalents, which a section that has neither lacks.
  const levelsHaveAxes = sections.some((section) => section.depth === levelDepth && hasLevelEvidence(section, recurring));
  const ladder: DraftLadder = { description: [], tracks: [] };
  let defaultTrack: DraftTrack | undefined;
  const fallbackTrack = (file: string, line: number): DraftTrack => {
    if (!defaultTrack) {
      defaultTrack = { name: defaultTrackName, description: [], levels: [], file, line };
      ladder.tracks.push(defaultTrack);
    }
    return defaultTrack;
  };

  const walk = (container: Section, file: string, track: DraftTrack | undefined): void => {
    addContainerBlocks(container.blocks, file, () => track ?? fallbackTrack(file, container.line), track ? track.description : ladder.description, findings);
    for (const child of container.children) {
      if (child.depth >= levelDepth) {
        readCandidate(child, file, track ?? fallbackTrack(file, child.line), track ? track.description : ladder.description);
      } else if (child.depth === levelDepth - 1 || holdsMatrix(child)) {
        const own: DraftTrack = { name: child.title, description: [], levels: [], file, line: child.line };
        ladder.tracks.push(own);
        walk(child, file, own);
        if (own.levels.length > 0 && !child.title) findings.error(file, child.line, 'a track heading has no text', "give the heading the track's name, or remove it");
        if (own.levels.length === 0) {
          // An introduction or a list of links: the ladder's prose, never an empty track.
          ladder.tracks.splice(ladder.tracks.indexOf(own), 1);
          ladder.description.push(...(child.title ? [child.title] : []), ...own.description);
          findings.sectionsAsProse += 1;
        }
      } else {
        if (ladder.name === undefined && child.title) ladder.name = child.title;
        else if (child.title) ladder.description.push(child.title);
        walk(child, file, undefined);
      }
    }
  };

  const readCandidate = (section: Section, file: string, track: DraftTrack, prose: string[]): void => {
    if (!section.title) {
      findings.error(file, section.line, 'a level heading has no text', 'give the heading a title, or remove it');
      return;
    }
    const bare = levelsHaveAxes && !hasLevelEvidence(section, recurring) && !looksLikeLevel(section.title);
    const why = notALevel(section.title, ownText(section)) ?? (bare ? 'it has no axes or equivalent, unlike the levels beside it, and its title does not read like a level' : undefined);
    if (why) {
      findings.keptAsProse(file, section.line, section.title, why);
      prose.push(section.title, ...subtreeText(section));
      return;
    }
    track.levels.push(readLevelSection(section, file, track, findings));
  };

  for (const document of documents) walk(document.root, document.file, undefined);
  return ladder;
}

/** Blocks directly under a track or the document: prose, except tables that are level × axis matrices. */
function addContainerBlocks(blocks: Block[], file: string, trackFor: () => DraftTrack, prose: string[], findings: Findings): void {
  for (const block of blocks) {
    if (block.kind === 'table') {
      const matrix = readMatrix(block);
      if (matrix) {
        addMatrixLevels(trackFor(), matrix.levels, file, block.line);
        if (matrix.unused.length > 0) findings.leaveOut(file, block.line, 'table labels with no text in any cell', matrix.unused.join(', '));
        if (matrix.beyondHeader.length > 0) findings.leaveOut(file, block.line, 'cells beyond the columns of the table header', matrix.beyondHeader.join(' | '));
        const corner = block.header[0]?.text ?? '';
        if (corner) findings.leaveOut(file, block.line, 'the corner cell of a level table', corner);
      } else {
        findings.warn(file, block.line, `table of ${block.rows.length} rows is not a level × axis matrix; kept as prose`);
        findings.sectionsAsProse += 1;
        prose.push(...tableRows(block));
      }
    } else if (block.kind === 'list') {
      prose.push(...block.items.map(itemClause).filter(Boolean));
    } else {
      prose.push(block.text);
    }
  }
}

/** Levels from a matrix join the track: a title it already has gets the axes, a new one is added in table order. */
export function addMatrixLevels(track: DraftTrack, matrix: MatrixLevel[], file: string, line: number): void {
  for (const column of matrix) {
    let level: DraftLevel | undefined = track.levels.find((existing) => existing.title.toLowerCase() === column.title.toLowerCase());
    if (!level) {
      level = column.title ? levelFromHeading(column.title, file, line) : newLevel(column.title, file, line);
      track.levels.push(level);
    }
    for (const axis of column.axes) {
      for (const clause of axis.clauses) {
        const existing = level.axes.get(axis.name);
        if (existing) existing.parts.push({ kind: 'item', text: clause });
        else level.axes.set(axis.name, { name: axis.name, parts: [{ kind: 'item', text: clause }], line });
      }
    }
  }
}

function holdsMatrix(section: Section): boolean {
  return section.blocks.some((block) => block.kind === 'table' && readMatrix(block) !== undefined);
}

function descendants(section: Section): Section[] {
  const all: Section[] = [];
  const stack = [...section.children].reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    all.push(next);
    for (let i = next.children.length - 1; i >= 0; i -= 1) stack.push(next.children[i] as Section);
  }
  return all;
}

/** Titles that stand under more than one heading: the axes (and groups of axes) every level repeats. */
function recurringTitles(sections: Section[]): Set<string> {
  const parents = new Map<string, Set<Section | undefined>>();
  for (const section of sections) {
    const key = section.title.toLowerCase();
    const seen = parents.get(key) ?? new Set();
    seen.add(section.parent);
    parents.set(key, seen);
  }
  return new Set([...parents].filter(([, owners]) => owners.size >= 2).map(([title]) => title));
}

function hasEquivalent(section: Section): boolean {
  return section.blocks.some((block) => {
    if (block.kind === 'paragraph') return EQUIVALENT_LABEL.test(readLabel(block.tokens, block.text, false)?.label ?? '');
    if (block.kind === 'list') return block.items.some((item) => EQUIVALENT_LABEL.test(readLabel(item.tokens, item.text, true)?.label ?? ''));
    return false;
  });
}

/** How many of a section's paragraphs and list items are labelled (`**Scope:** …`), so read as axes. */
export function labelledAxes(section: Section): number {
  let count = 0;
  for (const block of section.blocks) {
    if (block.kind === 'paragraph' && readLabel(block.tokens, block.text, false)) count += 1;
    if (block.kind === 'list') count += block.items.filter((item) => readLabel(item.tokens, item.text, false) || (item.children.length > 0 && item.text.length <= 60)).length;
  }
  return count;
}

function hasLevelEvidence(section: Section, recurring: Set<string>): boolean {
  return hasEquivalent(section) || labelledAxes(section) >= 1 || section.children.some((child) => recurring.has(child.title.toLowerCase()));
}

function chooseLevelDepth(sections: Section[], recurring: Set<string>): number {
  const withEquivalent = sections.filter(hasEquivalent);
  if (withEquivalent.length > 0) return mostCommonDepth(withEquivalent);
  const levelish = sections.filter((section) => hasEquivalent(section) || labelledAxes(section) >= 2 || section.children.some((child) => recurring.has(child.title.toLowerCase())));
  const depths = [...new Set(levelish.map((section) => section.depth))].sort((a, b) => a - b);
  if (depths.length === 1) return depths[0] as number;
  if (depths.length > 1) {
    const titled = depths.map((depth) => ({ depth, share: share(levelish.filter((section) => section.depth === depth), (section) => looksLikeLevel(section.title)) }));
    const best = titled.reduce((a, b) => (b.share > a.share ? b : a));
    return best.share >= 0.5 ? best.depth : mostCommonDepth(levelish);
  }
  // Prose alone: the depth whose titles read most like levels (the deeper one on a tie), else the deepest with several sections.
  const all = [...new Set(sections.map((section) => section.depth))].sort((a, b) => a - b);
  const byTitles = all.map((depth) => ({ depth, count: sections.filter((section) => section.depth === depth && looksLikeLevel(section.title)).length }));
  const likely = byTitles.reduce((a, b) => (b.count >= a.count ? b : a), { depth: 0, count: 0 });
  if (likely.count > 0) return likely.depth;
  // The seed's layout without its signs: levels are the deepest headings with headings under them.
  const parents = all.filter((depth) => sections.some((section) => section.depth === depth && section.children.length > 0));
  if (parents.length > 0) return parents[parents.length - 1] as number;
  const several = all.filter((depth) => sections.filter((section) => section.depth === depth).length >= 2);
  // Nothing marks any heading as a level: there are none.
  return several[several.length - 1] ?? Number.POSITIVE_INFINITY;
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

function mostCommonDepth(sections: Section[]): number {
  const counts = new Map<number, number>();
  for (const section of sections) counts.set(section.depth, (counts.get(section.depth) ?? 0) + 1);
  return [...counts].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))[0];
}

function ownText(section: Section): string {
  return section.blocks.flatMap(blockText).join(' ');
}

/** Everything under a section, headings included, as paragraphs of prose. */
export function subtreeText(section: Section): string[] {
  return [...section.blocks.flatMap(blockText), ...section.children.flatMap((child) => [child.title, ...subtreeText(child)])].filter(Boolean);
}

/** A block as paragraphs of prose: a list item is a paragraph of its own. */
function blockText(block: Block): string[] {
  if (block.kind === 'list') return block.items.map(itemClause);
  if (block.kind === 'table') return tableRows(block);
  return [block.text];
}
