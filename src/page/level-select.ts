import type { Ladder } from '../model/model.js';
import { el } from './dom.js';

/** A labelled choice of any level of the ladder, grouped by track. */
export function levelSelect(ladder: Ladder, id: string, label: string, selected: string | undefined, onChange: (id: string) => void): HTMLElement {
  const select = el(
    'select',
    { id, name: id },
    ladder.tracks.map((track) => el('optgroup', { label: track.name }, track.levels.map((level) => el('option', { value: level.id, selected: level.id === selected }, level.title)))),
  );
  select.addEventListener('change', () => onChange(select.value));
  return el('p', { class: 'field' }, el('label', { for: id }, label), select);
}
