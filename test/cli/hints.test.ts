import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ladder, ladderInProcess, root } from '../helpers/cli.js';

const organisation = join(root, 'examples', 'organisation');
const inOrg = (...args: string[]) => ladder(['-f', organisation, ...args]);
const hintOf = (outcome: { stderr: string }) => outcome.stderr.trimEnd().split('\n').at(-1);

describe('hints', () => {
  it('suggest commands for the file named with -f, which would otherwise read another ladder', () => {
    const markdown = fixture('operations-ladder.md');
    const outcome = ladder(['-f', markdown, 'show', 'no such level']);
    expect(outcome.status).toBe(1);
    expect(hintOf(outcome)).toBe(`hint: run \`ladder -f ${markdown} list\` to see every level`);
    expect(hintOf(ladder(['show', 'no such level']))).toBe('hint: run `ladder list` to see every level');
  });

  it('name the grade scale for a grade that is not on it, rather than the nearest spelling', () => {
    expect(hintOf(inOrg('list', '--grade', 'L9'))).toBe('hint: the grade scale runs from `L3` to `L8`');
    expect(hintOf(inOrg('show', 'sre:L9'))).toBe('hint: `L9` is not on the grade scale, which runs from `L3` to `L8`');
  });

  it('are not needed for a number typed in digits where the title has it in Roman numerals', () => {
    const outcome = inOrg('show', 'site rel eng 2', '--json');
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ id: 'sre-2', title: 'Site Reliability Engineer II' });
    expect(JSON.parse(inOrg('show', 'backend:engineer 1', '--json').stdout)).toMatchObject({ id: 'backend-engineer-1' });
  });

  it('say that the part before the colon is no track', () => {
    const outcome = inOrg('show', 'sire:L5');
    expect(outcome.status).toBe(1);
    expect(hintOf(outcome)).toBe('hint: `sire` is not a track; did you mean `sre:L5`? the tracks are `backend`, `frontend`, `managers` and `sre`');
  });

  it('take the part before the colon as --track does: a word of the track’s name will do', () => {
    expect(inOrg('show', 'site:L5', '--json').stdout).toMatch(/^\{\n {2}"id": "sre-senior"/);
  });
});

describe('a name found only loosely', () => {
  it('is said on stderr in a terminal, and not to a script', async () => {
    const inTerminal = await ladderInProcess(['show', 'princpal', '--axis', 'domain'], { tty: true, env: { NO_COLOR: '1' } });
    expect(inTerminal.stderr).toBe('ladder: taking "princpal" as Principal Operations Engineer (principal)\n');
    expect(inTerminal.stdout).toContain('Principal Operations Engineer');
    const exact = await ladderInProcess(['show', 'principal', '--axis', 'domain'], { tty: true, env: { NO_COLOR: '1' } });
    expect(exact.stderr).toBe('');
    const byWordStarts = await ladderInProcess(['diff', 'senior manager', 'dir'], { tty: true, env: { NO_COLOR: '1' } });
    expect(byWordStarts.stderr).toBe('');
    expect(ladder(['show', 'princpal', '--axis', 'domain']).stderr).toBe('');
  });
});
