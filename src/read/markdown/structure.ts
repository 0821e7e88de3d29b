import { normalizeName } from '../../model/names.js';
import { tableRows } from './blocks.js';
import type { Block, Section } from './blocks.js';
import { newLevel } from './draft.js';
import type { Decision, DraftLadder, DraftLevel, DraftTrack, Findings } from './draft.js';
import { EQUIVALENT_LABEL, readLabel } from './labels.js';
import { splitHeadingId } from './ids.js';
import { levelFromHeading, itemClause, readLevelSection } from './levels.js';
import { readMatrix } from './matrix.js';
import { labelsAreOwnWords } from './own-words.js';
import type { Matrix, MatrixLevel } from './matrix.js';
import type { Overrides } from './overrides.js';
import { looksLikeLevel, notALevel, splitCode } from './titles.js';
import { pushAll } from '../../lists.js';

/** One Markdown file, lexed into sections under a root of depth 0. */
export interface SourceDocument {
  file: string;
  root: Section;
}

type Table = Extract<Block, { kind: 'table' }>;

/**
 * Turns the sections of one or more documents into tracks and levels, by the rules the README
 * lists under "Markdown ladders" (each decision is recorded with its rule, for `--explain`):
 *
 * - level table: a table whose header row or first column holds level titles holds levels; the
 *   heading over it is their track. A table of levels whose cells are a few words each, in a
 *   document whose headings already hold levels, is a summary of them, kept as prose.
 * - level depth: the levels are the headings of one depth (see chooseLevelDepth).
 * - above the levels: a heading one above the level depth is a track, higher ones the title.
 * - not a level: a section at the level depth that says it is not one is kept as prose.
 * - levels as labels: where the labels under sections read as level titles and the sections'
 *   titles do not, the document is competency-first, and the labels are the levels.
 */
export function readStructure(documents: SourceDocument[], defaultTrackName: string, findings: Findings, overrides: Overrides = {}): DraftLadder {
  const sections = documents.flatMap((document) => descendants(document.root));
  const recurring = recurringTitles(sections);
  const notLevel = new Set((overrides.notLevel ?? []).map(normalizeName));
  const headingLevels = sections.filter((section) => hasLevelEvidence(section, recurring)).length >= 2;
  const tables = new LevelTables(headingLevels, sections, overrides);
  const { depth: levelDepth, why: depthWhy } = overrides.levelDepth !== undefined ? { depth: overrides.levelDepth, why: `level-depth ${overrides.levelDepth} set by the author` } : chooseLevelDepth(sections, recurring, tables);
  const ownWords = overrides.axisLabels === false ? 'axis-labels set to false by the author' : overrides.axisLabels === true ? undefined : labelsAreOwnWords(sections.filter((section) => section.depth === levelDepth));
  // Whether the levels (in any file) have axes or equivalents, which a section that has neither lacks.
  const levelsHaveAxes = sections.some((section) => section.depth === levelDepth && hasLevelEvidence(section, recurring));
  const ladder: DraftLadder = { description: [], tracks: [] };
  const fallbackTracks = new Map<string, DraftTrack>();
  const fallbackTrack = (file: string, line: number, hint: string | undefined): DraftTrack => {
    const name = hint ?? defaultTrackName;
    let track = fallbackTracks.get(name);
    if (!track) {
      track = { name, description: [], levels: [], file, line };
      fallbackTracks.set(name, track);
      ladder.tracks.push(track);
    }
    return track;
  };

  const walk = (container: Section, file: string, track: DraftTrack | undefined, hint: string | undefined): void => {
    addContainerBlocks(container.blocks, file, () => track ?? fallbackTrack(file, container.line, hint), track ? track.description : ladder.description, findings, tables);
    for (const child of container.children) {
      const heading = headingText(child);
      const part = notALevel(child.title, '');
      if (overrides.transpose !== false && tables.namesAxis(child)) {
        // Competency-first tables: `### Delivery` over a table of the levels that names no axes, as its siblings are.
        findings.decide(file, child.line, heading, 'axis', 'levels as labels: the table under it names no axes, and the headings beside it hold tables of the same levels, so it names the axis of its cells');
        const target = track ?? fallbackTrack(file, child.line, hint);
        const prose: string[] = [];
        addContainerBlocks(child.blocks, file, () => target, prose, findings, tables, child.title);
        if (prose.length > 0) target.description.push(child.title, ...prose);
        walk({ ...child, blocks: [] }, file, track, hint);
      } else if (tables.holdsLevels(child) && part) {
        // A `Legend` or `Overview` over a table of levels: the table belongs to the track around it.
        findings.decide(file, child.line, heading, 'prose', `not a level: ${part}; the table of levels under it joins ${track ? `track \`${track.name}\`` : 'the levels around it'}`);
        walk(child, file, track, hint);
      } else if (tables.holdsLevels(child)) {
        addTrack(child, file, 'level table: the table under this heading holds levels');
      } else if (child.depth >= levelDepth - 1 && tables.holdsLevelsBelow(child)) {
        // `### Titles` over `#### Engineer Titles` and `#### Manager Titles`, each a table of levels: the tables' headings are the tracks.
        findings.decide(file, child.line, heading, 'prose', 'level table: tables of levels stand under the headings under it, which are their tracks');
        if (child.title) (track ? track.description : ladder.description).push(child.title);
        walk(child, file, track, hint);
      } else if (child.depth >= levelDepth) {
        readCandidate(child, file, track ?? fallbackTrack(file, child.line, hint), track ? track.description : ladder.description);
      } else if (child.depth === levelDepth - 1) {
        addTrack(child, file, `above the levels: one above the level depth (${levelDepth})`);
      } else {
        if (ladder.name === undefined && child.title) {
          ladder.name = child.title;
          findings.decide(file, child.line, heading, 'ladder title', 'above the levels: two or more above the level depth, the first such heading');
        } else {
          if (child.title) ladder.description.push(child.title);
          findings.decide(file, child.line, heading, 'prose', 'above the levels: two or more above the level depth, after the title');
        }
        walk(child, file, undefined, child.title || hint);
      }
    }
  };

  const addTrack = (child: Section, file: string, rule: string): void => {
    const { title, id } = splitHeadingId(child.title);
    const own: DraftTrack = { name: title, ...(id ? { pinnedId: id } : {}), description: [], levels: [], file, line: child.line };
    ladder.tracks.push(own);
    const at = findings.decisions.length;
    findings.decide(file, child.line, headingText(child), 'track', rule);
    walk(child, file, own, child.title);
    transposeIfCompetencyFirst(own, file, child.line);
    if (own.levels.length > 0 && !child.title) findings.error(file, child.line, 'a track heading has no text', "give the heading the track's name, or remove it");
    if (own.levels.length === 0) {
      // An introduction or a list of links: the ladder's prose, never an empty track.
      ladder.tracks.splice(ladder.tracks.indexOf(own), 1);
      pushAll(ladder.description, [...(child.title ? [child.title] : []), ...own.description]);
      findings.sectionsAsProse += 1;
      const decision = findings.decisions[at];
      if (decision) Object.assign(decision, { role: 'prose', rule: `${rule}, but no levels under it` });
    }
  };

  const readCandidate = (section: Section, file: string, track: DraftTrack, prose: string[]): void => {
    const heading = headingText(section);
    if (!section.title) {
      findings.error(file, section.line, 'a level heading has no text', 'give the heading a title, or remove it');
      return;
    }
    const bare = levelsHaveAxes && !hasLevelEvidence(section, recurring) && !looksLikeLevel(section.title);
    const why = notLevel.has(normalizeName(section.title))
      ? 'the author named it with not-level'
      : (notALevel(section.title, ownText(section)) ?? (bare ? 'it has no axes or equivalent, unlike the levels beside it, and its title does not read like a level' : undefined));
    if (why) {
      findings.keptAsProse(file, section.line, section.title, why);
      findings.decide(file, section.line, heading, 'prose', `not a level: ${why}`);
      pushAll(prose, [section.title, ...subtreeText(section)]);
      return;
    }
    const sublevels = sublevelsOf(section, recurring);
    if (sublevels.length >= 2) {
      readLevelGroup(section, sublevels, file, track, prose);
      return;
    }
    addLevel(readLevelSection(section, file, track, findings, ownWords), section, file, track, section.madeBy ?? `level depth: ${depthWhy}`);
  };

  const addLevel = (level: DraftLevel, section: Section, file: string, track: DraftTrack, rule: string): void => {
    findings.decide(file, section.line, headingText(section), 'level', rule);
    levelDecisions.set(level, findings.decisions[findings.decisions.length - 1] as Decision);
    track.levels.push(level);
    levelSections.push({ section, file });
  };

  /**
   * Levels in a group: `### Senior Engineer` over `#### Senior Engineer I` and `#### Senior Engineer II`,
   * named after it, each holding the axes the levels repeat. The headings under it are the levels; the group's own
   * axis headings (its `Expectations`) are every one of its levels' too, and its own text is the track's prose.
   */
  const readLevelGroup = (section: Section, sublevels: Section[], file: string, track: DraftTrack, prose: string[]): void => {
    findings.decide(file, section.line, headingText(section), 'group', `levels in a group: ${sublevels.length} headings under it are named after it and hold the axes the levels repeat; its own axes are theirs too`);
    pushAll(prose, [section.title, ...section.blocks.flatMap(blockText)]);
    const shared = readLevelSection({ ...section, blocks: [], children: section.children.filter((child) => !sublevels.includes(child)) }, file, track, findings);
    for (const sublevel of sublevels) {
      const level = readLevelSection(sublevel, file, track, findings);
      const own = level.axes;
      level.axes = new Map([...shared.axes].map(([name, axis]) => [name, { ...axis, parts: [...axis.parts] }]));
      for (const [name, axis] of own) {
        const common = level.axes.get(name);
        if (common) pushAll(common.parts, axis.parts);
        else level.axes.set(name, axis);
      }
      addLevel(level, sublevel, file, track, `levels in a group: a heading under \`${section.title}\` named after it`);
    }
  };
  const levelSections: { section: Section; file: string }[] = [];
  // Each level's line of the outline, which a later rule (levels as labels) may revise.
  const levelDecisions = new Map<DraftLevel, Decision>();

  /**
   * Levels as labels: where most of a track's levels are sections whose labels read as level
   * titles (`**Beginner**`, `**Expert**`) and whose own titles do not, the sections are axes and
   * the labels are the levels (`--transpose` says so for any document).
   */
  const transposeIfCompetencyFirst = (track: DraftTrack, file: string, line: number): void => {
    const competencyFirst = track.levels.filter(isCompetency).length;
    if (track.levels.length === 0 || overrides.transpose === false || !(overrides.transpose || competencyFirst * 2 > track.levels.length)) return;
    const rule = overrides.transpose ? 'levels as labels: transpose set by the author' : 'levels as labels: the labels under these sections read as level titles, and the sections\' titles do not';
    const competencies = track.levels;
    for (const competency of competencies) {
      const decision = levelDecisions.get(competency);
      if (decision) Object.assign(decision, competency.axes.size === 0 ? { role: 'prose', rule: `${rule}; no text for any level under it, so it is the track's description` } : { role: 'axis', rule });
    }
    const byTitle = new Map<string, DraftLevel>();
    track.levels = [];
    for (const competency of competencies) {
      const axisName = competency.code ? `${competency.title} (${competency.code})` : competency.title;
      // The competency's own text, in document order: the headings that introduce its levels, the labels that name none.
      const ownText: string[] = [];
      const groups = new Set<string>();
      for (const axis of competency.axes.values()) {
        // `Capabilities / Senior Developer`: the level is the last name; the heading it stands under only introduces the levels.
        const { group, label } = splitAxisName(axis.name);
        if (!overrides.transpose && axis.fromHeading && !looksLikeLevel(label)) {
          ownText.push(`${axis.name}: ${axis.parts.map((part) => part.text).filter(Boolean).join('; ')}`);
          findings.decide(competency.file, axis.line, axis.name, 'prose', "levels as labels: a heading under a competency that does not read like a level title is the competency's own text, kept in the track's description");
          continue;
        }
        if (group && !groups.has(group)) ownText.push(group);
        if (group) groups.add(group);
        // Labels are matched as written (case aside): two spellings are two levels, and no word is lost.
        let level = byTitle.get(label.toLowerCase());
        if (!level) {
          level = levelFromHeading(label, competency.file, axis.line);
          byTitle.set(label.toLowerCase(), level);
          track.levels.push(level);
          findings.decide(competency.file, axis.line, `**${label}**`, 'level', rule);
        }
        const kept = level.axes.get(axisName);
        if (kept) pushAll(kept.parts, axis.parts);
        else level.axes.set(axisName, { name: axisName, parts: [...axis.parts], line: axis.line });
      }
      keepCompetencyLines(competency, track, findings, ownText);
    }
    if (track.levels.length === 0) findings.warn(file, line, `--transpose found no labels to read as levels under \`${track.name}\``);
  };

  for (const document of documents) {
    const before = { tracks: ladder.tracks.length, name: ladder.name, description: ladder.description.length };
    walk(document.root, document.file, undefined, undefined);
    if (documents.length > 1) nameTrackByFileTitle(document, ladder, before, findings);
  }
  for (const track of fallbackTracks.values()) transposeIfCompetencyFirst(track, track.file, track.line);
  warnIfTooLittle(ladder, levelSections, findings);
  return ladder;
}

/**
 * A ladder of one level is seldom what its author meant: a level with several headings under it
 * suggests the levels are one depth deeper; a table read as text, that its titles were not seen.
 */
function warnIfTooLittle(ladder: DraftLadder, levelSections: { section: Section; file: string }[], findings: Findings): void {
  const levels = ladder.tracks.reduce((sum, track) => sum + track.levels.length, 0);
  if (levels > 1) return;
  const [only] = levelSections;
  if (levels === 1 && only && only.section.children.length >= 2) {
    const deeper = only.section.depth + 1;
    findings.warn(only.file, only.section.line, `only one level was read, \`${only.section.title}\`, with ${only.section.children.length} headings under it`, `if those headings are the levels, import with --level-depth ${deeper} (or keep \`ladder: { level-depth: ${deeper} }\` in the front matter)`);
  }
  for (const decision of findings.decisions) {
    if (decision.what.startsWith('table') && (decision.role === 'prose' || decision.role === 'description')) {
      findings.warn(decision.file, decision.line, `${levels === 0 ? 'no level was' : 'only one level was'} read, and this ${decision.what} was read as text`, 'a table of levels has level titles (`Senior Engineer`, `L3`) in its header row or its first column; if the titles are there, name the corner cell `Level`');
    }
  }
}

/** What a competency's section says beside its levels: its description, note and own text (the headings and labels that name no level) are the track's prose; an equivalent or alias line names no level, so it is reported. */
function keepCompetencyLines(competency: DraftLevel, track: DraftTrack, findings: Findings, ownText: string[]): void {
  const prose = [...competency.description, ...(competency.note ? [competency.note] : []), ...ownText];
  // A section with no text for any level (a line a stray `-` made a heading) names no axis either: its title is kept as prose, never dropped.
  if (prose.length > 0 || competency.axes.size === 0) track.description.push(competency.title, ...prose);
  const names = [...(competency.equivalentName ? [competency.equivalentName] : []), ...competency.aliases, ...(competency.grade ? [competency.grade] : [])];
  if (names.length > 0) findings.leaveOut(competency.file, competency.equivalentLine ?? competency.line, `the equivalent, alias or grade of \`${competency.title}\`, an axis in a competency-first document,`, names.join(', '));
}

/** `Capabilities / Senior Developer` → the group `Capabilities` and the label `Senior Developer`. */
function splitAxisName(name: string): { group: string; label: string } {
  const at = name.lastIndexOf(' / ');
  return at === -1 ? { group: '', label: name } : { group: name.slice(0, at), label: name.slice(at + 3) };
}

/** A level read from a section that is an axis in disguise: two or more of its axes, and most, are named like levels, and its own title is not. */
function isCompetency(level: DraftLevel): boolean {
  const names = [...level.axes.keys()].map((name) => splitAxisName(name).label);
  const levelNames = names.filter(looksLikeLevel).length;
  return levelNames >= 2 && levelNames * 2 > names.length && !looksLikeLevel(level.title);
}

/**
 * The tables of a document that hold levels, each read once. A table whose header row or first
 * column holds level titles is a table of levels; where the headings already hold levels and its
 * cells are a few words each (a title, a code, a link), or each row names one of the headings, it
 * is their summary.
 */
class LevelTables {
  private readonly read = new Map<Table, Matrix | undefined>();
  private readonly holders = new Set<Section>();
  private readonly above = new Set<Section>();
  /** For a heading, how many of the headings under it hold a table of each set of levels that names no axes. */
  private readonly unnamedUnder = new Map<Section, Map<string, number>>();

  private readonly headings: Set<string>;
  /** Every table of the documents, the ones before their first heading included. */
  private readonly tables: Table[];
  /** Whether a table of levels holds texts, not titles alone. */
  private detailed: boolean | undefined;
  private summaryLinks: Map<string, string[]> | undefined;

  constructor(
    private readonly headingLevels: boolean,
    sections: Section[],
    private readonly overrides: Overrides,
  ) {
    this.headings = new Set(sections.map((section) => normalizeName(section.title)));
    const roots = new Set(sections.flatMap((section) => (section.parent?.depth === 0 ? [section.parent] : [])));
    this.tables = [...roots, ...sections].flatMap((section) => section.blocks.filter((block): block is Table => block.kind === 'table'));
    // Deepest first, so a document part's table is known before the section it stands in is asked.
    for (let i = sections.length - 1; i >= 0; i -= 1) {
      const section = sections[i] as Section;
      const own = section.blocks.some((block) => block.kind === 'table' && this.levels(block) !== undefined);
      if (own || section.children.some((child) => this.holders.has(child) && notALevel(child.title, '') !== undefined)) this.holders.add(section);
      if (this.holders.has(section) || section.children.some((child) => this.above.has(child))) this.above.add(section);
    }
  }

  /** Whether a table of levels stands anywhere under this heading: then it is not a level (levels hold no levels). */
  holdsLevelsBelow(section: Section): boolean {
    return this.above.has(section);
  }

  /** The table's levels, or undefined for a table of any other kind. */
  matrix(table: Table): Matrix | undefined {
    if (!this.read.has(table)) this.read.set(table, readMatrix(table, this.overrides.groupRow !== false));
    return this.read.get(table);
  }

  isSummary(table: Table): boolean {
    return this.summaryRule(table) !== undefined;
  }

  /** Why a table of levels summarises levels the document holds elsewhere, for the outline; undefined for any other table. */
  summaryRule(table: Table): string | undefined {
    if (this.overrides.summaryTables === false || this.matrix(table) === undefined) return undefined;
    if (!this.headingLevels) {
      // Where other tables hold the levels with their texts, a table of levels whose cells are titles (`1 Software Engineer I`) is their summary.
      // A table of titles holds no text, so the detailed table is another; it is looked for once.
      this.detailed ??= this.tables.some((other) => this.matrix(other) !== undefined && other.rows.some((row) => row.slice(1).some(holdsText)));
      const detailed = this.detailed && table.rows.every((row) => row.slice(1).every((cell) => !cell.text || looksLikeLevel(cell.text)));
      return detailed ? `summary table: other tables hold the levels with their texts, and its cells are level titles or empty; kept as prose ${SUMMARY_OVERRIDE}` : undefined;
    }
    // Each row names a heading of the document (a link to its section, as a table of contents does), or its cells are a few words each.
    const names = table.rows.every((row) => row.some((cell) => this.headings.has(normalizeName(cell.text)))) || table.rows.every((row) => row.slice(1).every((cell) => cell.text.split(/\s+/).length <= 4));
    return names ? `summary table: the headings hold the levels, and each row names one of them or its cells are a few words each; kept as prose ${SUMMARY_OVERRIDE}` : undefined;
  }

  levels(table: Table): Matrix | undefined {
    return this.isSummary(table) ? undefined : this.matrix(table);
  }

  /** The texts of the summary tables' links to a row (`<a href="#se-l1">Software Engineer I</a>`), gathered once. */
  linksTo(anchor: string): string[] {
    if (!this.summaryLinks) {
      this.summaryLinks = new Map();
      for (const table of this.tables.filter((each) => this.isSummary(each))) {
        for (const cell of [table.header, ...table.rows].flat()) for (const link of cell.links ?? []) this.summaryLinks.set(link.anchor, [...(this.summaryLinks.get(link.anchor) ?? []), link.text]);
      }
    }
    return this.summaryLinks.get(anchor) ?? [];
  }

  /**
   * Whether the heading names the axis of the table under it: its one table of levels names no
   * axes (every column a level), and a heading beside it holds such a table of the same levels.
   */
  namesAxis(section: Section): boolean {
    const own = this.unnamedLevels(section);
    if (own === undefined || !section.parent) return false;
    // Counted once per parent, so that thousands of sibling headings are asked in one pass.
    let counts = this.unnamedUnder.get(section.parent);
    if (!counts) {
      counts = new Map();
      for (const sibling of section.parent.children) {
        const key = this.unnamedLevels(sibling);
        if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      this.unnamedUnder.set(section.parent, counts);
    }
    return (counts.get(own) ?? 0) >= 2;
  }

  /** The titles of the levels in a section's one table that names no axes, as one key. */
  private unnamedLevels(section: Section): string | undefined {
    const tables = section.blocks.filter((block): block is Table => block.kind === 'table');
    const matrix = tables.length === 1 ? this.levels(tables[0] as Table) : undefined;
    return matrix?.unnamed ? matrix.levels.map((level) => normalizeName(level.title)).join('\n') : undefined;
  }

  /** Whether any heading holds a table of levels. */
  holdsAny(): boolean {
    return this.holders.size > 0;
  }

  /** Whether a table of levels stands under this heading: in its own text, or under a `Legend` or `Overview` heading of its own. */
  holdsLevels(section: Section): boolean {
    return this.holders.has(section);
  }
}

/** How the author reads a table the reader took for a summary as levels, for the outline. */
const SUMMARY_OVERRIDE = '(--no-summary-tables or `ladder: { summary-tables: false }` reads it as levels)';

/** A cell of more words than a level's title has (eight at most): a text, not a name. */
function holdsText(cell: { text: string }): boolean {
  return cell.text.split(/\s+/).length > 8;
}

/** Blocks directly under a track or the document: prose, except tables of levels. `axisName` names the axis of a table whose cells name none. */
function addContainerBlocks(blocks: Block[], file: string, trackFor: () => DraftTrack, prose: string[], findings: Findings, tables: LevelTables, axisName?: string): void {
  for (const block of blocks) {
    if (block.kind === 'table') {
      const what = `table of ${block.rows.length + 1} rows × ${block.header.length} columns`;
      const matrix = tables.levels(block);
      if (matrix) {
        const track = trackFor();
        const levels = titledBySummary(matrix.levels, tables, file, block.line, findings);
        addMatrixLevels(track, matrix.unnamed && axisName ? levels.map((level) => ({ ...level, axes: level.axes.map((axis) => ({ ...axis, name: axisName })) })) : levels, file, block.line);
        findings.decide(file, block.line, what, 'levels', `level table: ${matrix.orientation}; ${matrix.levels.length} levels in track \`${track.name}\``);
        if (matrix.unused.length > 0) findings.leaveOut(file, block.line, 'table labels with no text in any cell', matrix.unused.join(', '));
        if (matrix.beyondHeader.length > 0) findings.leaveOut(file, block.line, 'cells beyond the columns of the table header', matrix.beyondHeader.join(' | '));
        const corner = matrix.unnamed ? '' : (matrix.corner ?? block.header[0]?.text ?? '');
        if (corner) findings.leaveOut(file, block.line, 'the corner cell of a level table', corner);
      } else if (tables.isSummary(block)) {
        findings.decide(file, block.line, what, 'summary', tables.summaryRule(block) as string);
        pushAll(prose, tableRows(block));
      } else {
        findings.warn(file, block.line, `table of ${block.rows.length} rows is not a level × axis matrix; kept as prose`, 'a table of levels has level titles in its header row or its first column');
        findings.decide(file, block.line, what, 'prose', 'level table: neither its header row nor its first column reads as level titles');
        findings.sectionsAsProse += 1;
        pushAll(prose, tableRows(block));
      }
    } else if (block.kind === 'list') {
      findings.decide(file, block.line, `list of ${block.items.length} items`, 'prose', 'above the levels: text outside every level is the description');
      pushAll(prose, block.items.map(itemClause).filter(Boolean));
    } else {
      prose.push(block.text);
    }
  }
}

/**
 * A summary table's one link to a level's row (`<a href="#se-l1">Software Engineer I</a>` to
 * `<tr id="se-l1">`) names the level as its authors meant where it holds the row's title and
 * more: the rows of `Software Engineer` at levels 1 and 2 are `Software Engineer I` and `II`.
 */
function titledBySummary(levels: MatrixLevel[], tables: LevelTables, file: string, line: number, findings: Findings): MatrixLevel[] {
  return levels.map((level) => {
    const links = level.anchor === undefined ? [] : tables.linksTo(level.anchor);
    const [text] = links;
    const words = (title: string) => title.toLowerCase().split(/\s+/).filter(Boolean);
    if (links.length !== 1 || !text || words(text).length <= words(level.title).length || !words(level.title).every((word) => words(text).includes(word))) return level;
    findings.decide(file, line, `row \`${level.title}\``, 'level', `summary links: the summary table's one link to this row (#${level.anchor}) names it \`${text}\`, its title and more`);
    return { ...level, title: text };
  });
}

/** Levels from a matrix join the track: a title it already has gets the axes, a new one is added in table order. */
export function addMatrixLevels(track: DraftTrack, matrix: MatrixLevel[], file: string, line: number): void {
  // Indexed by title, so a table of thousands of levels joins its track in one pass.
  const byTitle = new Map<string, DraftLevel>();
  for (const existing of track.levels) if (!byTitle.has(existing.title.toLowerCase())) byTitle.set(existing.title.toLowerCase(), existing);
  for (const column of matrix) {
    let level = byTitle.get(column.title.toLowerCase());
    if (!level) {
      level = column.title ? levelFromHeading(column.title, file, line) : newLevel(column.title, file, line);
      track.levels.push(level);
      byTitle.set(column.title.toLowerCase(), level);
    }
    pushAll(level.description, column.notes ?? []);
    for (const axis of column.axes) {
      for (const clause of axis.clauses) {
        const existing = level.axes.get(axis.name);
        if (existing) existing.parts.push({ kind: 'item', text: clause });
        else level.axes.set(axis.name, { name: axis.name, parts: [{ kind: 'item', text: clause }], line });
      }
    }
  }
}

/** A heading as its author wrote it, for the outline: `## Senior Engineer`. */
export function headingText(section: Section): string {
  return section.madeBy ? section.title : `${'#'.repeat(section.depth)} ${section.title}`;
}

export function descendants(section: Section): Section[] {
  const all: Section[] = [];
  const stack = [...section.children].reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    all.push(next);
    for (let i = next.children.length - 1; i >= 0; i -= 1) stack.push(next.children[i] as Section);
  }
  return all;
}

/** The headings under a level that are levels of their own, named after it (`Senior Engineer I` under `Senior Engineer`), with the axes the levels repeat. */
function sublevelsOf(section: Section, recurring: Set<string>): Section[] {
  const stem = `${section.title.toLowerCase()} `;
  return section.children.filter((child) => child.title.toLowerCase().startsWith(stem) && child.children.some((grandchild) => recurring.has(recurringKey(grandchild.title))));
}

/** An axis heading recurs whatever mark each level gives it: `Craft (C1)` and `Craft (C2)` are both `craft`. */
function recurringKey(title: string): string {
  return splitCode(title).title.toLowerCase();
}

/** Titles that stand under more than one heading: the axes (and groups of axes) every level repeats. */
function recurringTitles(sections: Section[]): Set<string> {
  const parents = new Map<string, Set<Section | undefined>>();
  for (const section of sections) {
    const key = recurringKey(section.title);
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
    if (block.kind === 'list') count += block.items.filter((item) => readLabel(item.tokens, item.text, false) || (item.children.length > 0 && (item.label || item.text.length <= 60))).length;
  }
  return count;
}

function hasLevelEvidence(section: Section, recurring: Set<string>): boolean {
  return hasEquivalent(section) || labelledAxes(section) >= 1 || section.children.some((child) => recurring.has(recurringKey(child.title)));
}

/**
 * An axis in a level's clothes: its title recurs under other headings and it is its parent's only
 * heading (`### Skills for this level` under each level), so its parent is the level.
 */
function isOnlyChildAxis(section: Section, recurring: Set<string>): boolean {
  return section.parent !== undefined && section.parent.depth > 0 && section.parent.children.length === 1 && recurring.has(recurringKey(section.title));
}

/**
 * The level depth: the heading depth of the sections that hold equivalent lines; failing that,
 * of the sections that hold labelled axes or repeated sub-headings (the axes every level
 * repeats). A section is never a level when a table of levels stands in it or under it, when its title names
 * a part of the document, or when it is the only heading under its parent and its title recurs
 * (an axis). A depth with several such sections wins over a depth with one (a ladder has several
 * levels); between several, the one whose titles read like level titles. A ladder of prose alone
 * has its levels at the depth whose titles read most like levels.
 */
function chooseLevelDepth(sections: Section[], recurring: Set<string>, tables: LevelTables): { depth: number; why: string } {
  const eligible = sections.filter((section) => !tables.holdsLevelsBelow(section) && !notALevel(section.title, '') && !isOnlyChildAxis(section, recurring));
  const withEquivalent = eligible.filter(hasEquivalent);
  if (withEquivalent.length > 0) {
    const depth = mostCommonDepth(withEquivalent);
    return { depth, why: `headings of depth ${depth} hold the equivalent lines` };
  }
  // The levels of a group (`Senior Engineer I` under `Senior Engineer`) are read with their group, at its depth; each parent is asked once.
  const groups = new Map<Section, boolean>();
  const inGroup = (parent: Section) => groups.get(parent) ?? groups.set(parent, sublevelsOf(parent, recurring).length >= 2).get(parent) === true;
  const levelish = eligible.filter((section) => (labelledAxes(section) >= 2 || section.children.some((child) => recurring.has(recurringKey(child.title)))) && !(section.parent && inGroup(section.parent)));
  const byDepth = new Map<number, Section[]>();
  for (const section of levelish) byDepth.set(section.depth, [...(byDepth.get(section.depth) ?? []), section]);
  const several = [...byDepth].filter(([, at]) => at.length >= 2);
  const depths = (several.length > 0 ? several : [...byDepth]).map(([depth]) => depth).sort((a, b) => a - b);
  const evidence = (depth: number) => `headings of depth ${depth} hold labelled axes or sub-headings that recur under each of them`;
  if (depths.length === 1) return { depth: depths[0] as number, why: evidence(depths[0] as number) };
  if (depths.length > 1) {
    const titled = depths.map((depth) => ({ depth, share: share(byDepth.get(depth) ?? [], (section) => looksLikeLevel(section.title)) }));
    const best = titled.reduce((a, b) => (b.share > a.share ? b : a));
    if (best.share >= 0.5) return { depth: best.depth, why: `${evidence(best.depth)}, and their titles read like level titles` };
    const depth = mostCommonDepth(depths.flatMap((at) => byDepth.get(at) ?? []));
    return { depth, why: `${evidence(depth)}, more than at any other depth` };
  }
  // Prose alone: the depth whose titles read most like levels (the deeper one on a tie), else the deepest with several sections.
  const all = [...new Set(eligible.map((section) => section.depth))].sort((a, b) => a - b);
  const byTitles = all.map((depth) => ({ depth, count: eligible.filter((section) => section.depth === depth && looksLikeLevel(section.title)).length }));
  const likely = byTitles.reduce((a, b) => (b.count >= a.count ? b : a), { depth: 0, count: 0 });
  if (likely.count > 0) return { depth: likely.depth, why: `the titles of headings of depth ${likely.depth} read most like level titles` };
  // Where tables hold the levels, headings with no sign of a level are the document's prose.
  if (tables.holdsAny()) return { depth: Number.POSITIVE_INFINITY, why: 'tables hold the levels, and no heading reads as a level' };
  // The seed's layout without its signs: levels are the deepest headings with headings under them.
  const parents = all.filter((depth) => eligible.some((section) => section.depth === depth && section.children.length > 0));
  if (parents.length > 0) return { depth: parents[parents.length - 1] as number, why: 'the deepest headings with headings under them' };
  const crowded = all.filter((depth) => eligible.filter((section) => section.depth === depth).length >= 2);
  // Nothing marks any heading as a level: there are none.
  const depth = crowded[crowded.length - 1];
  return depth === undefined ? { depth: Number.POSITIVE_INFINITY, why: 'no heading reads as a level' } : { depth, why: 'the deepest depth with several headings' };
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

/**
 * In a folder, each file is a discipline, and a file's title names it: `# Titles for Programmers`
 * over `## Individual Contributor Expectations` and its table of levels is the programmers' track,
 * whose section heading stays as its prose. Only a file whose one top heading holds everything,
 * and under it exactly one track, is named so; the title then no longer names the whole ladder.
 */
function nameTrackByFileTitle(document: SourceDocument, ladder: DraftLadder, before: { tracks: number; name: string | undefined; description: number }, findings: Findings): void {
  const [title, ...others] = document.root.children;
  const added = ladder.tracks.slice(before.tracks);
  const [track] = added;
  if (!title?.title || others.length > 0 || added.length !== 1 || !track || track.file !== document.file || track.line === title.line) return;
  track.description.unshift(track.name);
  track.name = title.title;
  if (before.name === undefined && ladder.name === title.title) ladder.name = undefined;
  else if (ladder.description[before.description] === title.title) ladder.description.splice(before.description, 1);
  const decision = findings.decisions.find((each) => each.file === document.file && each.line === title.line);
  if (decision) Object.assign(decision, { role: 'track', rule: "in a folder: the file's title names its one track" });
  const heading = findings.decisions.find((each) => each.file === document.file && each.line === track.line);
  if (heading) Object.assign(heading, { role: 'prose', rule: `${heading.rule}; the file's title names the track, so this heading is its prose` });
}
