import type { Checklist, ChecklistItem } from '../query/checklist.js';
import { mdDocument, mdHeading, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { hanging, levelName, safe } from './text/layout.js';
import type { TextOptions } from './text/layout.js';

/** `9 items: 5 new, 4 changed since Operations Engineer`, or `21 items`. */
function summary(list: Checklist): string {
  const { items, new: added, changed } = list.summary;
  const count = `${items} ${items === 1 ? 'item' : 'items'}`;
  return list.from ? `${count}: ${added} new, ${changed} changed since ${list.from.heading}` : count;
}

const mark = (item: ChecklistItem) => (item.change === 'changed' ? ' (changed)' : item.change === 'new' ? ' (new)' : '');

function checklistText(list: Checklist, { style, wrap, lines }: TextOptions): string {
  if (lines) {
    // For grep: `lead: Domain Knowledge: [ ] text (new)`, one item a line.
    return list.sections.flatMap((section) => section.items.map((item) => `${safe(list.level.id)}: ${safe(section.name)}: [ ] ${safe(item.text)}${mark(item)}\n`)).join('');
  }
  const out = [style.title(`${levelName(list.level, style)}${list.from ? ` since ${levelName(list.from, style)}` : ''}`), style.muted(summary(list))];
  for (const section of list.sections) {
    out.push('', style.heading(safe(section.name)));
    for (const item of section.items) {
      const tag = item.change === 'new' ? style.added(' (new)') : item.change === 'changed' ? style.changed(' (changed)') : '';
      out.push(hanging(`${safe(item.text)}${tag}`, '  [ ] ', '      ', wrap));
    }
  }
  return `${out.join('\n')}\n`;
}

/** GitHub, GitLab and most editors render `- [ ] …` as a task list that can be ticked. */
function checklistMarkdown(list: Checklist): string {
  const blocks = [mdHeading(2, `${list.level.heading}: checklist`), `_${mdText(summary(list))}._`];
  for (const section of list.sections) {
    blocks.push(mdHeading(3, section.name));
    blocks.push(
      section.items
        .map((item) => `- [ ] ${mdText(item.text)}${item.change === 'new' ? ' _(new)_' : item.change === 'changed' ? ` _(changed; was: ${mdText(item.was ?? '')})_` : ''}`)
        .join('\n'),
    );
  }
  return mdDocument(blocks);
}

export const checklistRenderers: Renderers<Checklist> = {
  text: checklistText,
  markdown: checklistMarkdown,
  tsv: {
    columns: ['level', 'section', 'n', 'change', 'text'],
    rows: (list) => list.sections.flatMap((section) => section.items.map((item, i) => [list.level.id, section.name, i + 1, item.change, item.text])),
  },
};
