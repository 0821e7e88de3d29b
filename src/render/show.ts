import { splitParagraphs } from '../model/model.js';
import type { LevelView } from '../query/views.js';
import { mdDocument, mdHeading, mdParagraphs, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { renderLevelsText } from './text/show.js';
import { pushAll } from '../lists.js';

/** `show` results: one or more levels. JSON and YAML give one object for one level, an array for several. */
export const showRenderers: Renderers<LevelView[]> = {
  text: renderLevelsText,
  markdown: (views) => mdDocument(views.flatMap(levelMarkdown)),
  tsv: {
    columns: ['level', 'section', 'n', 'text'],
    rows: (views) => views.flatMap(levelRows),
  },
  data: (views) => (views.length === 1 ? views[0] : views),
};

function levelMarkdown(view: LevelView): string[] {
  const equivalent = view.equivalent ? mdText(view.equivalent.title) : '_n/a_';
  const blocks = [
    mdHeading(2, view.title),
    `**Track**: ${mdText(view.track.name)} (level ${view.position} of ${view.trackSize})  \n${view.code ? `**Code**: ${mdText(view.code)}  \n` : ''}${view.grade ? `**Grade**: ${mdText(view.grade)}  \n` : ''}**${mdText(view.equivalentLabel)}**: ${equivalent}${
      view.peers.length > 1 ? `  \n**Peers**: ${view.peers.map((peer) => `${mdText(peer.title)} (${mdText(peer.track.name)})`).join(', ')}` : ''
    }`,
  ];
  if (view.aliases.length > 0) blocks.push(`**Also known as**: ${view.aliases.map(mdText).join(', ')}`);
  if (view.description) pushAll(blocks, mdParagraphs(view.description));
  if (view.note) blocks.push(`_Note: ${mdParagraphs(view.note).join(' ')}_`);
  for (const axis of view.axes) {
    blocks.push(mdHeading(3, axis.name));
    if (axis.description) blocks.push(`_${mdText(axis.description)}_`);
    if (axis.clauses.length > 0) blocks.push(axis.clauses.map((clause) => `- ${mdText(clause)}`).join('\n'));
  }
  return blocks;
}

/** One row per clause, description paragraph and note, numbered within its section. */
function levelRows(view: LevelView): (string | number)[][] {
  const section = (name: string, texts: string[]) => texts.map((text, i) => [view.id, name, i + 1, text]);
  return [
    ...section('description', splitParagraphs(view.description ?? undefined)),
    ...section('note', splitParagraphs(view.note ?? undefined)),
    ...view.axes.flatMap((axis) => section(axis.name, axis.clauses)),
  ];
}
