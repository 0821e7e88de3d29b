import type { Severity } from './rule.js';

export type SeveritySetting = Severity | 'off';

/** A rule's settings once configuration is applied; each rule reads the ones it knows. */
export interface RuleSettings {
  severity: Severity;
  similarity?: number;
  minWords?: number;
  min?: number;
  minPerAxis?: number;
  style?: 'consistent' | 'none' | 'full-stop';
  words?: string[];
  maxWords?: number;
  factor?: number;
}

type RuleValue = SeveritySetting | (Partial<Omit<RuleSettings, 'severity'>> & { severity?: SeveritySetting });

/** `.ladderlint.yaml` as schema/ladderlint.schema.json describes it. */
export interface LintConfig {
  preset?: 'recommended' | 'style-guide';
  rules?: Record<string, RuleValue>;
  words?: string[];
}

const QUALIFIERS = ['pretty', 'mostly', 'fairly', 'quite', 'somewhat', 'rather', 'very', 'really', 'generally', 'usually', 'basically', 'relatively', 'reasonably', 'largely'];

/**
 * The recommended rules: every family, with house style held to what a ladder says of itself
 * (its clauses end and begin alike) and a generous length; the rules that need a written style
 * guide to agree with are off.
 */
const RECOMMENDED: Record<string, RuleValue> = {
  restated: 'warning',
  'near-duplicate': { severity: 'warning', similarity: 0.7, minWords: 4 },
  'thin-step': { severity: 'warning', min: 2, minPerAxis: 0 },
  spelling: 'warning',
  'house-style/trailing-punctuation': { severity: 'warning', style: 'consistent' },
  'house-style/initial-capital': 'warning',
  'house-style/qualifiers': { severity: 'off', words: QUALIFIERS },
  'house-style/can-able': 'off',
  'house-style/and-join': 'off',
  'house-style/length': { severity: 'warning', maxWords: 40 },
  'structure/missing-axis': 'warning',
  'structure/declared-levels': 'warning',
  'structure/skipped-level': 'warning',
  'structure/no-peer': 'warning',
  'structure/clause-count': { severity: 'warning', factor: 3 },
};

/**
 * A published engineering style guide's rules for ladder text: no trailing full stop, start with a
 * capital, no qualifiers such as "pretty" and "mostly", "writes tests" rather than "can write
 * tests", beware "and" joining two expectations; and a clause short enough to read at a glance.
 */
const STYLE_GUIDE: Record<string, RuleValue> = {
  ...RECOMMENDED,
  'house-style/trailing-punctuation': { severity: 'warning', style: 'none' },
  'house-style/qualifiers': { severity: 'warning', words: QUALIFIERS },
  'house-style/can-able': 'warning',
  'house-style/and-join': 'warning',
  'house-style/length': { severity: 'warning', maxWords: 25 },
};

/** Every rule id, in the order rules are documented. */
export const RULE_IDS = Object.keys(RECOMMENDED);

/** A rule id or a family (`house-style`): whether it names this rule id. */
export const names = (selector: string, id: string) => id === selector || id.startsWith(`${selector}/`);

/**
 * The settings of each rule id that is on: the preset, then the configuration's rules (a family's
 * entry first, then the id's own), then `--rule`, which runs the rules it names and no others.
 */
export function ruleSettings(config: LintConfig, only: string[] = []): Map<string, RuleSettings> {
  const preset = config.preset === 'style-guide' ? STYLE_GUIDE : RECOMMENDED;
  const settings = new Map<string, RuleSettings>();
  for (const id of RULE_IDS) {
    let merged: Omit<RuleSettings, 'severity'> & { severity: SeveritySetting } = { severity: 'warning' };
    const entries = [preset[id], ...Object.entries(config.rules ?? {}).filter(([key]) => key !== id && names(key, id)).map(([, value]) => value), config.rules?.[id]];
    for (const entry of entries) {
      if (entry === undefined) continue;
      merged = typeof entry === 'string' ? { ...merged, severity: entry } : { ...merged, ...entry, severity: entry.severity ?? merged.severity };
    }
    if (only.length > 0 && !only.some((selector) => names(selector, id))) continue;
    // A rule id asked for by name runs even where the configuration turns it off (a family's rules keep their settings).
    if (merged.severity === 'off') {
      if (!only.includes(id)) continue;
      merged.severity = 'warning';
    }
    settings.set(id, { ...merged, severity: merged.severity });
  }
  return settings;
}
