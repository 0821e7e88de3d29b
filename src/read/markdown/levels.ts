import { tableRows } from './blocks.js';
import type { Block, ListItem, Section } from './blocks.js';
import { addAxisPart, newLevel } from './draft.js';
import type { DraftLevel, DraftTrack, Findings } from './draft.js';
import { splitHeadingId } from './ids.js';
import { ALIASES_LABEL, DESCRIPTION_LABEL, EQUIVALENT_LABEL, GRADE_LABEL, NONE, readLabel, readLeadIn, readNote } from './labels.js';
import type { Labelled } from './labels.js';
import { readMatrix } from './matrix.js';
import { slashAliases, splitCode } from './titles.js';
import { pushAll } from '../../lists.js';

/** A level made from a heading: its title, code and slash aliases. */
export function levelFromHeading(heading: string, file: string, line: number): DraftLevel {
  const { title, id } = splitHeadingId(heading);
  const { title: bare, code, alias } = splitCode(title);
  const level = newLevel(bare, file, line);
  if (id) level.pinnedId = id;
  if (code) level.code = code;
  if (alias) level.aliases.push(alias);
  pushAll(level.aliases, slashAliases(bare));
  return level;
}

/**
 * Reads a level's section: its own blocks (equivalent and alias lines, a note, labelled
 * paragraphs and list items as axes, anything else as description) and its sub-headings as
 * axes, a sub-heading with headings under it as a group whose name prefixes theirs.
 */
export function readLevelSection(section: Section, file: string, track: DraftTrack, findings: Findings, ownWords?: string): DraftLevel {
  const level = levelFromHeading(section.title, file, section.line);
  readLevelBlocks(level, section.blocks, track, findings, ownWords);
  const [only] = section.children;
  if (section.children.length === 1 && only && only.children.length === 0 && holdsLabels(only.blocks)) {
    // A level's only heading (`### What this level asks`) over labelled lines: the labels are its axes.
    findings.decide(file, only.line, `${'#'.repeat(only.depth)} ${only.title}`, 'prose', `only child: the one heading under \`${level.title}\` introduces its labelled axes`);
    level.description.push(only.title);
    readLevelBlocks(level, only.blocks, track, findings);
    return level;
  }
  for (const child of section.children) readAxisSection(level, child, '', findings);
  return level;
}

/** Whether blocks hold labelled lines (`**Label:** text`, labelled list items), which name axes. */
function holdsLabels(blocks: Block[]): boolean {
  return blocks.some((block) => (block.kind === 'paragraph' && readLabel(block.tokens, block.text, false) !== undefined) || (block.kind === 'list' && block.items.some((item) => readLabel(item.tokens, item.text, false) !== undefined)));
}

/** `ownWords`, where the levels' labels are their own words rather than axis names, says why: their lists are then the levels' description. */
function readLevelBlocks(level: DraftLevel, blocks: Block[], track: DraftTrack, findings: Findings, ownWords?: string): void {
  // A bold paragraph on its own (`**Impact**`) names the axis of the blocks that follow it.
  let openAxis: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const note = readNote(block.tokens, block.text);
      if (note !== undefined) {
        level.note = level.note ? `${level.note} ${note}` : note;
        continue;
      }
      const label = readLabel(block.tokens, block.text, false);
      if (label && readDataLine(level, track, label, block.line, findings)) continue;
      const leadIn = label ? undefined : readLeadIn(block.tokens, block.text);
      if (leadIn) {
        // `A **Senior Developer** is capable of:` opens that level's axis, as its bold name alone would.
        openAxis = leadIn;
        addAxisPart(level, openAxis, { kind: 'paragraph', text: block.text }, block.line);
        continue;
      }
      if (label && label.value === '') {
        // The axis exists from its label on, even if nothing follows before the next one.
        openAxis = label.label;
        addAxisPart(level, openAxis, { kind: 'paragraph', text: '' }, block.line);
        continue;
      }
      if (label) {
        openAxis = undefined;
        addAxisPart(level, label.label, { kind: 'paragraph', text: label.value }, block.line);
        continue;
      }
      if (openAxis) addAxisPart(level, openAxis, { kind: 'paragraph', text: block.text }, block.line);
      else level.description.push(block.text);
    } else if (block.kind === 'list') {
      const { labelled, keyWords } = readLevelList(level, track, block.items, openAxis, findings, ownWords !== undefined);
      const role = labelled > 0 ? 'axes' : openAxis ? 'clauses' : 'description';
      const rule = labelled > 0 ? `labelled items: ${labelled} of ${block.items.length} items name an axis (\`**Label:** text\`, or a short item with items under it)` : openAxis ? `clauses of the axis \`${openAxis}\` named by the bold line above` : keyWords > 0 ? `own words: ${ownWords}; the items are the description of \`${level.title}\`` : `description of \`${level.title}\`: its items name no axis`;
      findings.decide(level.file, block.line, `list of ${block.items.length} items`, role, rule);
    } else if (block.kind === 'table') {
      readLevelTable(level, block, findings);
    } else if (openAxis) {
      addAxisPart(level, openAxis, { kind: 'paragraph', text: block.text }, block.line);
    } else {
      level.description.push(block.text);
    }
  }
}

/** Equivalent, alias, grade and summary lines; false for any other label. */
function readDataLine(level: DraftLevel, track: DraftTrack, label: Labelled, line: number, findings: Findings): boolean {
  if (EQUIVALENT_LABEL.test(label.label)) {
    if (level.equivalentLine !== undefined) {
      findings.leaveOut(level.file, line, `a second equivalent line of \`${level.title}\` (the first is on line ${level.equivalentLine})`, `${label.label}: ${label.value}`);
      return true;
    }
    track.equivalentLabel ??= label.label;
    if (track.equivalentLabel.toLowerCase() !== label.label.toLowerCase()) {
      findings.leaveOut(level.file, line, `this label, as the track's equivalent lines say \`${track.equivalentLabel}\`,`, label.label);
    }
    level.equivalentName = NONE.test(label.value) ? undefined : label.value;
    level.equivalentLine = line;
    return true;
  }
  if (DESCRIPTION_LABEL.test(label.label) && label.value) {
    level.description.push(label.value);
    return true;
  }
  if (ALIASES_LABEL.test(label.label)) {
    for (const alias of label.value.split(',').map((part) => part.trim())) if (alias && !level.aliases.includes(alias)) level.aliases.push(alias);
    return true;
  }
  // A grade is one short code (`L5`); a longer text under that label is an axis called Grade.
  if (GRADE_LABEL.test(label.label) && /^\S{1,20}$/.test(label.value)) {
    level.grade = label.value;
    return true;
  }
  return false;
}

/**
 * A level's own list: labelled items (`- **Impact**: …`, or `- Impact: …` where most items of
 * the list are written so) are axes, an item that is only a short label with items nested under
 * it is an axis of those items, and other items belong to the open axis or the description.
 * Where the levels' labels are their own words (`ownWords`), every item is read as unlabelled.
 */
function readLevelList(level: DraftLevel, track: DraftTrack, items: ListItem[], openAxis: string | undefined, findings: Findings, ownWords: boolean): { labelled: number; keyWords: number } {
  const plainLabels = items.filter((item) => readLabel([], item.text, true)).length;
  const plain = plainLabels >= 2 && plainLabels * 2 >= items.length;
  let labelled = 0;
  let keyWords = 0;
  for (const item of items) {
    const label = readLabel(item.tokens, item.text, plain);
    if (label && readDataLine(level, track, label, item.line, findings)) continue;
    if (label && ownWords) keyWords += 1;
    if (label && !ownWords) {
      labelled += 1;
      const parts = [...(label.value ? [label.value] : []), ...item.more];
      if (parts.length > 0) addAxisPart(level, label.label, { kind: 'item', text: parts.join(' ') }, item.line);
      for (const child of item.children) addAxisPart(level, label.label, { kind: 'item', text: itemClause(child) }, child.line);
      if (parts.length === 0 && item.children.length === 0) addAxisPart(level, label.label, { kind: 'item', text: '' }, item.line);
      continue;
    }
    if (!(label && ownWords) && item.children.length > 0 && item.more.length === 0 && (item.label || isShortLabel(item.text))) {
      labelled += 1;
      const name = item.text.replace(/:\s*$/, '');
      for (const child of item.children) addAxisPart(level, name, { kind: 'item', text: itemClause(child) }, child.line);
      continue;
    }
    if (openAxis) addAxisPart(level, openAxis, { kind: 'item', text: itemClause(item) }, item.line);
    else level.description.push(itemClause(item));
  }
  return { labelled, keyWords };
}

function isShortLabel(text: string): boolean {
  return text.length > 0 && text.length <= 60 && text.split(/\s+/).length <= 6 && !/[.;!?]$/.test(text);
}

/** A list item as one clause: its nested items stay with it, after a colon, never run into its text. */
export function itemClause(item: ListItem): string {
  const own = [item.text, ...item.more].filter(Boolean).join(' ');
  if (item.children.length === 0) return own;
  const nested = item.children.map(itemClause).filter(Boolean).join('; ');
  if (!own) return nested;
  return /[:\-–—]$/.test(own) ? `${own} ${nested}` : `${own}: ${nested}`;
}

/**
 * A table inside a level: each row names an axis in its first cell, and its other cells hold the
 * text. The header row only names the columns; it is reported, as is any table of another shape.
 */
function readLevelTable(level: DraftLevel, table: Extract<Block, { kind: 'table' }>, findings: Findings): void {
  const fileName = level.file;
  const axisTable = table.header.length >= 2 && !readMatrix(table) && table.rows.every((row) => (row[0]?.text ?? '') !== '');
  const what = `table of ${table.rows.length + 1} rows × ${table.header.length} columns`;
  if (!axisTable) {
    findings.decide(fileName, table.line, what, 'description', `axis table: its rows do not each name an axis in their first cell`);
    findings.warn(fileName, table.line, `table of ${table.rows.length} rows in \`${level.title}\` is not a list of axes; kept as prose`);
    pushAll(level.description, tableRows(table));
    return;
  }
  findings.decide(fileName, table.line, what, 'axes', `axis table: each row's first cell names an axis of \`${level.title}\``);
  const header = table.header.map((cell) => cell.text).filter(Boolean).join(' | ');
  if (header) findings.leaveOut(fileName, table.line, 'header row of an axis table', header);
  table.rows.forEach(([name, ...cells], index) => {
    const clauses = cells.flatMap((cell) => cell.clauses);
    const line = table.line + 2 + index;
    // A row with nothing in it still names an axis (an empty one, which `validate` points out).
    if (clauses.length === 0) addAxisPart(level, name?.text ?? '', { kind: 'paragraph', text: '' }, line);
    for (const clause of clauses) addAxisPart(level, name?.text ?? '', { kind: 'item', text: clause }, line);
  });
}

/** An axis heading under a level; one with headings of its own is a group, its name a prefix of theirs. */
function readAxisSection(level: DraftLevel, section: Section, prefix: string, findings: Findings): void {
  if (!section.title) {
    findings.error(level.file, section.line, `an axis heading of \`${level.title}\` has no text`, 'give the heading a name, or remove it');
    return;
  }
  if (!prefix && section.children.length === 0 && labelsItsList(section)) {
    readLabelledGroup(level, section, findings);
    return;
  }
  const name = prefix ? `${prefix} / ${section.title}` : section.title;
  const [mark] = section.children;
  if (section.marked && mark) {
    readMarkedAxis(level, section, name, mark, findings);
    return;
  }
  const group = section.children.length > 0;
  findings.decide(level.file, section.line, `${'#'.repeat(section.depth)} ${section.title}`, group ? 'group' : 'axis', group ? `under a level: a heading with headings under it groups the axes of \`${level.title}\`` : `under a level: a heading under \`${level.title}\` is one of its axes`);
  // A sentence that names a level in bold and ends in a colon leads into that level's part of the axis: `Capabilities / Senior Developer`.
  let part = name;
  for (const block of section.blocks) {
    const leadIn = block.kind === 'paragraph' ? readLeadIn(block.tokens, block.text) : undefined;
    if (leadIn) part = `${name} / ${leadIn}`;
    if (block.kind === 'list') {
      findings.decide(level.file, block.line, `list of ${block.items.length} items`, 'clauses', part === name ? `under an axis: each item is one clause of \`${name}\`` : `under an axis: each item is one clause of \`${part}\`, the level the sentence above it names`);
      for (const item of block.items) addAxisPart(level, part, { kind: 'item', text: itemClause(item) }, item.line);
    } else if (block.kind === 'table') {
      findings.warn(level.file, block.line, `table of ${block.rows.length} rows under axis \`${part}\` kept as text`);
      addAxisPart(level, part, { kind: 'paragraph', text: tableRows(block).join('; ') }, block.line);
    } else {
      addAxisPart(level, part, { kind: 'paragraph', text: block.text }, block.line);
    }
  }
  if (section.blocks.length === 0 && section.children.length === 0) addAxisPart(level, name, { kind: 'paragraph', text: '' }, section.line);
  const axis = level.axes.get(name);
  if (axis) axis.fromHeading = true;
  for (const child of section.children) readAxisSection(level, child, name, findings);
}

/**
 * An axis heading whose one sub-heading is this level's mark on it (`### Expertise` over `#### Adopts`,
 * the next level's page `#### Specializes`): the heading is the axis, the mark its first clause, and
 * the text under the mark the rest.
 */
function readMarkedAxis(level: DraftLevel, section: Section, name: string, mark: Section, findings: Findings): void {
  findings.decide(level.file, section.line, `${'#'.repeat(section.depth)} ${section.title}`, 'axis', `under a level: a heading whose one sub-heading marks \`${level.title}\` on it is one of its axes`);
  findings.decide(level.file, mark.line, `${'#'.repeat(mark.depth)} ${mark.title}`, 'clauses', `under an axis: the one sub-heading is the mark of \`${level.title}\` on \`${name}\`, its first clause`);
  addAxisPart(level, name, { kind: 'paragraph', text: mark.title }, mark.line);
  for (const block of mark.blocks) {
    if (block.kind === 'list') for (const item of block.items) addAxisPart(level, name, { kind: 'item', text: itemClause(item) }, item.line);
    else addAxisPart(level, name, { kind: 'paragraph', text: block.kind === 'table' ? tableRows(block).join('; ') : block.text }, block.line);
  }
}

/** Whether a heading's text is a list whose every item is bold-labelled (`- **Ownership**: …`). */
function labelsItsList(section: Section): boolean {
  const lists = section.blocks.filter((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
  return lists.length > 0 && lists.every((list) => list.items.every((item) => readLabel(item.tokens, item.text, false)?.bold === true));
}

/**
 * A heading over labelled items (`## Impact (I4)` over `- **Ownership**: …`) groups the axes its
 * labels name (`Impact / Ownership`). A code in the heading is this level's mark in the group, so
 * it stays with the heading and the group's own paragraphs in the level's description, and leaves
 * the group's name, which every level shares.
 */
function readLabelledGroup(level: DraftLevel, section: Section, findings: Findings): void {
  const group = splitCode(section.title).title;
  findings.decide(level.file, section.line, `${'#'.repeat(section.depth)} ${section.title}`, 'group', `under a level: a heading over labelled items groups the axes of \`${level.title}\` they name`);
  const prose: string[] = [];
  for (const block of section.blocks) {
    if (block.kind !== 'list') {
      pushAll(prose, block.kind === 'table' ? tableRows(block) : [block.text]);
      continue;
    }
    findings.decide(level.file, block.line, `list of ${block.items.length} items`, 'axes', `labelled items: each names an axis of the group \`${group}\``);
    for (const item of block.items) {
      const label = readLabel(item.tokens, item.text, false) as Labelled;
      const name = `${group} / ${label.label}`;
      const parts = [...(label.value ? [label.value] : []), ...item.more];
      addAxisPart(level, name, { kind: 'item', text: parts.join(' ') }, item.line);
      for (const child of item.children) addAxisPart(level, name, { kind: 'item', text: itemClause(child) }, child.line);
    }
  }
  if (group !== section.title || prose.length > 0) level.description.push([section.title, prose.join(' ')].filter(Boolean).join(': '));
}
