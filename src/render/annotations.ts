import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { homepage, version } from '../../package.json';
import type { Diagnostic } from '../errors.js';
import { sanitize } from '../io.js';
import { renderJson } from './json.js';

/** The formats for CI systems that `validate` adds to the common ones. */
export const ANNOTATION_FORMATS = ['github', 'sarif'] as const;
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number];

/** A rule as SARIF describes it: what a rule id means, for code scanning to show beside each result. */
export interface RuleDescriptor {
  id: string;
  /** PascalCase. */
  name: string;
  short: string;
  full: string;
  help: string;
}

export function renderAnnotations(result: { problems: Diagnostic[] }, format: AnnotationFormat, rules: readonly RuleDescriptor[]): string {
  return format === 'github' ? githubAnnotations(result.problems) : renderJson(sarifLog(result.problems, rules));
}

// GitHub's workflow commands end a property at `,` or `::`, and a message at a line break; a
// control character (an escape sequence) is shown escaped, so it never reaches the log raw.
const escapeData = (text: string) => sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const messageOf = (problem: Diagnostic) => (problem.hint ? `${problem.message} (${problem.hint})` : problem.message);

/** One `::error file=…,line=…,col=…::message` line per problem, which a GitHub Actions run shows on the pull request at that line. */
function githubAnnotations(problems: Diagnostic[]): string {
  return problems
    .map((problem) => {
      // Each value escaped whole (a file name may hold a line break): every problem is one line, one command.
      const properties = Object.entries({ file: problem.file, line: problem.line, col: problem.col })
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
      return `::${problem.severity} ${properties.join(',')}::${escapeData(messageOf(problem))}\n`;
    })
    .join('');
}

/** The rule of a problem that names none: what makes the file not a ladder, or what is allowed but probably a mistake. */
const fallbackRule = (problem: Diagnostic) => problem.rule ?? (problem.severity === 'warning' ? 'ladder-warning' : 'invalid-ladder');

/**
 * A file as SARIF names it: a file: URL when absolute, else a relative reference, which code
 * scanning resolves against the repository. Each segment is encoded whole, so a `#`, `?` or `:` in a
 * name stays part of the path instead of starting a fragment, a query or a scheme.
 */
const artifactUri = (file: string) => (isAbsolute(file) ? pathToFileURL(file).href : file.split('/').map(encodeURIComponent).join('/'));

/** A SARIF 2.1.0 log, the format code-scanning services (GitHub's among them) take. */
function sarifLog(problems: Diagnostic[], rules: readonly RuleDescriptor[]): object {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ladder', semanticVersion: version, informationUri: homepage, rules: rules.map((rule) => ({ id: rule.id, name: rule.name, shortDescription: { text: rule.short }, fullDescription: { text: rule.full }, help: { text: rule.help } })) } },
        results: problems.map((problem) => ({
          ruleId: fallbackRule(problem),
          ...(index.has(fallbackRule(problem)) ? { ruleIndex: index.get(fallbackRule(problem)) } : {}),
          level: problem.severity,
          message: { text: messageOf(problem) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(problem.file) },
                ...(problem.line === undefined ? {} : { region: { startLine: problem.line, ...(problem.col === undefined ? {} : { startColumn: problem.col }) } }),
              },
            },
          ],
        })),
      },
    ],
  };
}
