import type { Diagnostic } from "../../errors.js";
import { matchName } from "../../model/match.js";
import { closest, normalizeName } from "../../model/names.js";
import type { DraftLevel, DraftTrack } from "./draft.js";
import { UNRESOLVED_IN_FOLDER } from "../folder.js";

/**
 * Comparisons that inexact matching may make in one import. An exact title, code or alias is
 * found by lookup; only a looser name is compared with the levels of the other tracks, and a file
 * full of loose names must not make that quadratic.
 */
const FUZZY_BUDGET = 2_000_000;

/** One equivalent line: `from` names `to`, at this place. */
interface Claim {
  from: DraftLevel;
  to: DraftLevel;
  file: string;
  line: number;
}

/** A level's name in messages: `track:level`, so that two levels of one title never read alike. */
export type QualifiedName = (level: DraftLevel) => string;

/**
 * Turns each equivalent line, named by title in the document, into peers. Every line is a claim
 * made from one side, and a level's peers are the symmetric closure of all claims: if A names B,
 * B's peers include A, whether or not B names A (nobody writes the other side for every
 * discipline). A name is matched by exact title, code or alias against every other track, and
 * means that level on each track where it is unique (`Staff Engineer` in a managers file names
 * each discipline's Staff Engineer); a looser name (`Lead Engineer`) is matched to the closest
 * title (`Lead Operations Engineer`) with a warning, and kept as an alias of that level. The lines
 * of a track's copies in other files (see repeated-tracks.ts) are claims too. Only two different
 * peers on one track for the same level are an error, naming both claims and their places.
 * With `keepUnresolved` (for every name, or for the names it accepts), a name that matches nothing (a level kept in a file not read with this
 * one) is a warning that keeps the name; with `folder`, the warning says which folder to read. Levels of the same title on several tracks, with no
 * peer and no grade, are peers (a discipline's `Level 3` is level 3 of every discipline).
 */
export function resolveEquivalents(
  tracks: DraftTrack[],
  ids: Map<DraftLevel, string>,
  warnings: Diagnostic[],
  keepUnresolved: boolean | ((name: string) => boolean),
  qualified: QualifiedName,
  folder?: string,
): { equivalents: Map<DraftLevel, string[]>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const byName = nameIndex(tracks, ids);
  const byWord = wordIndex(tracks);
  const trackOf = new Map(
    tracks.flatMap((track) =>
      track.levels.map((level): [DraftLevel, DraftTrack] => [level, track]),
    ),
  );
  const claims: Claim[] = [];
  let budget = FUZZY_BUDGET;
  for (const track of tracks) {
    let others: DraftLevel[] | undefined;
    for (const level of track.levels) {
      for (const claimant of [level, ...(level.copies ?? [])]) {
        const line = claimant.equivalentName;
        if (!line) continue;
        // `A; B` names a peer on each of two tracks (export writes a list so), unless it is one level's name.
        const names =
          line.includes(";") && !byName.has(normalizeName(line))
            ? line
                .split(";")
                .map((part) => part.trim())
                .filter(Boolean)
            : [line];
        for (const name of names) {
          const where = {
            file: claimant.file,
            line: claimant.equivalentLine ?? claimant.line,
            col: 1,
          };
          let found = onEachTrack(
            byName.get(normalizeName(name)) ?? [],
            track,
            trackOf,
          );
          // Written otherwise (`lead-engineer` for `Lead Engineer`), the name is kept as an alias, as a looser one is.
          const exact =
            found.length > 0 &&
            found.every((candidate) =>
              [...namesOf(candidate), ids.get(candidate)].includes(name),
            );
          if (found.length === 0) {
            // Levels that share the query's rarest word are tried first: numbered titles find their match there at once.
            const sharing = byWord
              .rarest(name)
              .filter((candidate) => trackOf.get(candidate) !== track);
            found = listOf(
              sharing.length > 0 ? findByWords(name, sharing) : undefined,
            );
          }
          if (found.length === 0) {
            others ??= tracks
              .filter((other) => other !== track)
              .flatMap((other) => other.levels);
            budget -= others.length;
            found = listOf(budget >= 0 ? findLoosely(name, others) : undefined);
          }
          if (found.length === 0) {
            const message = `equivalent \`${name}\` of \`${level.title}\` matches no level on another track`;
            if (typeof keepUnresolved === "function" ? keepUnresolved(name) : keepUnresolved) {
              warnings.push({
                severity: "warning",
                ...where,
                ...(folder === undefined
                  ? { message: `${message}; imported without it` }
                  : {
                      rule: UNRESOLVED_IN_FOLDER,
                      message: `${message} in this file; read without it, as it may name a level of another file in ${folder}`,
                      hint: `read the whole ladder with \`ladder -f ${folder}\``,
                    }),
              });
              continue;
            }
            budget -= others?.length ?? 0;
            const near =
              budget >= 0 && others
                ? closest(
                    name,
                    others.map((other) => other.title),
                    1,
                  )
                : [];
            errors.push({
              severity: "error",
              ...where,
              message,
              hint:
                near.length > 0
                  ? `did you mean \`${near[0]}\`?`
                  : "name the equivalent by its title or code, or write _n/a_; `ladder import --keep-unresolved` imports the level without it",
            });
            continue;
          }
          for (const target of found) {
            if (!exact) {
              warnings.push({
                severity: "warning",
                ...where,
                message: `equivalent \`${name}\` of \`${level.title}\` taken to be \`${target.title}\``,
              });
              addAlias(target, name, ids);
            }
            claims.push({ from: level, to: target, ...where });
          }
        }
      }
    }
  }
  const peers = closeClaims(claims, trackOf, errors, warnings, qualified);
  peerAlikeTitles(tracks, peers, trackOf);
  const equivalents = new Map<DraftLevel, string[]>();
  for (const [level, onTracks] of peers)
    equivalents.set(
      level,
      [...onTracks.values()].map((peer) => ids.get(peer.level) as string),
    );
  return { equivalents, errors };
}

/** The track of a qualified name: `eng` of `eng:lead`. */
const trackPart = (name: string) => name.slice(0, name.indexOf(":"));

/** A level's peer on one track, and the claim that made it one. */
type Peer = { level: DraftLevel; claim: Claim };

/**
 * The symmetric closure of the claims: each level's peer on each other track. A claim that would
 * give a level a second, different peer on one track is reported with the claim it contradicts.
 */
function closeClaims(
  claims: Claim[],
  trackOf: Map<DraftLevel, DraftTrack>,
  errors: Diagnostic[],
  warnings: Diagnostic[],
  qualified: QualifiedName,
): Map<DraftLevel, Map<DraftTrack, Peer>> {
  const peers = new Map<DraftLevel, Map<DraftTrack, Peer>>();
  const peerOf = (level: DraftLevel, track: DraftTrack) =>
    peers.get(level)?.get(track);
  const named = (claim: Claim) =>
    `\`${qualified(claim.from)}\` names \`${qualified(claim.to)}\` (${claim.file}:${claim.line})`;
  const warnedNone = new Set<DraftLevel>();
  for (const claim of claims) {
    const { from, to } = claim;
    const fromTrack = trackOf.get(from) as DraftTrack;
    const toTrack = trackOf.get(to) as DraftTrack;
    const before = [
      { level: from, track: toTrack, other: to },
      { level: to, track: fromTrack, other: from },
    ].find(({ level, track, other }) => {
      const known = peerOf(level, track);
      return known !== undefined && known.level !== other;
    });
    if (before) {
      const known = peerOf(before.level, before.track) as Peer;
      errors.push({
        severity: "error",
        file: claim.file,
        line: claim.line,
        col: 1,
        message: `${named(claim)}, but ${named(known.claim)}: \`${qualified(before.level)}\` would have two peers on track \`${trackPart(qualified(before.other))}\``,
        hint: "a level has at most one peer on each other track; change one of the two lines",
      });
      continue;
    }
    for (const [level, track, other] of [
      [from, toTrack, to],
      [to, fromTrack, from],
    ] as const) {
      const onTracks = peers.get(level) ?? new Map<DraftTrack, Peer>();
      peers.set(level, onTracks);
      if (!onTracks.has(track)) onTracks.set(track, { level: other, claim });
    }
    if (
      to.equivalentLine !== undefined &&
      !to.equivalentName &&
      !warnedNone.has(to)
    ) {
      warnedNone.add(to);
      warnings.push({
        severity: "warning",
        file: to.file,
        line: to.equivalentLine,
        col: 1,
        message: `\`${to.title}\` gives its equivalent as n/a, but \`${from.title}\` names it; taken to be \`${from.title}\``,
      });
    }
  }
  return peers;
}

/**
 * Levels of one title on several tracks (each discipline's `Level 3`), none with a peer or a grade,
 * are peers: each names the first, which names them all, so the groups are the titles. Then, of
 * the levels still without a peer, those of one code (`Senior Designer (L3)` and `Senior SRE (L3)`:
 * the disciplines' tables on one scale of codes) are peers the same way. A level whose
 * equivalent is written as none (`n/a`) is taken at its word.
 */
function peerAlikeTitles(
  tracks: DraftTrack[],
  peers: Map<DraftLevel, Map<DraftTrack, Peer>>,
  trackOf: Map<DraftLevel, DraftTrack>,
): void {
  if (
    tracks.length < 2 ||
    tracks.some((track) =>
      track.levels.some((level) => level.grade !== undefined),
    )
  )
    return;
  peerAlike(tracks, peers, trackOf, (level) => normalizeName(level.title));
  peerAlike(tracks, peers, trackOf, (level) => (level.code === undefined ? undefined : normalizeName(level.code)));
}

/** Levels with no peer yet that share a key (a title, a code), one per track: made peers of the first. */
function peerAlike(
  tracks: DraftTrack[],
  peers: Map<DraftLevel, Map<DraftTrack, Peer>>,
  trackOf: Map<DraftLevel, DraftTrack>,
  keyOf: (level: DraftLevel) => string | undefined,
): void {
  const byKey = new Map<string, DraftLevel[]>();
  for (const track of tracks)
    for (const level of track.levels) {
      const key = keyOf(level);
      if (key !== undefined && !peers.has(level) && !(level.equivalentLine !== undefined && !level.equivalentName)) byKey.set(key, [...(byKey.get(key) ?? []), level]);
    }
  const groups = [...byKey.values()].filter((alike) => alike.length > 1);
  // Peers a rule infers never cross: where the titles stand in another order on one track than
  // on another (a table whose header lost a cell), no level of them is made a peer.
  if (groups.length === 0 || crosses(groups, peers, trackOf)) return;
  for (const alike of groups) {
    const [first, ...rest] = alike;
    if (!first) continue;
    const claim: Claim = {
      from: first,
      to: first,
      file: first.file,
      line: first.line,
    };
    const firstPeers = new Map<DraftTrack, Peer>();
    for (const level of rest) {
      firstPeers.set(trackOf.get(level) as DraftTrack, { level, claim });
      peers.set(
        level,
        new Map([[trackOf.get(first) as DraftTrack, { level: first, claim }]]),
      );
    }
    peers.set(first, firstPeers);
  }
}

/** Whether the groups, each made peers, with the peers already known, would put two levels of one track in the other order on another. */
function crosses(groups: DraftLevel[][], peers: Map<DraftLevel, Map<DraftTrack, Peer>>, trackOf: Map<DraftLevel, DraftTrack>): boolean {
  const positions = new Map<DraftLevel, number>();
  for (const track of new Set(trackOf.values())) track.levels.forEach((level, index) => positions.set(level, index));
  const position = (level: DraftLevel) => positions.get(level) ?? 0;
  // For each pair of tracks, the positions of the levels paired across them.
  const pairs = new Map<string, [number, number][]>();
  const tracks = new Map<DraftTrack, number>();
  const idOf = (track: DraftTrack) => tracks.get(track) ?? tracks.set(track, tracks.size).get(track) as number;
  const pair = (a: DraftLevel, b: DraftLevel) => {
    const [x, y] = [a, b].sort((one, other) => idOf(trackOf.get(one) as DraftTrack) - idOf(trackOf.get(other) as DraftTrack)) as [DraftLevel, DraftLevel];
    const key = `${idOf(trackOf.get(x) as DraftTrack)} ${idOf(trackOf.get(y) as DraftTrack)}`;
    pairs.set(key, [...(pairs.get(key) ?? []), [position(x), position(y)]]);
  };
  for (const alike of groups) for (let i = 0; i < alike.length; i += 1) for (let j = i + 1; j < alike.length; j += 1) pair(alike[i] as DraftLevel, alike[j] as DraftLevel);
  for (const [level, known] of peers) for (const { level: peer } of known.values()) if (tracks.has(trackOf.get(level) as DraftTrack) && tracks.has(trackOf.get(peer) as DraftTrack)) pair(level, peer);
  for (const paired of pairs.values()) {
    const sorted = paired.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    if (sorted.some(([, at], index) => index > 0 && at < (sorted[index - 1] as [number, number])[1])) return true;
  }
  return false;
}

/** The levels a name matches exactly, one on each other track where it names one level only. */
function onEachTrack(
  candidates: DraftLevel[],
  own: DraftTrack,
  trackOf: Map<DraftLevel, DraftTrack>,
): DraftLevel[] {
  const perTrack = new Map<DraftTrack, DraftLevel[]>();
  for (const candidate of candidates) {
    const track = trackOf.get(candidate) as DraftTrack;
    if (track !== own)
      perTrack.set(track, [...(perTrack.get(track) ?? []), candidate]);
  }
  return [...perTrack.values()]
    .filter((list) => list.length === 1)
    .map((list) => list[0] as DraftLevel);
}

const listOf = (level: DraftLevel | undefined): DraftLevel[] =>
  level ? [level] : [];

/** Every level under each of its names (title, code, aliases, and its id), compared as names are everywhere. */
function nameIndex(
  tracks: DraftTrack[],
  ids: Map<DraftLevel, string>,
): Map<string, DraftLevel[]> {
  const index = new Map<string, DraftLevel[]>();
  for (const level of tracks.flatMap((track) => track.levels)) {
    for (const name of [...namesOf(level), ids.get(level) ?? ""]) {
      const key = normalizeName(name);
      const list = index.get(key) ?? [];
      if (!list.includes(level)) list.push(level);
      index.set(key, list);
    }
  }
  return index;
}

/** The levels whose titles hold a word, for the word of a query that the fewest titles hold. */
function wordIndex(tracks: DraftTrack[]): {
  rarest(query: string): DraftLevel[];
} {
  const index = new Map<string, DraftLevel[]>();
  for (const level of tracks.flatMap((track) => track.levels)) {
    for (const word of new Set(titleWords(level.title)))
      index.set(
        word,
        [...(index.get(word) ?? []), level].slice(0, RAREST_CAP + 1),
      );
  }
  return {
    rarest(query) {
      const lists = titleWords(query)
        .map((word) => index.get(word) ?? [])
        .filter((list) => list.length > 0 && list.length <= RAREST_CAP);
      return lists.reduce<DraftLevel[]>(
        (best, list) =>
          best.length === 0 || list.length < best.length ? list : best,
        [],
      );
    },
  };
}

/** A word held by more titles than this says little about which one is meant. */
const RAREST_CAP = 64;

function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function findByWords(
  name: string,
  levels: DraftLevel[],
): DraftLevel | undefined {
  const byWords = matchName(
    levels.map((level) => ({ item: level, ids: [], names: [level.title] })),
    name,
  );
  return byWords.kind === "one" ? byWords.item : undefined;
}

function findLoosely(
  name: string,
  levels: DraftLevel[],
): DraftLevel | undefined {
  const byWords = findByWords(name, levels);
  if (byWords) return byWords;
  const [near] = closest(
    name,
    levels.map((level) => level.title),
    1,
  );
  return levels.find((level) => level.title === near);
}

/** Keeps the document's name for a level findable, unless it is just the level's own id or title. */
function addAlias(
  level: DraftLevel,
  name: string,
  ids: Map<DraftLevel, string>,
): void {
  const key = normalizeName(name);
  const known = [ids.get(level) ?? "", ...namesOf(level)].map(normalizeName);
  if (!known.includes(key)) level.aliases.push(name);
}

function namesOf(level: DraftLevel): string[] {
  return [level.title, ...(level.code ? [level.code] : []), ...level.aliases];
}
