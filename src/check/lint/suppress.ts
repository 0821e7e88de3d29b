import { sourceFormat } from '../../read/source.js';
import type { LadderSource } from '../../read/source.js';
import { normalizeClause } from './clauses.js';
import { names } from './config.js';

/**
 * `# ladder-lint-ignore RULE, …` in YAML, `<!-- ladder-lint-ignore RULE, … -->` in Markdown: the
 * rules (all, when none is named) are not reported for the clause on the comment's line (a comment
 * after the clause) or on the line after it (a comment on a line of its own). `…-ignore RULE: first words` names the clause instead: the first clause after
 * the comment that starts with those words (how a clause inside an axis text, where YAML allows no
 * comment, is named).
 */
export interface Directive {
  file: string;
  /** The line of the clause it is about (with words: the comment's line, after which the clause is looked for). */
  line: number;
  rules: string[];
  words?: string;
}

const YAML_DIRECTIVE = /#[ \t]*ladder-lint-ignore\b([^\n]*)/g;
const MARKDOWN_DIRECTIVE = /<!--[ \t]*ladder-lint-ignore\b([\s\S]*?)-->/g;

export function directivesOf(sources: LadderSource[]): Directive[] {
  const directives: Directive[] = [];
  for (const source of sources) {
    const pattern = sourceFormat(source) === 'markdown' ? MARKDOWN_DIRECTIVE : YAML_DIRECTIVE;
    for (const match of source.text.matchAll(pattern)) {
      const body = (match[1] ?? '').trim();
      const colon = body.indexOf(':');
      const rules = (colon === -1 ? body : body.slice(0, colon)).split(/[\s,]+/).filter(Boolean);
      const words = colon === -1 ? undefined : normalizeClause(body.slice(colon + 1));
      const before = source.text.slice(0, match.index);
      const line = before.split('\n').length;
      // A comment after a clause, on its line, is about that line; a comment alone on its line, about the next.
      const trailing = /\S/.test(before.slice(before.lastIndexOf('\n') + 1));
      directives.push({ file: source.name, line: trailing || words ? line : line + 1, rules, ...(words ? { words } : {}) });
    }
  }
  return directives;
}

interface Suppressible {
  rule: string;
  /** The clause it is about. */
  clause: string;
  file: string;
  line?: number;
}

/** The findings that no directive suppresses. */
export function unsuppressed<T extends Suppressible>(findings: T[], directives: Directive[]): T[] {
  if (directives.length === 0) return findings;
  const applies = (directive: Directive, finding: T) => directive.file === finding.file && (directive.rules.length === 0 || directive.rules.some((selector) => names(selector, finding.rule)));
  const dropped = new Set<T>();
  for (const directive of directives) {
    if (directive.words === undefined) {
      for (const finding of findings) if (applies(directive, finding) && finding.line === directive.line) dropped.add(finding);
      continue;
    }
    const words = directive.words;
    const candidates = findings.filter((finding) => applies(directive, finding) && (finding.line ?? 0) >= directive.line && normalizeClause(finding.clause).startsWith(words));
    const line = Math.min(...candidates.map((finding) => finding.line ?? 0));
    const first = candidates.find((finding) => finding.line === line);
    for (const finding of candidates) if (first && finding.clause === first.clause && finding.line === line) dropped.add(finding);
  }
  return findings.filter((finding) => !dropped.has(finding));
}
