import type { Diagnostic } from '../../errors.js';

/** One piece of an axis as the document wrote it: a paragraph (clauses separated by `;`) or a list item (one clause). */
export type AxisPart = { kind: 'paragraph'; text: string } | { kind: 'item'; text: string };

export interface DraftAxis {
  name: string;
  parts: AxisPart[];
  line: number;
  /** Named by a heading rather than a label: in a competency-first document, a heading that names no level is the competency's text. */
  fromHeading?: true;
}

/** A level as read from Markdown, before ids are given and equivalents resolved. */
export interface DraftLevel {
  title: string;
  /** The id its heading pins, pandoc's way: `## Senior Engineer {#senior}`. */
  pinnedId?: string;
  code?: string;
  /** From a `**Grade**: L5` line. */
  grade?: string;
  aliases: string[];
  /** The equivalent as the document names it; undefined or `n/a` means none. */
  equivalentName?: string;
  /** 1-based line of the equivalent, for messages. */
  equivalentLine?: number;
  /** The same level in copies of its track kept in other files: their equivalent lines are claims too. */
  copies?: DraftLevel[];
  description: string[];
  note?: string;
  axes: Map<string, DraftAxis>;
  /** Where the level's heading (or table row or column) is. */
  file: string;
  line: number;
}

export interface DraftTrack {
  name: string;
  /** The id its heading pins, pandoc's way: `# Managers {#management}`. */
  pinnedId?: string;
  /** An id the track must have (a discipline named after its file); otherwise one is made from its name. */
  id?: string;
  equivalentLabel?: string;
  description: string[];
  levels: DraftLevel[];
  file: string;
  line: number;
}

export interface DraftLadder {
  name?: string;
  /** From the front matter's `grades`. */
  grades?: string[];
  description: string[];
  tracks: DraftTrack[];
}

/** What a heading, table or list was read as. */
export type Role = 'ladder title' | 'track' | 'level' | 'levels' | 'group' | 'axis' | 'axes' | 'clauses' | 'description' | 'prose' | 'summary' | 'skipped';

/** One line of the outline `--explain` prints: a heading, table or list, what it was read as, and the rule that decided it. */
export interface Decision {
  file: string;
  line: number;
  /** How the document wrote it: `## Senior Engineer`, `table 6 × 4`, `list of 5 items`. */
  what: string;
  role: Role;
  rule: string;
}

/** What reading found besides the ladder: warnings with their lines, errors, and the tallies of the summary line. */
export class Findings {
  readonly warnings: Diagnostic[] = [];
  readonly errors: Diagnostic[] = [];
  readonly decisions: Decision[] = [];
  sectionsAsProse = 0;
  wordsLeftOut = 0;

  decide(file: string, line: number, what: string, role: Role, rule: string): void {
    this.decisions.push({ file, line, what, role, rule });
  }

  warn(file: string, line: number, message: string, hint?: string): void {
    this.warnings.push({ severity: 'warning', file, line, col: 1, message, ...(hint ? { hint } : {}) });
  }

  error(file: string, line: number, message: string, hint?: string): void {
    this.errors.push({ severity: 'error', file, line, col: 1, message, ...(hint ? { hint } : {}) });
  }

  /** Text the reader could not place: named in a warning, word for word, and counted. */
  leaveOut(file: string, line: number, what: string, text: string): void {
    this.wordsLeftOut += countWords(text);
    this.warn(file, line, `${what} left out: ${quoteText(text)}`);
  }

  /** A section that is not a level, kept as prose in the ladder's or a track's description. */
  keptAsProse(file: string, line: number, title: string, why: string): void {
    this.sectionsAsProse += 1;
    this.warn(file, line, `\`${title}\` is not a level (${why}); kept as prose`);
  }
}

export function newLevel(title: string, file: string, line: number): DraftLevel {
  return { title, aliases: [], description: [], axes: new Map(), file, line };
}

export function addAxisPart(level: DraftLevel, name: string, part: AxisPart, line: number): void {
  const axis = level.axes.get(name);
  if (axis) axis.parts.push(part);
  else level.axes.set(name, { name, parts: [part], line });
}

/** Words as the word accounting counts them: runs of letters and digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Text quoted whole: the warning is the only place its words survive. */
function quoteText(text: string): string {
  return `“${text}”`;
}
