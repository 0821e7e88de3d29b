import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden, fixture, ladder, ladderInProcess } from '../helpers/cli.js';

/** Mistakes people make editing a ladder by hand: each must give one error that names its cause. */
const mistakes = readdirSync(fixture('mistakes')).sort();

describe('hand-editing mistakes', () => {
  it.each(mistakes)('%s gives one error, at its line, with the line shown in a terminal', async (name) => {
    const piped = ladder(['validate', name], { cwd: fixture('mistakes') });
    expect(piped.status).toBe(3);
    const lines = piped.stderr.trim().split('\n');
    expect(lines, piped.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: error: `));
    const terminal = await ladderInProcess(['-f', '-', 'validate'], { tty: true, env: { NO_COLOR: '1' }, stdin: readFileSync(fixture(`mistakes/${name}`), 'utf8') });
    expect(terminal.status).toBe(3);
    expectGolden(`mistakes/${name.replace(/\.yaml$/, '')}.terminal.txt`, terminal.stderr);
  });

  // The yaml library's own words, which mean nothing to someone editing a ladder.
  const JARGON = /compact mapping|implicit (map )?key|flow (sequence|map|collection)|block (collection|sequence|scalar)|sufficiently indented|indicator|plain value|node end|directives-end/i;

  it.each(mistakes)('%s is said in plain words', (name) => {
    const { stderr } = ladder(['validate', name], { cwd: fixture('mistakes') });
    expect(stderr).toMatch(/^\S+:\d+:\d+: error: /);
    expect(stderr).not.toMatch(JARGON);
  });
});
