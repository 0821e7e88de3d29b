import { readFileSync } from 'node:fs';
import { exportMarkdown } from '../../src/write/export-markdown.js';
import { prepareMarkdown, readMarkdown } from '../../src/read/markdown/read-markdown.js';

// The HTML reader is loaded on demand; these tests read HTML synchronously.
await prepareMarkdown(['<p>']);
import type { Ladder, LadderData } from '../../src/model/model.js';
import { buildLadder, ladderData } from '../../src/model/model.js';
import { fixture } from './cli.js';
import { check } from './ladders.js';

export const importFixture = (name: string) => readFileSync(fixture(`import/${name}`), 'utf8');

/** Imports Markdown and checks the result the way every command checks a ladder file. */
export function imported(markdown: string, name = 'test.md') {
  const result = readMarkdown([{ name, text: markdown }]);
  if (!result.data) return { ...result, ladder: undefined, data: undefined };
  const data = result.data;
  return { ...result, data, ladder: buildLadder(data, name) as Ladder };
}

/** Export as Markdown, then import again: lossless when the data comes back the same. */
export function roundTrip(data: LadderData): { markdown: string; again: LadderData | undefined } {
  const markdown = exportMarkdown(buildLadder(data, 'x'));
  return { markdown, again: readMarkdown([{ name: 'x.md', text: markdown }]).data };
}

/**
 * What a ladder says, without the names it is looked up by: tracks, titles, equivalents (by title),
 * aliases, texts. Ids are generated on import, so they are left out of the comparison.
 */
export function content(ladder: Ladder) {
  return ladder.tracks.map((track) => ({
    name: track.name,
    equivalentLabel: track.equivalentLabel,
    description: track.description,
    levels: track.levels.map((level) => ({
      title: level.title,
      aliases: [...level.aliases].sort(),
      equivalent: level.declaredEquivalent ? ladder.levelById.get(String(level.declaredEquivalent))?.title : undefined,
      description: level.description,
      note: level.note,
      axes: level.axes.map((axis) => [axis.name, axis.text]),
    })),
  }));
}

export { check, ladderData };
