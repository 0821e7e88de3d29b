import { CORE_SCHEMA, load } from 'js-yaml';
import validateAssessment from '../generated/validate-assessment.js';
import { YAML_NODE_PROPERTIES } from './source.js';
import type { LadderSource } from './source.js';
import { canonicalRating } from '../model/assessment.js';
import type { Assessment } from '../model/assessment.js';

/**
 * An assessment file read quickly: js-yaml, then the schema. Undefined when the file has a problem,
 * or anchors and aliases (whose expansion js-yaml does not limit); assessment-problems.ts then
 * reads it again, with the ladder's limits and keeping positions.
 */
export function readAssessment(source: LadderSource): Assessment | undefined {
  if (YAML_NODE_PROPERTIES.test(source.text)) return undefined;
  try {
    const value: unknown = canonicalRatings(load(source.text, { schema: CORE_SCHEMA }));
    return validateAssessment(value) ? (value as Assessment) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The value with each rating written as the scale has it (`Consistently`, `NOT  YET` → `consistently`,
 * `not yet`): ratings are accepted in any case, and `--update` writes them back canonical.
 */
export function canonicalRatings(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  for (const key of ['expectations', 'removed']) {
    const list: unknown = (value as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'object' || entry === null) continue;
      const rating: unknown = (entry as Record<string, unknown>).rating;
      if (typeof rating !== 'string') continue;
      const canonical = canonicalRating(rating);
      if (canonical) (entry as Record<string, unknown>).rating = canonical;
    }
  }
  return value;
}
