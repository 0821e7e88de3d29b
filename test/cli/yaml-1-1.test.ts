import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ladder } from '../helpers/cli.js';

// PyYAML is a YAML 1.1 parser: unquoted `no` is false to it, `2024-01-01` a date, `1:20` the number 80.
const hasPyYaml = process.env.CI !== undefined || spawnSync('python3', ['-c', 'import yaml']).status === 0;

/** YAML read by PyYAML and written as JSON; a date or other non-JSON value fails the conversion. */
function readWithPyYaml(yaml: string): unknown {
  const result = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: yaml, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

const lookalikes = fixture('yaml-1-1-lookalikes.yaml');

describe.skipIf(!hasPyYaml)('YAML written by ladder, read by a YAML 1.1 parser (PyYAML)', () => {
  const commands = [['show', 'yes', 'n'], ['list'], ['equiv'], ['equiv', 'yes'], ['diff', 'yes', 'n', '--all'], ['search', '--regex', '.'], ['next', 'yes'], ['path', 'yes', 'yes'], ['validate'], ['which'], ['changes', fixture('yaml-1-1-lookalikes.yaml')]];

  it.each(commands)('reads `ladder %s --format yaml` as --format json has it', (...args: string[]) => {
    const yaml = ladder(['-f', lookalikes, ...args, '--format', 'yaml']);
    const json = ladder(['-f', lookalikes, ...args, '--format', 'json']);
    expect(yaml.status).toBe(json.status);
    expect(readWithPyYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('reads `export --format yaml` as the ladder it exports', () => {
    const exported = ladder(['-f', lookalikes, 'export', '--format', 'yaml']).stdout;
    expect(readWithPyYaml(exported)).toEqual(JSON.parse(ladder(['-f', lookalikes, 'export', '--format', 'json']).stdout));
    expect(exported).toContain("'1:20': 'true'");
  });

  it('reads what import and init write as the ladder they hold', () => {
    const markdown = ladder(['-f', lookalikes, 'export', '--format', 'md']).stdout;
    const imported = ladder(['import', '-'], { input: markdown });
    expect(imported.status, imported.stderr).toBe(0);
    expect(readWithPyYaml(imported.stdout)).toEqual(JSON.parse(ladder(['-f', '-', 'export', '--format', 'json'], { input: imported.stdout }).stdout));
    const folder = mkdtempSync(join(tmpdir(), 'ladder-yaml11-'));
    try {
      expect(ladder(['init', join(folder, 'ladder.yaml')]).status).toBe(0);
      const written = readFileSync(join(folder, 'ladder.yaml'), 'utf8');
      expect(readWithPyYaml(written)).toEqual(JSON.parse(ladder(['-f', join(folder, 'ladder.yaml'), 'export', '--format', 'json']).stdout));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
