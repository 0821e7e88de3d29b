import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { bin, cleanEnv, node } from '../helpers/cli.js';

/**
 * What every hostile test file shares: the scale (`npm test` runs the cases at a hundredth of
 * their size, `npm run stress` with HOSTILE_SCALE=1 at full size), a scratch folder removed after
 * the file's tests, and a run of the CLI measured by GNU time, checked against its bounds at full
 * size and reported in a table. The time bound is on CPU time (user and system): on a shared
 * machine the wall clock also counts the other jobs, so it is reported beside it but not checked.
 */
export const scale = Number(process.env.HOSTILE_SCALE ?? 0.01);
export const stress = scale >= 1;
/** A size at this run's scale, never below 2. */
export const sized = (full: number) => Math.max(2, Math.round(full * scale));
export const MEMORY_BOUND_MIB = 300;
/** A run still going after this long is taken to hang, and fails (exit -1). */
const HANG_MS = 120_000;

export interface Measured {
  status: number;
  /** Wall clock. */
  seconds: number;
  /** CPU time, user and system. */
  cpu: number;
  mib: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder for one test file, with a `folder(name, files)` that fills a fresh sub-folder; all removed after the file's tests. */
export function scratch(label: string): { root: string; folder(name: string, files?: Record<string, string | Uint8Array>): string } {
  const root = mkdtempSync(join(tmpdir(), `ladder-${label}-`));
  const report: string[] = [];
  reports.set(root, report);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (stress && report.length > 0) console.log(['', '| case | exit | CPU seconds (bound) | wall seconds | peak MiB (bound) | |', '| --- | --- | --- | --- | --- | --- |', ...report].join('\n'));
  });
  return {
    root,
    folder(name, files = {}) {
      const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      return dir;
    },
  };
}

const reports = new Map<string, string[]>();

export interface RunOptions {
  /** Run in a pseudo-terminal (where text is wrapped) through script(1). */
  terminal?: boolean;
  env?: Record<string, string>;
  input?: string;
  /** A shell command put before the run, e.g. `ulimit -f 16`. */
  /** Milliseconds after which the run is taken to hang, where HANG_MS is too short for the input on a busy machine. */
  hangMs?: number;
  prefix?: string;
}

/** Runs the CLI in `dir` under GNU time, without the cache unless `env` says otherwise. */
export function measure(dir: string, args: string[], options: RunOptions = {}): Measured {
  const timing = join(dir, '.time');
  const command = ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timing, node, bin, ...args];
  const quoted = command.map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
  const env = cleanEnv({ LADDER_NO_CACHE: '1', ...(options.terminal ? { TERM: 'xterm' } : {}), ...options.env });
  const result = options.terminal
    ? spawnSync('script', ['-qefc', `stty cols 100; ${quoted}`, '/dev/null'], { cwd: dir, env, encoding: 'utf8', input: options.input ?? '', maxBuffer: 1 << 30, timeout: options.hangMs ?? HANG_MS })
    : options.prefix
      ? spawnSync('sh', ['-c', `${options.prefix}; exec ${quoted}`], { cwd: dir, env, encoding: 'utf8', input: options.input ?? '', maxBuffer: 1 << 30, timeout: options.hangMs ?? HANG_MS })
      : spawnSync(command[0] as string, command.slice(1), { cwd: dir, env, encoding: 'utf8', input: options.input ?? '', maxBuffer: 1 << 30, timeout: options.hangMs ?? HANG_MS });
  const [seconds = 'NaN', user = 'NaN', system = 'NaN', kib = 'NaN'] = readFileSync(timing, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
  rmSync(timing, { force: true });
  return { status: result.status ?? -1, seconds: Number(seconds), cpu: Number(user) + Number(system), mib: Number(kib) / 1024, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/**
 * At full size: the run took less than `seconds` of CPU time and `mib` of memory (the bound, unless
 * SECURITY.md states a higher cost for the input); the figures go into the file's report.
 */
export function expectWithinBounds(work: { root: string }, name: string, outcome: Measured, seconds: number, mib = MEMORY_BOUND_MIB): void {
  if (!stress) return;
  const within = { seconds: outcome.cpu < seconds, memory: outcome.mib < mib };
  const ok = within.seconds && within.memory;
  reports.get(work.root)?.push(`| ${name} | ${outcome.status} | ${outcome.cpu.toFixed(2)} (< ${seconds}) | ${outcome.seconds.toFixed(2)} | ${outcome.mib.toFixed(0)} (< ${mib}) | ${ok ? 'ok' : 'MISSED'} |`);
  expect(within, name).toEqual({ seconds: true, memory: true });
}
