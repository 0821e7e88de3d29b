import { CORE_SCHEMA, load } from 'js-yaml';
import validateAssessment from '../generated/validate-assessment.js';
import type { Assessment } from '../model/assessment.js';
import type { LadderSource } from './source.js';

/**
 * An assessment file read quickly: js-yaml, then the schema. Undefined when the file has a problem;
 * assessment-problems.ts then reads it again, keeping positions, to say where.
 */
export function readAssessment(source: LadderSource): Assessment | undefined {
  try {
    const value: unknown = load(source.text, { schema: CORE_SCHEMA });
    return validateAssessment(value) ? (value as Assessment) : undefined;
  } catch {
    return undefined;
  }
}
