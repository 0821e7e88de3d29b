import type { LevelSummary } from '../../ladder/views.js';
import { safe, table } from './layout.js';
import type { TextOptions } from './layout.js';

export function renderListText(levels: LevelSummary[], { style }: TextOptions): string {
  const header = ['ID', 'TITLE', 'TRACK', 'EQUIVALENT'].map((name) => style.muted(name));
  const rows = levels.map((level) => [
    style.id(safe(level.id)),
    safe(level.title),
    safe(level.track.id),
    level.equivalent ? safe(level.equivalent.id) : style.muted('n/a'),
  ]);
  return `${table([header, ...rows]).join('\n')}\n`;
}
