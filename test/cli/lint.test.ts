import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { expectGolden, fixture, ladder, ladderInTerminal } from '../helpers/cli.js';

const lint = (name: string) => fixture(join('lint', name));

interface Finding {
  rule: string;
  severity: string;
  line: number;
  text: string;
  members?: { level: string; text: string; line: number }[];
}
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;

// Each rule on a fixture written to break it: the golden pins the findings, and the rule must find
// something there (a rule taken out of the registry makes --rule a usage error, exit 2).
describe.each([
  ['restated', 'restated.yaml', []],
  ['near-duplicate', 'near-duplicate.yaml', []],
  ['thin-step', 'thin-step.yaml', []],
  ['house-style', 'house-style.yaml', ['--config', lint('house-style.ladderlint.yaml')]],
  ['spelling', 'spelling.yaml', ['--config', lint('spelling.ladderlint.yaml')]],
  ['structure', 'structure.yaml', []],
  ['structure', 'front-matter.md', []],
])('ladder lint --rule %s on %s', (rule, file, extra) => {
  it('reports what the fixture was written to show, at its lines', () => {
    const outcome = ladder(['lint', lint(file), '--rule', rule, '--format', 'tsv', ...extra]);
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(1);
    expectGolden(`lint/${file.replace(/\.\w+$/, '')}.tsv`, outcome.stdout.replaceAll(lint(''), ''));
    expect(outcome.stdout.split('\n').filter((row) => row.split('\t')[4]?.startsWith(rule)).length).toBeGreaterThan(0);
  });
});

describe('ladder lint on the shipped ladder', () => {
  it('finds its typos, with a suggestion where one edit mends them, and flags no other word', () => {
    const findings = findingsOf(ladder(['lint', '--rule', 'spelling', '--json']).stdout);
    expect(findings.map((finding) => finding.text)).toEqual(['indepedently', 'orginazation', 'complext', 'opertational', 'documention']);
  });

  it('lists its findings grouped by level in a terminal', async () => {
    expectGolden('lint-shipped.terminal.txt', await ladderInTerminal('lint'));
  });

  it('exits 1 on warnings by default, and 0 with --fail-on error', () => {
    expect(ladder(['lint']).status).toBe(1);
    expect(ladder(['lint', '--fail-on', 'error']).status).toBe(0);
  });
});

describe('ladder lint: exit codes and options', () => {
  it('exits 0 with nothing on a clean ladder', () => {
    const outcome = ladder(['lint', lint('restated.yaml'), '--rule', 'spelling']);
    expect([outcome.status, outcome.stdout]).toEqual([0, '']);
  });

  it('exits 3 for an invalid ladder', () => {
    const outcome = ladder(['lint', '-'], { input: 'tracks: 3\n' });
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toMatch(/^<stdin>:1:9: error: `tracks` must be a list/);
  });

  it('refuses an unknown rule with a suggestion (exit 2)', () => {
    const outcome = ladder(['lint', '--rule', 'speling']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/did you mean `spelling`/);
  });

  it('refuses a configuration the schema does not allow, at its line (exit 3)', () => {
    const outcome = ladder(['lint', lint('restated.yaml'), '--config', lint('bad.ladderlint.yaml')]);
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toMatch(/bad\.ladderlint\.yaml:2:\d+: .*rules\.spelling/);
  });

  it('suppresses one clause by a comment, in YAML and in Markdown', () => {
    const yaml = findingsOf(ladder(['lint', lint('suppressed.yaml'), '--rule', 'spelling', '--json']).stdout);
    expect(yaml.map((finding) => finding.line)).toEqual([10, 14]);
    const markdown = findingsOf(ladder(['lint', lint('suppressed.md'), '--rule', 'spelling', '--json']).stdout);
    expect(markdown.map((finding) => finding.line)).toEqual([8]);
  });

  it('lists every member of a near-duplicate cluster with its place', () => {
    const [cluster] = findingsOf(ladder(['lint', lint('near-duplicate.yaml'), '--rule', 'near-duplicate', '--json']).stdout);
    expect(cluster?.members?.map((member) => [member.level, member.line])).toEqual([
      ['w1', 10],
      ['d1', 26],
    ]);
  });

  it('compares a text with its near twin one level up when a copy of the twin is elsewhere', () => {
    const clusters = findingsOf(ladder(['lint', lint('near-duplicate.yaml'), '--rule', 'near-duplicate', '--json']).stdout);
    const notes = clusters.find((cluster) => cluster.text.startsWith('Keeps the release notes'));
    expect(notes?.members?.map((member) => member.level)).toEqual(['w1', 'w2', 'd2']);
  });
});

describe('ladder lint --format sarif and github', () => {
  const require = createRequire(import.meta.url);
  const sarifSchema = JSON.parse(readFileSync(join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
  interface Log {
    runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
  }

  it.each([
    ['lint', 'the shipped ladder'],
    ['validate', 'the shipped ladder'],
  ])('%s: a valid SARIF log with one described rule per rule id (%s)', (command) => {
    const log = JSON.parse(ladder([command, '--format', 'sarif']).stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    const ids = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run?.tool.driver.rules ?? []) expect([rule.shortDescription.text, rule.fullDescription.text, rule.help.text].every(Boolean)).toBe(true);
    for (const result of run?.results ?? []) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it('gives validate problems rule ids of their own', () => {
    const log = JSON.parse(ladder(['validate', fixture('warnings.yaml'), '--format', 'sarif']).stdout) as Log;
    expect(log.runs[0]?.results.map((result) => result.ruleId)).not.toContain('ladder-warning');
  });

  it('writes GitHub workflow commands, one per finding', () => {
    const lines = ladder(['lint', '--format', 'github']).stdout.trim().split('\n');
    expect(lines.every((line) => /^::warning file=ladder\.yaml,line=\d+,col=\d+::/.test(line))).toBe(true);
    expect(lines.length).toBe(findingsOf(ladder(['lint', '--json']).stdout).length);
  });
});
