import { distance } from 'fastest-levenshtein';
import type { Ladder } from '../model/model.js';
import { MAX_COMPARED_LENGTH, quoteList } from '../model/names.js';
import type { PathSegment } from '../read/parse-yaml.js';

/** Something legal but probably a mistake, with where it is in the file. */
export interface Finding {
  /** Which kind of warning it is: the rule id `validate --format sarif` reports. */
  rule: WarningRule;
  path: PathSegment[];
  at: 'key' | 'value';
  message: string;
  hint?: string;
}

/** The kinds of warning `validate` gives, each a rule id of its own in SARIF. */
export type WarningRule = 'missing-axis' | 'axis-name' | 'undefined-axis' | 'empty-text' | 'empty-level';

/**
 * What `validate` warns about (and `--strict` refuses): a level that lacks an axis its track's
 * other levels have, an axis name that is nearly another (`Customer Sucess`), empty text, and a
 * level that says nothing at all (no axes, no description). Where the ladder defines its axes
 * (`axes:` for the ladder, or for a track), each level is held to its track's definitions instead:
 * a defined axis it lacks, and an axis that is nearly, or not at all, one of them.
 * Levels described only in prose, with no axes at all, are not expected to have the track's axes.
 */
export function lintLadder(ladder: Ladder): Finding[] {
  const findings: Finding[] = [];
  const uses = new Map<string, number>();
  for (const level of ladder.levels) for (const axis of level.axes) uses.set(axis.name, (uses.get(axis.name) ?? 0) + 1);
  // A name's near-twin depends on the name alone: found once per distinct name, not per use.
  const twins = nearTwins(uses);

  ladder.tracks.forEach((track, t) => {
    const defined = track.axes.map((axis) => axis.name);
    const definedNames = new Set(defined);
    // Against definitions, a name's twin is the defined name it nearly is: found once per name, within the same budget.
    const definedTwins = new Map<string, string | undefined>();
    let budget = TWIN_COMPARISONS;
    const twinOf = (name: string): string | undefined => {
      if (defined.length === 0) return twins.get(name);
      if (definedNames.has(name)) return undefined;
      if (!definedTwins.has(name)) {
        let twin: string | undefined;
        for (let d = 0; d < defined.length && budget > 0 && twin === undefined; d += 1, budget -= 1) {
          if (isNearCopy(name.toLowerCase(), (defined[d] as string).toLowerCase())) twin = defined[d];
        }
        definedTwins.set(name, twin);
      }
      return definedTwins.get(name);
    };
    // A near-duplicate name is reported as such, not as an axis the other levels lack.
    const trackAxes = defined.length > 0 ? defined : [...new Set(track.levels.flatMap((level) => level.axes.map((axis) => axis.name)))].filter((name) => !twins.get(name));
    const whoHas = defined.length > 0 ? `which track \`${track.id}\` defines` : `which other levels of track \`${track.id}\` have`;
    track.levels.forEach((level, l) => {
      const at = (...rest: PathSegment[]): PathSegment[] => ['tracks', t, 'levels', l, ...rest];
      if (level.axes.length > 0) {
        const has = new Set(level.axes.flatMap((axis) => [axis.name, twinOf(axis.name) ?? axis.name]));
        const missing = trackAxes.filter((name) => !has.has(name));
        if (missing.length > 0) findings.push({ rule: 'missing-axis', path: at('axes'), at: 'key', message: `\`${level.id}\` has no ${quoteList(missing, 'and')} ${missing.length === 1 ? 'axis' : 'axes'}, ${whoHas}` });
      }
      for (const axis of level.axes) {
        if (axis.clauses.length === 0) findings.push({ rule: 'empty-text', path: at('axes', axis.name), at: 'key', message: `axis \`${axis.name}\` of \`${level.id}\` is empty` });
        const twin = twinOf(axis.name);
        if (twin) findings.push({ rule: 'axis-name', path: at('axes', axis.name), at: 'key', message: `axis \`${axis.name}\` is nearly \`${twin}\``, hint: `did you mean \`${twin}\`?` });
        else if (defined.length > 0 && !definedNames.has(axis.name)) {
          findings.push({ rule: 'undefined-axis', path: at('axes', axis.name), at: 'key', message: `axis \`${axis.name}\` of \`${level.id}\` is not one that track \`${track.id}\` defines`, hint: `the axes defined for it are ${quoteList(defined, 'and')}` });
        }
      }
      if (level.axes.length === 0 && !level.description?.trim()) findings.push({ rule: 'empty-level', path: at('title'), at: 'key', message: `\`${level.id}\` has neither axes nor a description`, hint: 'say what the level expects, under axes or in a description' });
      if (level.description !== undefined && !level.description.trim()) findings.push({ rule: 'empty-text', path: at('description'), at: 'key', message: `the description of \`${level.id}\` is empty` });
      if (level.note !== undefined && !level.note.trim()) findings.push({ rule: 'empty-text', path: at('note'), at: 'key', message: `the note of \`${level.id}\` is empty` });
    });
    if (track.description !== undefined && !track.description.trim()) findings.push({ rule: 'empty-text', path: ['tracks', t, 'description'], at: 'key', message: `the description of track \`${track.id}\` is empty` });
  });
  return findings;
}

/**
 * Names compared, pair by pair, for near-duplicates before the check stops: a ladder of thousands
 * of distinct axis names is checked for its most used names only, and the check stays linear.
 */
const TWIN_COMPARISONS = 200_000;

/** For each axis name, the more common name it is a near-copy of (a case or a letter or two apart), if any. */
function nearTwins(uses: Map<string, number>): Map<string, string | undefined> {
  // Counts and lower-case forms are looked up once per name, not once per comparison: 400,000 names sort in 8 million.
  const byUse = [...uses].map(([name, count]) => ({ name, count, lower: name.toLowerCase() })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  const twins = new Map<string, string | undefined>();
  let budget = TWIN_COMPARISONS;
  byUse.forEach(({ name, lower }, index) => {
    // Only a name used at least as often (ties: the earlier in order) can be the twin it copies.
    let twin: string | undefined;
    for (let other = 0; other < index && budget > 0; other += 1, budget -= 1) {
      const candidate = byUse[other] as (typeof byUse)[number];
      if (isNearCopy(lower, candidate.lower)) {
        twin = candidate.name;
        break;
      }
    }
    twins.set(name, twin);
  });
  return twins;
}

function isNearCopy(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && Math.max(a.length, b.length) <= MAX_COMPARED_LENGTH && Math.abs(a.length - b.length) <= 2 && distance(a, b) <= 2);
}
