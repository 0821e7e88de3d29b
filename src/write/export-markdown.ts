import type { Ladder, Level, Track } from '../model/model.js';
import { equivalentIds, splitParagraphs } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { mdBlock, mdText } from '../render/markdown.js';
import { pushAll } from '../lists.js';
import { idsToPin } from './heading-ids.js';

/**
 * The whole ladder as Markdown in the seed's structure (`#` tracks, `##` levels, bold equivalent
 * lines, `###` axes), which `ladder import` reads back to the same ladder. A ladder with a name
 * has it as the `#` title, its description under it, and everything else one heading deeper. A
 * level's code follows its title in brackets, aliases get an `**Also known as**` line, and an axis
 * kept as a list is a bullet list, so nothing is lost on the way round.
 */
export function exportMarkdown(ladder: Ladder): string {
  // The grade scale is front matter; each level's grade a `**Grade**` line.
  const blocks: string[] = ladder.grades.length > 0 ? [`---\ngrades: [${ladder.grades.map((grade) => JSON.stringify(grade)).join(', ')}]\n---`] : [];
  const depth = ladder.name ? 1 : 0;
  const heading = (level: number, text: string) => `${'#'.repeat(level + depth)} ${text}`;
  if (ladder.name) blocks.push(`# ${mdText(ladder.name)}`);
  if (ladder.description) pushAll(blocks, paragraphs(ladder.description));
  // How many tracks hold each title: a title several hold names a level on each, so such a peer is written by its id.
  const titleTracks = new Map<string, number>();
  for (const track of ladder.tracks) for (const title of new Set(track.levels.map((level) => normalizeName(level.title)))) titleTracks.set(title, (titleTracks.get(title) ?? 0) + 1);
  // Ids the headings would not give back on import are pinned, pandoc's way (`{#id}`), so that the round trip keeps every id.
  const pins = idsToPin(ladder);
  const pin = (item: Track | Level) => (pins.has(item) ? ` {#${pins.get(item) as string}}` : '');
  for (const track of ladder.tracks) {
    blocks.push(heading(1, `${mdText(track.name)}${pin(track)}`));
    if (track.description) pushAll(blocks, paragraphs(track.description));
    // Every level has its equivalent line, `n/a` included: it is what marks a heading as a level
    // when `import` reads the file back, whatever the titles and axes are called.
    for (const level of track.levels) pushAll(blocks, levelBlocks(ladder, level, track.equivalentLabel, heading, titleTracks, pin(level)));
  }
  return `${blocks.join('\n\n')}\n`;
}

function levelBlocks(ladder: Ladder, level: Level, label: string, heading: (level: number, text: string) => string, titleTracks: Map<string, number>, pin: string): string[] {
  // The equivalents the file names (peers by grade need none): each by title, or by id where several tracks hold its title.
  const named = equivalentIds(level.declaredEquivalent).flatMap((id) => {
    const peer = ladder.levelById.get(id);
    if (!peer) return [];
    return [(titleTracks.get(normalizeName(peer.title)) ?? 0) > 1 ? peer.id : mdText(peer.title)];
  });
  const blocks = [heading(2, `${mdText(level.title)}${level.code ? ` (${mdText(level.code)})` : ''}${pin}`)];
  blocks.push(`**${mdText(label)}**: ${named.length > 0 ? named.join('; ') : '_n/a_'}`);
  if (level.grade) blocks.push(`**Grade**: ${mdText(level.grade)}`);
  if (level.aliases.length > 0) blocks.push(`**Also known as**: ${level.aliases.map(mdText).join(', ')}`);
  if (level.description) pushAll(blocks, paragraphs(level.description));
  if (level.note) blocks.push(`_Note: ${mdText(level.note)}_`);
  for (const axis of level.axes) {
    blocks.push(heading(3, mdText(axis.name)));
    if (typeof axis.value === 'string') pushAll(blocks, paragraphs(axis.value));
    else if (axis.clauses.length > 0) blocks.push(axis.clauses.map((clause) => `- ${mdBlock(clause)}`).join('\n'));
  }
  return blocks;
}

function paragraphs(text: string): string[] {
  return splitParagraphs(text).map(mdBlock);
}
