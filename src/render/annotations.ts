import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { homepage, version } from '../../package.json';
import type { Diagnostic } from '../errors.js';
import { sanitize } from '../io.js';
import { renderJson } from './json.js';
import type { ValidationResult } from './validate.js';

/** The formats for CI systems that `validate` adds to the common ones. */
export const ANNOTATION_FORMATS = ['github', 'sarif'] as const;
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number];

export function renderAnnotations(result: ValidationResult, format: AnnotationFormat): string {
  return format === 'github' ? githubAnnotations(result.problems) : renderJson(sarifLog(result.problems));
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

/**
 * The two kinds of finding `validate` has: what makes the file not a ladder (syntax, schema and
 * cross-references), and what is allowed but probably a mistake (`--strict` makes those errors).
 */
const RULES = [
  { id: 'invalid-ladder', name: 'InvalidLadder', shortDescription: { text: 'The file is not a valid ladder: YAML syntax, the schema, or a cross-reference between levels.' } },
  { id: 'ladder-warning', name: 'LadderWarning', shortDescription: { text: 'Allowed, but probably a mistake: a missing axis, a near-duplicate axis name, empty text.' } },
];

/**
 * A file as SARIF names it: a file: URL when absolute, else a relative reference, which code
 * scanning resolves against the repository. Each segment is encoded whole, so a `#`, `?` or `:` in a
 * name stays part of the path instead of starting a fragment, a query or a scheme.
 */
const artifactUri = (file: string) => (isAbsolute(file) ? pathToFileURL(file).href : file.split('/').map(encodeURIComponent).join('/'));

/** A SARIF 2.1.0 log, the format code-scanning services (GitHub's among them) take. */
function sarifLog(problems: Diagnostic[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ladder', semanticVersion: version, informationUri: homepage, rules: RULES } },
        results: problems.map((problem) => ({
          ruleId: problem.severity === 'warning' ? 'ladder-warning' : 'invalid-ladder',
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
