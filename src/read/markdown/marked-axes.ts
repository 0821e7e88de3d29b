import { normalizeName } from '../../model/names.js';
import type { Section } from './blocks.js';

/**
 * Axis headings whose one sub-heading is each level's mark on the axis, not an axis of its own:
 * `### Expertise` over `#### Adopts` on one level's page, over `#### Specializes` on the next.
 * A heading is marked when it holds no text of its own and exactly one heading with no headings
 * under it, and the headings of its title, two or more, all do so with at least two different
 * sub-headings among them. The same sub-heading under each (`## Experience` over `### Achievements`
 * on every page) is a real axis, and stays one.
 */
export function markAxesWithMarks(sections: Section[]): void {
  const byTitle = new Map<string, Section[]>();
  for (const section of sections) {
    if (section.children.length === 0) continue;
    const key = normalizeName(section.title);
    const same = byTitle.get(key);
    if (same) same.push(section);
    else byTitle.set(key, [section]);
  }
  for (const same of byTitle.values()) {
    if (same.length < 2 || !same.every(holdsOneMark)) continue;
    if (new Set(same.map((section) => normalizeName(section.children[0]?.title ?? ''))).size < 2) continue;
    for (const section of same) section.marked = true;
  }
}

function holdsOneMark(section: Section): boolean {
  const [only] = section.children;
  return section.blocks.length === 0 && section.children.length === 1 && only !== undefined && only.children.length === 0 && only.title !== '';
}
