import { CORE_SCHEMA, load } from 'js-yaml';
import validateAssessment from '../generated/validate-assessment.js';
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
  /** New or changed since the current level. */
  new?: boolean;
  rating?: Rating | null;
  evidence?: Evidence[];
}

/** An assessment file as written: see schema/assessment.schema.json. */
export interface Assessment {
  ladder: { file: string; fingerprint: string };
  level: string;
  target: string;
  expectations: AssessedExpectation[];
  removed?: AssessedExpectation[];
}

/** Ratings in any case (`Consistently`, `NOT YET`) as the scale spells them; --update writes them so. */
function canonicalRatings(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const { expectations, removed } = value as { expectations?: unknown; removed?: unknown };
  for (const list of [expectations, removed]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list as { rating?: unknown }[]) {
      if (typeof entry !== 'object' || entry === null || typeof entry.rating !== 'string') continue;
      const rating = RATINGS.find((candidate) => candidate === (entry.rating as string).trim().toLowerCase().replace(/\s+/g, ' '));
      if (rating) entry.rating = rating;
    }
  }
}

/**
 * An assessment file read quickly: js-yaml, then the schema. Undefined when the file has a problem;
 * assessment-problems.ts then reads it again, keeping positions, to say where.
 */
export function readAssessment(source: LadderSource): Assessment | undefined {
  try {
    const value: unknown = load(source.text, { schema: CORE_SCHEMA });
    canonicalRatings(value);
    return validateAssessment(value) ? (value as Assessment) : undefined;
  } catch {
    return undefined;
  }
}
