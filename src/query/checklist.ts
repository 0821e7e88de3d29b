import type { Ladder, Level } from '../model/model.js';
import { diffLevels, keepSections, sectionsNamed } from './diff.js';
import { headedRef } from './views.js';
import type { HeadedRef } from './views.js';

/** One expectation to tick off: with --from, whether it is new, or changed from the clause it was. */
export interface ChecklistItem {
  text: string;
  change?: 'new' | 'changed';
  /** The clause it changed from. */
  was?: string;
}

export interface Checklist {
  level: HeadedRef;
  /** The level the list starts from: only what is new or changed since it is listed. */
  from: HeadedRef | null;
  /** Each axis (and the description, for levels described in prose) with its items. */
  sections: { name: string; items: ChecklistItem[] }[];
  summary: { items: number; new: number; changed: number };
}

/**
 * Every expectation of `level` as a checklist, by axis; or, from `from`, only those that are new
 * or changed. The pairing of clauses is diff's: a reworded clause is one changed, not one removed
 * and one added.
 */
export function checklist(ladder: Ladder, level: Level, from?: Level, axes?: string[]): Checklist {
  const full = diffLevels(ladder, from ?? level, level);
  const diff = axes?.length ? keepSections(full, sectionsNamed(full, axes)) : full;
  const sections = diff.sections
    .map((section) => ({
      name: section.name,
      items: section.clauses.flatMap((clause): ChecklistItem[] => {
        if (clause.kind === 'added') return [{ text: clause.text, change: 'new' }];
        if (clause.kind === 'changed') return [{ text: clause.to, change: 'changed', was: clause.from }];
        if (clause.kind === 'unchanged' && !from) return [{ text: clause.text }];
        return [];
      }),
    }))
    .filter((section) => section.items.length > 0);
  const items = sections.flatMap((section) => section.items);
  return {
    level: headedRef(ladder, level),
    from: from ? headedRef(ladder, from) : null,
    sections,
    summary: { items: items.length, new: items.filter((item) => item.change === 'new').length, changed: items.filter((item) => item.change === 'changed').length },
  };
}
