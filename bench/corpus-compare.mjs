// How `npm run corpus` judges a result against the truth written in bench/corpus*.tsv. Titles are
// compared normalised (case, spacing and punctuation do not count); each comparison returns the
// first difference in a few words, or undefined when the result is faithful.

/** `Senior  Engineer (L5)` and `senior engineer l5` are the same title. */
export function normalise(text) {
  return String(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const quote = (text) => `"${String(text).length > 30 ? `${String(text).slice(0, 29)}…` : text}"`;

/** The tracks of an imported ladder file as plain data: names, level titles (with codes) and axis names. */
export function ladderShape(data) {
  const tracks = Array.isArray(data?.tracks) ? data.tracks : [];
  return tracks.map((track) => ({
    name: track.name ?? track.id ?? '',
    levels: (Array.isArray(track.levels) ? track.levels : []).map((level) => ({
      title: level.title ?? '',
      code: level.code,
      axes: level.axes && typeof level.axes === 'object' ? Object.keys(level.axes) : [],
    })),
  }));
}

/** A level's title matches when it is the expected one, with or without the code the reader split off. */
function titleMatches(expected, level) {
  const want = normalise(expected);
  if (normalise(level.title) === want) return true;
  return level.code !== undefined && (normalise(`${level.title} ${level.code}`) === want || normalise(`${level.code} ${level.title}`) === want);
}

/**
 * The first difference between a document's truth (`{tracks: [{title, levels}], axes}`) and the
 * imported tracks. A truth track with an empty title is one the author did not name: it matches
 * whichever imported track is left, whatever the reader called it.
 */
export function compareDocument(truth, tracks) {
  const remaining = [...tracks];
  const pairs = [];
  for (const expected of truth.tracks) {
    if (!expected.title) continue;
    const index = remaining.findIndex((track) => normalise(track.name) === normalise(expected.title));
    if (index === -1) return `tracks: missing ${quote(expected.title)}`;
    pairs.push([expected, remaining.splice(index, 1)[0]]);
  }
  for (const expected of truth.tracks.filter((track) => !track.title)) {
    const track = remaining.shift();
    if (!track) return `tracks: expected ${truth.tracks.length}, got ${tracks.length}`;
    pairs.push([expected, track]);
  }
  if (remaining.length > 0) return `tracks: expected ${truth.tracks.length}, got ${tracks.length} (${quote(remaining[0].name)} extra)`;

  for (const [expected, track] of pairs) {
    const where = truth.tracks.length > 1 ? ` in ${quote(track.name)}` : '';
    if (expected.levels.length !== track.levels.length) return `levels${where}: expected ${expected.levels.length}, got ${track.levels.length}`;
    const mismatch = expected.levels.findIndex((title, i) => !titleMatches(title, track.levels[i]));
    if (mismatch === -1) continue;
    const sameSet = expected.levels.every((title) => track.levels.some((level) => titleMatches(title, level)));
    if (sameSet) return `order${where}: level ${mismatch + 1} is ${quote(track.levels[mismatch].title)}, not ${quote(expected.levels[mismatch])}`;
    return `title ${quote(expected.levels[mismatch])} vs ${quote(track.levels[mismatch].title)}`;
  }

  const gotAxes = [...new Set(tracks.flatMap((track) => track.levels.flatMap((level) => level.axes)))];
  const wantAxes = new Map((truth.axes ?? []).map((name) => [normalise(name), name]));
  const gotKeys = new Set(gotAxes.flatMap(axisKeys));
  const missing = [...wantAxes.keys()].filter((key) => !gotKeys.has(key));
  const extra = gotAxes.filter((name) => !axisKeys(name).some((key) => wantAxes.has(key)));
  if (missing.length > 0) return `axes: missing ${missing.length} (${quote(wantAxes.get(missing[0]))}…)`;
  if (extra.length > 0) return `axes: ${extra.length} extra (${quote(extra[0])}…)`;
  return undefined;
}

/** An axis the reader names `Group / Axis` (its way of keeping an axis group) answers to `Axis` as well. */
function axisKeys(name) {
  const leaf = String(name).split(' / ').pop();
  return [normalise(name), normalise(leaf)];
}

/**
 * The first difference between an organisation's truth (`{tracks: {title: count}, levels, peers}`)
 * and what the folder reads as: its tracks (from `export --format json`) and the grid of peers
 * (the rows of `equiv --format json`). A peers row holds when one grid row holds all its levels.
 */
export function compareOrganisation(truth, exported, grid) {
  const tracks = ladderShape(exported);
  const total = tracks.reduce((sum, track) => sum + track.levels.length, 0);
  const wanted = Object.entries(truth.tracks ?? {});
  for (const [title, count] of wanted) {
    const track = tracks.find((candidate) => normalise(candidate.name) === normalise(title));
    if (!track) return `tracks: missing ${quote(title)} (got ${tracks.length} tracks)`;
    if (track.levels.length !== count) return `levels in ${quote(title)}: expected ${count}, got ${track.levels.length}`;
  }
  if (tracks.length !== wanted.length) return `tracks: expected ${wanted.length}, got ${tracks.length}`;
  if (truth.levels !== undefined && total !== truth.levels) return `levels: expected ${truth.levels}, got ${total}`;

  const rows = (grid?.rows ?? []).map((row) => (row.levels ?? []).filter(Boolean));
  for (const peers of truth.peers ?? []) {
    const holds = rows.some((row) => peers.every((name) => row.some((level) => peerMatches(name, level))));
    if (!holds) return `peers: ${peers.map(quote).join(', ')} not one row`;
  }
  return undefined;
}

/** `Track title: Level title`, or a level title alone. */
function peerMatches(name, level) {
  const wanted = normalise(name);
  return normalise(level.title) === wanted || normalise(`${level.track?.name ?? ''} ${level.title}`) === wanted;
}
