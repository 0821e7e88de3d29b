import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { fixture, ladder } from '../helpers/cli.js';

interface Problem {
  file: string;
  line?: number;
  col?: number;
  severity: string;
  message: string;
  hint?: string;
}

const problemsOf = (args: string[]) => (JSON.parse(ladder([...args, '--format', 'json']).stdout) as { problems: Problem[] }).problems;
const messageOf = (problem: Problem) => (problem.hint ? `${problem.message} (${problem.hint})` : problem.message);

// Several errors at once: a missing title, an unknown key, an equivalent that names no level.
const broken = `tracks:
  - id: ic
    name: Engineers
    levels:
      - id: senior
        titel: Senior Engineer
        equivalent: Senior Manager
      - id: staff
        title: Staff Engineer
`;

describe('ladder validate --format github', () => {
  it('prints one workflow command per problem, at its line and column', () => {
    const outcome = ladder(['validate', '-', '--format', 'github'], { input: broken });
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toBe('');
    const lines = outcome.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength((JSON.parse(ladder(['validate', '-', '--format', 'json'], { input: broken }).stdout) as { problems: Problem[] }).problems.length);
    expect(lines).toContain('::error file=<stdin>,line=6,col=9::unknown key `titel` in a level (did you mean `title`?)');
  });

  it('gives warnings as ::warning and exits 0, or as ::error with --strict', () => {
    const warnings = ladder(['validate', fixture('warnings.yaml'), '--format', 'github']);
    expect(warnings.status).toBe(0);
    const problems = problemsOf(['validate', fixture('warnings.yaml')]);
    expect(warnings.stdout).toBe(problems.map((problem) => `::warning file=${problem.file},line=${problem.line},col=${problem.col}::${messageOf(problem)}\n`).join(''));
    const strict = ladder(['validate', fixture('warnings.yaml'), '--format', 'github', '--strict']);
    expect(strict.status).toBe(3);
    expect(strict.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('::error '))).toBe(true);
  });

  it('prints nothing for a valid file', () => {
    expect(ladder(['validate', '--format', 'github'])).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('escapes what would end a property or a message', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ladder-annotations-'));
    try {
      const file = join(folder, 'a,b:c%.yaml');
      writeFileSync(file, 'tracks: []\n');
      const outcome = ladder(['validate', file, '--format', 'github']);
      expect(outcome.stdout).toMatch(/^::error file=[^,:]*a%2Cb%3Ac%25\.yaml,line=1,col=9::/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('ladder validate --format sarif', () => {
  // The SARIF 2.1.0 schema as published (JSON Schema draft 4), from the package that ships it. One of
  // its patterns is not valid in a Unicode regular expression, so patterns are compiled without the u flag.
  const require = createRequire(import.meta.url);
  const sarifSchema = JSON.parse(readFileSync(join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // Its formats are checked as far as SARIF needs them (Ajv knows none of its own, and says so for each).
  const formats = {
    uri: (value: string) => URL.canParse(value),
    'uri-reference': (value: string) => URL.canParse(value, 'file:///'),
    'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
  };
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, formats }).compile(sarifSchema);

  it.each([
    ['a broken file', ['validate', '-'], broken],
    ['a file with warnings', ['validate', fixture('warnings.yaml')], ''],
    ['a valid file', ['validate'], ''],
    ['a file that cannot be read', ['validate', fixture('bad/a-directory.yaml')], ''],
  ])('is a valid SARIF log for %s, with a result per problem', (_, args, input) => {
    const outcome = ladder([...args, '--format', 'sarif'], { input });
    const log = JSON.parse(outcome.stdout) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { region?: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver.name).toBe('ladder');
    const problems = JSON.parse(ladder([...args, '--format', 'json'], { input }).stdout).problems as Problem[];
    expect(log.runs[0]?.results.map((result) => [result.level, result.message.text, result.locations[0]?.physicalLocation.region?.startLine])).toEqual(
      problems.map((problem) => [problem.severity, messageOf(problem), problem.line]),
    );
  });
});
