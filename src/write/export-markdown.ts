import type { Ladder, Level } from '../model/model.js';
import { splitParagraphs } from '../model/model.js';
import { mdBlock, mdText } from '../render/markdown.js';

/**
 * The whole ladder as Markdown in the seed's structure (`#` tracks, `##` levels, bold equivalent
 * lines, `###` axes), which `ladder import` reads back to the same ladder. Aliases get an
 * `**Also known as**` line, so nothing is lost on the way round.
 */
export function exportMarkdown(ladder: Ladder): string {
  const blocks: string[] = [];
  if (ladder.description) blocks.push(...paragraphs(ladder.description));
  for (const track of ladder.tracks) {
    blocks.push(`# ${mdText(track.name)}`);
    if (track.description) blocks.push(...paragraphs(track.description));
    // A track whose levels have no equivalents, and no label of its own, needs no equivalent lines.
    const labelled = track.equivalentLabel !== 'Equivalent' || track.levels.some((level) => level.equivalentId);
    for (const level of track.levels) blocks.push(...levelBlocks(ladder, level, labelled ? track.equivalentLabel : undefined));
  }
  return `${blocks.join('\n\n')}\n`;
}

function levelBlocks(ladder: Ladder, level: Level, label: string | undefined): string[] {
  const equivalent = level.equivalentId ? ladder.levelById.get(level.equivalentId) : undefined;
  const blocks = [`## ${mdText(level.title)}`];
  if (label) blocks.push(`**${mdText(label)}**: ${equivalent ? mdText(equivalent.title) : '_n/a_'}`);
  if (level.aliases.length > 0) blocks.push(`**Also known as**: ${level.aliases.map(mdText).join(', ')}`);
  if (level.description) blocks.push(...paragraphs(level.description));
  if (level.note) blocks.push(`_Note: ${mdText(level.note)}_`);
  for (const axis of level.axes) blocks.push(`### ${mdText(axis.name)}`, ...paragraphs(axis.text));
  return blocks;
}

function paragraphs(text: string): string[] {
  return splitParagraphs(text).map(mdBlock);
}
