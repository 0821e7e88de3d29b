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

/**
 * An assessment file read quickly: js-yaml, then the schema. Undefined when the file has a problem,
 * or anchors and aliases (whose expansion js-yaml does not limit); assessment-problems.ts then
 * reads it again, with the ladder's limits and keeping positions.
 */
export function readAssessment(source: LadderSource): Assessment | undefined {
  if (YAML_NODE_PROPERTIES.test(source.text)) return undefined;
  try {
    const value: unknown = load(source.text, { schema: CORE_SCHEMA });
    return validateAssessment(value) ? (value as Assessment) : undefined;
  } catch {
    return undefined;
  }
}
