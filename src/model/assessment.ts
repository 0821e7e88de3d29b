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

/** The rating on the scale that `rating` names, in any case and spacing. */
export const canonicalRating = (rating: string): Rating | undefined => RATINGS.find((name) => name === rating.trim().replace(/\s+/g, ' ').toLowerCase());
