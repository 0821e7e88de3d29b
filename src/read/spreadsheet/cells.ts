import { splitClauses } from '../../model/model.js';
import { normalizeName } from '../../model/names.js';
import type { AxisPart, DraftLadder, DraftLevel, DraftTrack } from '../markdown/draft.js';
import { Findings, addAxisPart, countWords, newLevel } from '../markdown/draft.js';
import { splitCode } from '../markdown/titles.js';
import type { CellPlace } from './table.js';
import { sheetNameOf } from './table.js';

/** A line that is a list item: `•`, `-`, `*`, `–` or a number (`1.`, `2)`). */
const ITEM = /^\s*(?:[•●◦▪‣\-*–—]|\(?\d{1,3}[.)])\s+/;

/**
 * A cell's text as parts of an axis: a one-line cell is a paragraph (its clauses split at `;` as
 * in any ladder); a cell of several lines, or of list items, is one clause per line or item (a
 * line that does not start an item continues the one before).
 */
export function cellParts(text: string): AxisPart[] {
  // Most cells are one line: read without splitting (a long sheet has one on each of its rows).
  if (!text.includes('\n') && !text.includes('\r')) {
    const line = text.trim();
    if (!line) return [];
    return ITEM.test(line) ? [{ kind: 'item', text: line.replace(ITEM, '') }] : [{ kind: 'paragraph', text: line }];
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return [];
  if (lines.length === 1 && !ITEM.test(lines[0] as string)) return [{ kind: 'paragraph', text: lines[0] as string }];
  const items: string[] = [];
  const anyItem = lines.some((line) => ITEM.test(line));
  for (const line of lines) {
    if (ITEM.test(line) || !anyItem || items.length === 0) items.push(line.replace(ITEM, ''));
    else items[items.length - 1] += ` ${line}`;
  }
  return items.map((item) => ({ kind: 'item', text: item }));
}

/** A title numbered in its place, as a form's headers are: `1/ Junior`, `2. Medior`; the number is the level's code. */
const NUMBERED_TITLE = /^(\d{1,2})\s*[/.)]\s+(\S.*)$/;

/** A level's title and the code written in it (`L3 - Engineer`, `1/ Junior`). */
function titleParts(title: string): { title: string; code?: string } {
  const numbered = NUMBERED_TITLE.exec(title.trim());
  return numbered ? { title: numbered[2] as string, code: numbered[1] } : splitCode(title.trim());
}

/**
 * The ladder as it is gathered from cells, in the order they are met: tracks by name, levels by
 * track and title, axes by name. Every level remembers the cell that named it first.
 */
export class Collector {
  readonly draft: DraftLadder = { description: [], tracks: [] };
  readonly findings = new Findings();
  /** Axis meanings, by axis name, in order. */
  readonly axisDefinitions = new Map<string, string[]>();
  /** A track's own axis meanings, by track name, then axis name. */
  readonly trackAxisDefinitions = new Map<string, Map<string, string[]>>();
  readonly places = new Map<DraftLevel, CellPlace>();
  private readonly tracks = new Map<string, DraftTrack>();
  private readonly levels = new Map<DraftTrack, Map<string, DraftLevel>>();
  private readonly clauses = new Map<DraftLevel, Set<string>>();
  private readonly keys = new Map<string, string>();
  private readonly titles = new Map<string, { title: string; code?: string }>();
  constructor(private readonly defaultTrack: string) {}

  /** Names compared as the rest of ladder compares them, each worked out once: a long sheet repeats them on every row. */
  private key(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) this.keys.set(name, (key = normalizeName(name)));
    return key;
  }

  track(name: string | undefined, place: CellPlace): DraftTrack {
    const trackName = name?.trim() || this.defaultTrack;
    // A sheet named after a track whose name a tab cannot hold whole is that track.
    let track = this.tracks.get(this.key(trackName)) ?? this.draft.tracks.find((known) => sheetNameOf(known.name) === trackName);
    if (!track) {
      track = { name: trackName, description: [], levels: [], file: place.file, line: place.line ?? 0 };
      this.tracks.set(this.key(trackName), track);
      this.levels.set(track, new Map());
      this.draft.tracks.push(track);
    }
    return track;
  }

  /** A title split from its code, each worked out once: a long sheet names its level on every row. */
  private titleParts(title: string): { title: string; code?: string } {
    let parts = this.titles.get(title);
    if (parts === undefined) this.titles.set(title, (parts = titleParts(title)));
    return parts;
  }

  findLevel(track: DraftTrack, title: string): DraftLevel | undefined {
    return this.levels.get(track)?.get(this.key(this.titleParts(title).title));
  }

  /** The level of this title on the track, made where first named; a code in the title (`L3 - Engineer`) is split off. */
  level(track: DraftTrack, title: string, place: CellPlace, code?: string): DraftLevel {
    const split = this.titleParts(title);
    const key = this.key(split.title);
    const levels = this.levels.get(track) as Map<string, DraftLevel>;
    let level = levels.get(key);
    if (!level) {
      level = newLevel(split.title, place.file, place.line ?? 0);
      const levelCode = code?.trim() || split.code;
      if (levelCode && normalizeName(levelCode) !== key) level.code = levelCode;
      levels.set(key, level);
      track.levels.push(level);
      this.places.set(level, place);
    }
    return level;
  }

  /** A cell's clauses under an axis of a level; a clause already there is not repeated. */
  addCell(level: DraftLevel, axis: string, text: string, line: number): void {
    // Looked up in a set: a long sheet may give one axis of one level thousands of rows.
    const seen = this.clauses.get(level) ?? new Set<string>();
    this.clauses.set(level, seen);
    // A clause is compared alone, so a sheet's `a; b` and another's rows `a` and `b` are one text.
    for (const part of cellParts(text)) {
      const whole = `${axis}\u0000${part.text.trim()}`;
      const keys = (part.kind === 'item' ? [part.text] : splitClauses(part.text)).map((clause) => `${axis}\u0000${clause}`);
      // A row's clause may hold a `;` (a long sheet's row is one clause), so the whole text counts as given too.
      if (seen.has(whole) || (keys.length > 0 && keys.every((key) => seen.has(key)))) continue;
      seen.add(whole);
      for (const key of keys) seen.add(key);
      addAxisPart(level, axis, part, line);
    }
  }

  /**
   * An axis that several cells gave as one-line texts is a list of their clauses: in a long sheet
   * each row is a clause, and two rows are not two paragraphs of one text. A row is one clause even
   * with a `;` in it, as a Markdown list item is (`criterion (e.g. one; two)`).
   */
  settle(): void {
    for (const level of this.draft.tracks.flatMap((track) => track.levels)) {
      for (const axis of level.axes.values()) {
        if (axis.parts.length < 2 || axis.parts.some((part) => part.kind === 'item')) continue;
        axis.parts = axis.parts.map((part): AxisPart => ({ kind: 'item', text: part.text.trim() }));
      }
    }
  }

  /** What an axis means, for the whole ladder or for one track (by the track's name). */
  defineAxis(name: string, description: string, track?: string): void {
    let definitions = this.axisDefinitions;
    if (track !== undefined) {
      definitions = this.trackAxisDefinitions.get(track) ?? new Map<string, string[]>();
      this.trackAxisDefinitions.set(track, definitions);
    }
    const known = definitions.get(name) ?? [];
    if (!known.includes(description)) known.push(description);
    definitions.set(name, known);
  }

  /** A diagnostic at a cell. */
  error(place: CellPlace, message: string, hint?: string): void {
    this.findings.errors.push({ severity: 'error', ...place, message, ...(hint ? { hint } : {}) });
  }

  warn(place: CellPlace, message: string, hint?: string): void {
    this.findings.warnings.push({ severity: 'warning', ...place, message, ...(hint ? { hint } : {}) });
  }

  /** The same text in several cells, left out in one warning at the first: counted once for each cell. */
  leaveOutRepeated(place: CellPlace, what: string, text: string, times: number): void {
    this.leaveOut(place, what, text);
    this.findings.wordsLeftOut += countWords(text) * (times - 1);
  }

  /** A column's texts that have no place in a ladder (the rows' ids), in one warning at the first: the first and last named, every word counted. */
  leaveOutColumn(place: CellPlace, what: string, texts: string[]): void {
    const range = texts.length > 1 ? `“${texts[0]}” to “${texts[texts.length - 1]}”, ${texts.length} cells` : `“${texts[0]}”`;
    this.findings.warnings.push({ severity: 'warning', ...place, message: `${what} left out: ${range}` });
    this.findings.wordsLeftOut += texts.reduce((sum, text) => sum + countWords(text), 0);
  }

  /** A cell's text that has no place in a ladder: named in a warning with its cell, and counted. */
  leaveOut(place: CellPlace, what: string, text: string): void {
    const before = this.findings.warnings.length;
    this.findings.leaveOut(place.file, place.line ?? 0, what, text);
    const warning = this.findings.warnings[before];
    if (warning) Object.assign(warning, { line: place.line, col: place.col });
  }
}
