import type { Ladder, Level } from '../../model/model.js';
import type { PathSegment } from '../../read/parse-yaml.js';
import type { LadderSource } from '../../read/source.js';
import type { ClauseEntry } from './clauses.js';
import type { RuleSettings } from './config.js';

export type Severity = 'error' | 'warning';

/** Where a finding is: a value of the ladder by its path, and the words in it the finding is about. */
export interface Place {
  path: PathSegment[];
  /** The text to find within that value, so that the finding points at it rather than at the value's start. */
  find?: string;
  /** The clause `find` is in, looked for first: a word that the clause's axis text has more than once. */
  within?: string;
  /** A place in a file that is not a value of the ladder (a Markdown file's front matter). */
  at?: { file: string; line: number; col: number };
}

/** One member of a cluster of near-duplicates, with its place. */
export interface Member {
  level: string;
  axis: string;
  text: string;
  place: Place;
}

/** What a rule found, before configuration, suppression and positions are applied. */
export interface RuleFinding {
  rule: string;
  /** The level it is about (grouping in text output), when it is about one. */
  level?: Level;
  axis?: string;
  /** The text it is about: a clause, a word, a level's title. */
  text: string;
  /** The clause it is in, when that is not `text` (a misspelt word's clause): what a suppression comment names. */
  clause?: string;
  /** A one-line reason. */
  message: string;
  hint?: string;
  place: Place;
  members?: Member[];
}

/** The documentation of one rule id: what SARIF's rule descriptors and `--help` carry. */
export interface RuleInfo {
  id: string;
  /** PascalCase, for SARIF's `name`. */
  name: string;
  short: string;
  full: string;
  help: string;
}

/** What every rule is given: the ladder, its clauses indexed once, its files, and the settings of the rule ids it runs. */
export interface LintContext {
  ladder: Ladder;
  clauses: ClauseEntry[];
  sources: LadderSource[];
  /** The settings of a rule id that is on; undefined when it is off. */
  settings(id: string): RuleSettings | undefined;
  /** Words the spelling rule accepts: the configuration's list. */
  words: string[];
}

/** A family of rules in one file: the ids it reports and how it finds them. */
export interface LintRule {
  family: string;
  rules: RuleInfo[];
  run(context: LintContext): RuleFinding[] | Promise<RuleFinding[]>;
}

/** The path of a level in the ladder file. */
export const levelPath = (track: number, level: number, ...rest: PathSegment[]): PathSegment[] => ['tracks', track, 'levels', level, ...rest];
