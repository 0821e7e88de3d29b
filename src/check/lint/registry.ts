import type { Ladder } from '../../model/model.js';
import type { LadderSource } from '../../read/source.js';
import { clausesOf } from './clauses.js';
import { names, ruleSettings } from './config.js';
import type { LintConfig } from './config.js';
import { houseStyle } from './house-style.js';
import { nearDuplicate } from './near-duplicate.js';
import { restated } from './restated.js';
import type { LintRule, RuleFinding, RuleInfo, Severity } from './rule.js';
import { spelling } from './spelling.js';
import { structure } from './structure.js';
import { thinStep } from './thin-step.js';

/** Every family of content rules, in the order their findings are listed. */
export const RULE_FAMILIES: LintRule[] = [restated, nearDuplicate, thinStep, houseStyle, spelling, structure];

/** Every rule id with its documentation. */
export const LINT_RULES: RuleInfo[] = RULE_FAMILIES.flatMap((family) => family.rules);

/** Whether `--rule` names a rule id or a family. */
export const isRuleSelector = (selector: string) => LINT_RULES.some((rule) => names(selector, rule.id));

export type SeverityFinding = RuleFinding & { severity: Severity };

/** Runs the rules the configuration turns on (or, with `only`, those it names) over a checked ladder. */
export async function lintContent(ladder: Ladder, sources: LadderSource[], config: LintConfig, only: string[] = []): Promise<SeverityFinding[]> {
  const settings = ruleSettings(config, only);
  const context = { ladder, clauses: clausesOf(ladder), sources, settings: (id: string) => settings.get(id), words: config.words ?? [] };
  const findings: SeverityFinding[] = [];
  for (const family of RULE_FAMILIES) {
    if (!family.rules.some((rule) => settings.has(rule.id))) continue;
    for (const finding of await family.run(context)) {
      const severity = settings.get(finding.rule)?.severity;
      if (severity) findings.push({ ...finding, severity });
    }
  }
  return findings;
}
