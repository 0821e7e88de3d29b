import type { Ladder, Level, Track } from '../model/model.js';
import type { DraftLevel, DraftTrack } from '../read/markdown/draft.js';
import { assignLevelIds, assignTrackIds } from '../read/markdown/ids.js';
import { levelFromHeading } from '../read/markdown/levels.js';

/** A level's heading as the Markdown export writes it, before any id attribute: its title, then its code in brackets. */
function levelHeading(level: Level): string {
  return `${level.title}${level.code ? ` (${level.code})` : ''}`;
}

/**
 * The ids an exported Markdown ladder must pin with pandoc's `{#id}` so that importing it gives
 * every track and level the id it has: those that the reader would not make again from the
 * headings. A pin can change the ids made for the headings after it (it takes an id one of them
 * would have had), so the ids are made again until no further pin is needed; each round pins at
 * least one more heading, so this ends.
 */
export function idsToPin(ladder: Ladder): Map<Track | Level, string> {
  const drafts = ladder.tracks.map((track): { track: Track; draft: DraftTrack; levels: [Level, DraftLevel][] } => {
    const levels = track.levels.map((level): [Level, DraftLevel] => [level, levelFromHeading(levelHeading(level), '', 0)]);
    return { track, draft: { name: track.name, description: [], levels: levels.map(([, draft]) => draft), file: '', line: 0 }, levels };
  });
  const pins = new Map<Track | Level, string>();
  for (;;) {
    const trackIds = assignTrackIds(drafts.map(({ draft }) => draft));
    const levelIds = assignLevelIds(drafts.map(({ draft }) => draft));
    let pinned = false;
    for (const { track, draft, levels } of drafts) {
      if (trackIds.get(draft) !== track.id) {
        draft.pinnedId = track.id;
        pins.set(track, track.id);
        pinned = true;
      }
      for (const [level, levelDraft] of levels) {
        if (levelIds.get(levelDraft) === level.id) continue;
        levelDraft.pinnedId = level.id;
        pins.set(level, level.id);
        pinned = true;
      }
    }
    if (!pinned) return pins;
  }
}
