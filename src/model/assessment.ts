/** What a self-assessment holds, as its file writes it: shared by the CLI's reader and writer and by the HTML page. */

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
