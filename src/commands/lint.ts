import { LINT_RULES, isRuleSelector, lintContent } from '../check/lint/registry.js';
import type { SeverityFinding } from '../check/lint/registry.js';
import { locatePlaces } from '../check/lint/place.js';
import { directivesOf, unsuppressed } from '../check/lint/suppress.js';
import { LadderError } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import type { Ladder } from '../model/model.js';
import { closest } from '../model/names.js';
import { lintConfigPath, readLintConfig } from '../read/lint-config.js';
import { checkLadderSource, isFolderInput } from '../read/load.js';
import { isDirectory } from '../read/source.js';
import { renderAnnotations } from '../render/annotations.js';
import type { AnnotationFormat } from '../render/annotations.js';
import { lintRenderers } from '../render/lint.js';
import type { LintFindingView, LintResult } from '../render/lint.js';
import type { CommandContext, OutputFlags } from './context.js';
import { contextLocation, emit, loadOptions, readContextSource } from './context.js';

export const FAIL_ON = ['error', 'warning'] as const;

export interface LintOptions extends Omit<OutputFlags, 'format'> {
  format: OutputFlags['format'] | AnnotationFormat;
  /** Only these rule ids or families. */
  rule?: string[];
  /** The least severity that makes the exit code 1. */
  failOn: (typeof FAIL_ON)[number];
  config?: string;
}

/**
 * `ladder lint [FILE|DIR]`: content findings of a valid ladder (restated and near-duplicate
 * clauses, thin steps, house style, spelling, structure), each with its rule, severity, place and
 * reason. Exit 0 when there is nothing at or above --fail-on, 1 when there is, 3 for an invalid
 * ladder or configuration.
 */
export async function runLint(context: CommandContext, file: string | undefined, options: LintOptions): Promise<number> {
  for (const selector of options.rule ?? []) {
    if (!isRuleSelector(selector)) {
      const [near] = closest(selector, LINT_RULES.map((rule) => rule.id), 1);
      throw new LadderError('usage', `no lint rule is called \`${selector}\``, { hint: near ? `did you mean \`${near}\`?` : `the rules are ${LINT_RULES.map((rule) => rule.id).join(', ')}` });
    }
  }
  const location = contextLocation(context, file ?? context.file);
  const source = readContextSource(context, file ?? context.file);
  const ladderPath = location.kind === 'path' ? location.path : undefined;
  const configPath = lintConfigPath(options.config, { path: ladderPath, folder: ladderPath !== undefined && isDirectory(ladderPath) }, context.io.cwd);
  const config = configPath === undefined ? {} : await readLintConfig(configPath, { named: options.config !== undefined });
  const checked = await checkLadderSource(source, loadOptions(context));
  if (!checked.ladder) throw new LadderError('invalid', `${source.name}: not a valid ladder`, { diagnostics: checked.diagnostics, hint: 'run `ladder validate` for the problems, then lint' });
  const sources = isFolderInput(source) ? source.files : [source];
  const found = await lintContent(checked.ladder, sources, config, options.rule);
  const findings = inLadderOrder(unsuppressed(await placed(found, sources, isFolderInput(source)), directivesOf(sources)), checked.ladder);
  const result: LintResult = {
    file: source.name,
    findings,
    summary: { errors: findings.filter((finding) => finding.severity === 'error').length, warnings: findings.filter((finding) => finding.severity === 'warning').length },
  };
  if (options.format === 'github' || options.format === 'sarif') context.io.stdout.write(renderAnnotations({ problems: findings.map(asDiagnostic) }, options.format, LINT_RULES));
  else await emit(context, { ...options, format: options.format }, result, lintRenderers);
  const failing = options.failOn === 'error' ? result.summary.errors : result.summary.errors + result.summary.warnings;
  return failing > 0 ? 1 : 0;
}

type Placed = LintFindingView & { clause: string };

/** Level by level in ladder order (findings about no level first), and by place within a level. */
function inLadderOrder(findings: Placed[], ladder: Ladder): Placed[] {
  const rank = new Map(ladder.levels.map((level, i) => [level.id, i]));
  const files = new Map<string, number>();
  for (const finding of findings) if (!files.has(finding.file)) files.set(finding.file, files.size);
  const key = (finding: Placed) => [finding.level ? (rank.get(finding.level.id) ?? 0) + 1 : 0, files.get(finding.file) ?? 0, finding.line ?? 0, finding.col ?? 0];
  return findings
    .map((finding, i) => ({ finding, i, key: key(finding) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i)
    .map(({ finding }) => finding);
}

/** The first difference of two keys, part by part: a loop, as the sort asks this of every pair it compares. */
function compareKeys(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k += 1) {
    const order = (a[k] as number) - (b[k] as number);
    if (order !== 0) return order;
  }
  return 0;
}

/** Each finding, and each member of a cluster, at its FILE:LINE:COL. */
async function placed(found: SeverityFinding[], sources: Parameters<typeof locatePlaces>[0], folder: boolean): Promise<Placed[]> {
  const places = found.flatMap((finding) => [finding.place, ...(finding.members ?? []).map((member) => member.place)]);
  const positions = await locatePlaces(sources, folder, places);
  let next = 0;
  return found.map((finding) => {
    const at = positions[next++] ?? { file: sources[0]?.name ?? '' };
    const members = finding.members?.map((member) => ({ ...(positions[next++] ?? { file: at.file }), level: member.level, axis: member.axis, text: member.text }));
    return {
      ...at,
      rule: finding.rule,
      severity: finding.severity,
      level: finding.level ? { id: finding.level.id, title: finding.level.title } : null,
      axis: finding.axis ?? null,
      text: finding.text,
      clause: finding.clause ?? finding.text,
      message: finding.message,
      ...(finding.hint ? { hint: finding.hint } : {}),
      ...(members ? { members } : {}),
    };
  });
}

/** A finding as a CI annotation: its reason and the text it is about; a cluster names where its other members are. */
function asDiagnostic(finding: LintFindingView): Diagnostic {
  const others = finding.members?.slice(1).map((member) => `${member.file}:${member.line ?? ''}`);
  return {
    severity: finding.severity,
    rule: finding.rule,
    file: finding.file,
    line: finding.line,
    col: finding.col,
    message: `${finding.message}${finding.message.includes(`\`${finding.text}\``) ? '' : `: ${finding.text}`}${others?.length ? ` (also at ${others.join(', ')})` : ''}`,
    ...(finding.hint ? { hint: finding.hint } : {}),
  };
}
