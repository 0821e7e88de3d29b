import type { LevelView } from '../../ladder/views.js';
import { hanging, levelName, paragraphs, safe } from './layout.js';
import type { TextOptions } from './layout.js';

export function renderLevelText(view: LevelView, { style, width }: TextOptions): string {
  const equivalent = view.equivalent ? levelName(view.equivalent, style) : 'n/a';
  const lines = [
    style.title(levelName(view, style)),
    hanging(style.muted(`${safe(view.track.name)} · level ${view.position} of ${view.trackSize} · `) + `${safe(view.equivalentLabel).toLowerCase()}: ${equivalent}`, '', '', width),
  ];
  if (view.aliases.length > 0) lines.push(hanging(style.muted(`also known as: ${view.aliases.map(safe).join(', ')}`), '', '', width));
  if (view.description) lines.push('', ...paragraphs(view.description, '', width));
  if (view.note) lines.push('', hanging(safe(view.note), style.muted('Note: '), '      ', width));
  for (const axis of view.axes) {
    lines.push('', style.heading(safe(axis.name)));
    if (axis.clauses.length === 0) lines.push(style.muted('  (empty)'));
    for (const clause of axis.clauses) lines.push(hanging(safe(clause), '  • ', '    ', width));
  }
  return `${lines.join('\n')}\n`;
}
