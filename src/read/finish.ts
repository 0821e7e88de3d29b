import type { Diagnostic } from '../errors.js';
import type { AxisValue, LadderData } from '../model/model.js';
import { splitClauses } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { sanitize } from '../io.js';
import { pushAll } from '../lists.js';
import type { Decision, DraftAxis, DraftLadder, DraftLevel, DraftTrack, Findings } from './markdown/draft.js';
import { resolveEquivalents } from './markdown/equivalents.js';
import { assignLevelIds, assignTrackIds } from './markdown/ids.js';
import { LADDER_HINT, sourceName } from './markdown/no-ladder.js';
import { mergeRepeatedTracks } from './markdown/repeated-tracks.js';

// The last step of every reader (Markdown, spreadsheets, job families), kept apart from the
// Markdown reader so that the others do not load its lexer.

/** What `import` reports on its last line. */
export interface ReadSummary {
  tracks: number;
  levels: number;
  axes: number;
  sectionsAsProse: number;
  wordsLeftOut: number;
}

export interface ReadResult {
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

export interface FinishOptions {
  /** Import an equivalent that names no level read here, with a warning, rather than refuse it. */
  keepUnresolved?: boolean;
  /** The folder whose other files this file's equivalents may name: such a name is kept unresolved, with a warning that names the folder. */
  folder?: string;
  /** With `folder`: whether a level of the folder's other files has this name; only such a name is kept unresolved, any other is an error. */
  namedInFolder?: (name: string) => boolean;
}

/** A draft ladder, from any reader, as checked ladder data: names checked, ids given, equivalents resolved. */
export function finish(draft: DraftLadder, files: { name: string }[], findings: Findings, options: FinishOptions): ReadResult {
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
  const { equivalents, errors } = resolveEquivalents(tracks, ids, findings.warnings, options.keepUnresolved || (options.namedInFolder ?? options.folder !== undefined), qualified, options.folder);
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
