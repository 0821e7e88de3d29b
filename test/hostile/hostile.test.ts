import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, node } from '../helpers/cli.js';
import { hostileCases } from './cases.js';

/**
 * The standing adversarial suite: every hostile case ends in its exit code. `npm test` runs the
 * cases at a hundredth of their size; `npm run stress` (HOSTILE_SCALE=1) runs them at the sizes
 * the hostile-files issue measured and reports each one's time and peak memory against its bound.
 */
const scale = Number(process.env.HOSTILE_SCALE ?? 0.01);
const stress = scale >= 1;
const MEMORY_BOUND_MIB = 300;
const work = mkdtempSync(join(tmpdir(), 'ladder-hostile-'));
const report: string[] = [];

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (stress) console.log(['', '| case | exit | seconds (bound) | peak MiB (bound) | |', '| --- | --- | --- | --- | --- |', ...report].join('\n'));
});

/** Runs the CLI under GNU time (in a pseudo-terminal through script(1) where asked), returning the exit code, seconds and peak memory. */
function measure(dir: string, args: string[], terminal: boolean): { status: number; seconds: number; mib: number } {
  const timing = join(dir, '.time');
  const command = ['/usr/bin/time', '-f', '%e %M', '-o', timing, node, bin, ...args];
  const quoted = command.map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
  const result = terminal
    ? spawnSync('script', ['-qefc', `stty cols 100; ${quoted}`, '/dev/null'], { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1', TERM: 'xterm' }), stdio: 'ignore' })
    : spawnSync(command[0] as string, command.slice(1), { cwd: dir, env: cleanEnv({ LADDER_NO_CACHE: '1' }), stdio: 'ignore' });
  const [seconds = 'NaN', kib = 'NaN'] = readFileSync(timing, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
  return { status: result.status ?? -1, seconds: Number(seconds), mib: Number(kib) / 1024 };
}

describe(`hostile files at ${scale === 1 ? 'full size' : `${scale} of full size`}`, () => {
  it.each(hostileCases(scale))('$name ends in exit $status', ({ name, files, args, terminal, status, seconds: bound }) => {
    const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const outcome = measure(dir, args, terminal === true);
    expect(outcome.status, name).toBe(status);
    if (!stress) return;
    const ok = outcome.seconds < bound && outcome.mib < MEMORY_BOUND_MIB;
    report.push(`| ${name} | ${outcome.status} | ${outcome.seconds.toFixed(2)} (< ${bound}) | ${outcome.mib.toFixed(0)} (< ${MEMORY_BOUND_MIB}) | ${ok ? 'ok' : 'MISSED'} |`);
    expect({ seconds: outcome.seconds < bound, memory: outcome.mib < MEMORY_BOUND_MIB }, name).toEqual({ seconds: true, memory: true });
  });
});
