import { normalizeName } from '../../model/names.js';
import type { Section } from './blocks.js';
import { ALIASES_LABEL, DESCRIPTION_LABEL, EQUIVALENT_LABEL, GRADE_LABEL, readLabel } from './labels.js';

/**
 * Axis names recur: a ladder's levels answer to the same few names, so all its levels' labels
 * number about as many as one level has (a few more where a higher level adds an axis). Bold
 * words that open the levels' list items but change from level to level (`**Adopts**: …` at one
 * level, `**Masters**: …` at the next) are each level's own words, the key word of its sentence:
 * those items are the level's description, not its axes. This says so, and why, where the labels
 * of the levels' own lists are half as many again as the most one level has; undefined otherwise.
 */
export function labelsAreOwnWords(levels: Section[]): string | undefined {
  const perLevel = levels.map(listLabels).filter((labels) => labels.size > 0);
  if (perLevel.length < 2) return undefined;
  const all = new Set(perLevel.flatMap((labels) => [...labels]));
  const most = Math.max(...perLevel.map((labels) => labels.size));
  if (most < 2 || all.size * 2 < most * 3) return undefined;
  return `the bold words that open the levels' items change from level to level (${all.size} different ones, at most ${most} in one level), so they are emphasis, not axis names`;
}

/** The bold labels that open a section's own list items, data lines (equivalent, aliases, grade, summary) aside. */
function listLabels(section: Section): Set<string> {
  const labels = new Set<string>();
  for (const block of section.blocks) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) {
      const label = readLabel(item.tokens, item.text, false);
      if (label?.bold && !DATA_LABELS.some((data) => data.test(label.label))) labels.add(normalizeName(label.label));
    }
  }
  return labels;
}

const DATA_LABELS = [EQUIVALENT_LABEL, ALIASES_LABEL, GRADE_LABEL, DESCRIPTION_LABEL];
