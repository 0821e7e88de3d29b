import { CORE_SCHEMA, load } from 'js-yaml';
import validateAssessment from '../generated/validate-assessment.js';
import { YAML_NODE_PROPERTIES } from './source.js';
import type { LadderSource } from './source.js';

/** The rating scale, lowest first; an expectation is met from THRESHOLD up. */
export const RATINGS = ['not yet', 'sometimes', 'consistently'] as const;
export type Rating = (typeof RATINGS)[number];

export interface Evidence {
  text: string;
  link?: string;
  date?: string;
}

export interface AssessedExpectation {
  axis: string;
  expectation: string;
  /** New since the current level. */
  new?: boolean;
  /** Changed from an expectation of the current level. */
  changed?: boolean;
  rating?: Rating | null;
  evidence?: Evidence[];
}

/** An assessment file as written: see schema/assessment.schema.json. */
export interface Assessment {
  ladder: { file: string; fingerprint: string };
  /** Whose assessment it is, when, and who reviews it: optional, shown in the packet. */
  name?: string | null;
  date?: string | null;
  reviewer?: string | null;
  level: string;
  target: string;
  expectations: AssessedExpectation[];
  removed?: AssessedExpectation[];
}

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

/** The rating on the scale that `rating` names, in any case and spacing. */
export const canonicalRating = (rating: string): string | undefined => RATINGS.find((name) => name === rating.trim().replace(/\s+/g, ' ').toLowerCase());

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
