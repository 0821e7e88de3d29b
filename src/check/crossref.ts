import type { Diagnostic } from '../errors.js';
import { closest, normalizeName } from '../model/names.js';
import type { RawLadder, RawLevel } from '../model/model.js';
import type { Position, PathSegment } from '../read/parse-yaml.js';

/** Where a value sits in the file; the fast path, which only needs to know whether there are problems, has no positions. */
export type Locate = (path: readonly PathSegment[], at?: 'key' | 'value') => (Position & { file?: string }) | undefined;

interface Located {
  level: RawLevel;
  trackIndex: number;
  path: PathSegment[];
}

/** The rules a JSON Schema cannot express: unique names, and equivalents that exist, cross tracks and point back. */
export function checkCrossReferences(raw: RawLadder, file: string, locate: Locate = () => undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: PathSegment[], message: string, hint?: string) => {
    diagnostics.push({ severity: 'error', file, ...locate(path), message, hint });
  };
  const lineOf = (path: PathSegment[]) => locate(path)?.line;

  const trackIds = new Map<string, PathSegment[]>();
  raw.tracks.forEach((track, t) => {
    const path = ['tracks', t, 'id'];
    const first = trackIds.get(track.id);
    if (first) report(path, `duplicate track id \`${track.id}\` (first used on line ${lineOf(first)})`);
    else trackIds.set(track.id, path);
  });

  const levels: Located[] = raw.tracks.flatMap((track, t) =>
    track.levels.map((level, l) => ({ level, trackIndex: t, path: ['tracks', t, 'levels', l] })),
  );
  checkNames(levels, report, lineOf);
  checkEquivalents(levels, report);
  return diagnostics;
}

type Report = (path: PathSegment[], message: string, hint?: string) => void;

function checkNames(levels: Located[], report: Report, lineOf: (path: PathSegment[]) => number | undefined): void {
  const owners = new Map<string, { id: string; what: string; path: PathSegment[] }>();
  for (const { level, path } of levels) {
    const names: { name: string; what: string; path: PathSegment[] }[] = [
      { name: level.id, what: 'id', path: [...path, 'id'] },
      { name: level.title, what: 'title', path: [...path, 'title'] },
      ...(level.code !== undefined ? [{ name: level.code, what: 'code', path: [...path, 'code'] }] : []),
      ...(level.aliases ?? []).map((alias, a) => ({ name: alias, what: 'alias', path: [...path, 'aliases', a] })),
    ];
    for (const { name, what, path: namePath } of names) {
      const key = normalizeName(name);
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { id: level.id, what, path: namePath });
      } else if (owner.id !== level.id || (what === 'id' && owner.what === 'id')) {
        const clash = owner.what === what ? `another level's ${what}` : `the ${owner.what} of \`${owner.id}\``;
        report(namePath, `${what} \`${name}\` is already ${clash} (line ${lineOf(owner.path)})`, 'names are compared ignoring case, spaces and hyphens, and must be unique across the ladder');
      }
    }
  }
}

/**
 * Did-you-mean suggestions compare a name with every id; a file with thousands of dangling
 * equivalents gets suggestions for the first few only, so the check stays linear.
 */
const SUGGESTIONS = 20;

function checkEquivalents(levels: Located[], report: Report): void {
  // A repeated id is reported once, where it repeats; the level that repeats it is not checked
  // again here, and the id names its first level, so no knock-on errors follow.
  const byId = new Map<string, Located>();
  for (const entry of levels) if (!byId.has(entry.level.id)) byId.set(entry.level.id, entry);
  // The peer a repeated level names most likely names that level by the id it was meant to have.
  const peersOfRepeats = new Set(levels.filter((entry) => byId.get(entry.level.id) !== entry).map((entry) => entry.level.equivalent));
  let suggestionsLeft = SUGGESTIONS;
  for (const entry of levels) {
    const { level, trackIndex, path } = entry;
    if (byId.get(level.id) !== entry) continue;
    const target = level.equivalent;
    if (target === undefined || target === null) continue;
    const at = [...path, 'equivalent'];
    if (target === level.id) {
      report(at, `level \`${level.id}\` names itself as its equivalent`, 'an equivalent is a level on another track; remove the line if there is none');
      continue;
    }
    const other = byId.get(target);
    if (!other && peersOfRepeats.has(level.id)) continue;
    if (!other) {
      const near = suggestionsLeft-- > 0 ? closest(target, byId.keys(), 1) : [];
      report(at, `equivalent \`${target}\` is not a level id`, near.length > 0 ? `did you mean \`${near[0]}\`?` : 'use the id of a level on another track');
      continue;
    }
    if (other.trackIndex === trackIndex) {
      report(at, `equivalent \`${target}\` is on the same track as \`${level.id}\``, 'an equivalent is a level on another track');
      continue;
    }
    const back = other.level.equivalent;
    if (back !== level.id) {
      const says = back ? `names \`${back}\`` : 'names no equivalent';
      report(at, `\`${level.id}\` names \`${target}\` as its equivalent, but \`${target}\` ${says}`, `add \`equivalent: ${level.id}\` to \`${target}\`, or change this one`);
    }
  }
}
