import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { expect } from 'vitest';
import { run } from '../../src/cli.js';
import type { Io } from '../../src/io.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'ladder.js');
/** The Node that runs the CLI under test: this one, or LADDER_TEST_NODE (CI runs the suite again on the oldest Node `engines` allows). */
export const node = process.env.LADDER_TEST_NODE ?? process.execPath;
export const fixture = (name: string) => join(root, 'test', 'fixtures', name);
/** The schema's published URL, which the modeline of every file ladder writes names. */
export const SCHEMA_URL = (JSON.parse(readFileSync(join(root, 'schema', 'ladder.schema.json'), 'utf8')) as { $id: string }).$id;

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

/** The variables that change ladder's output, removed so each test says exactly what it sets. */
const OUTPUT_VARIABLES = ['NO_COLOR', 'FORCE_COLOR', 'LADDER_FILE', 'COLUMNS', 'TERM', 'LADDER_DEBUG', 'LADDER_NO_CACHE', 'XDG_CACHE_HOME'];

/**
 * The cache every spawned ladder of this test file shares: all runs after the first on a ladder
 * answer from it. With LADDER_TEST_CACHE=off (see vitest.config.mts) the cache is turned off instead.
 */
const sharedCache = mkdtempSync(join(tmpdir(), 'ladder-test-cache-'));
const cacheEnv = (): Record<string, string> => (process.env.LADDER_TEST_CACHE === 'off' ? { LADDER_NO_CACHE: '1' } : { XDG_CACHE_HOME: sharedCache });

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !OUTPUT_VARIABLES.includes(key)) env[key] = value;
  return { ...env, ...cacheEnv(), ...extra };
}

type RunOptions = { env?: Record<string, string>; input?: string | Buffer; cwd?: string };

/** A worker thread that holds the built CLI (dist/cli.js), and what the test waits on for its answers. */
let runner: { port: MessagePort; signal: Int32Array } | undefined;

function startRunner(): { port: MessagePort; signal: Int32Array } {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(join(root, 'test', 'helpers', 'cli-worker.mjs'), { workerData: { cli: join(root, 'dist', 'cli.js'), port: port2, signal }, transferList: [port2] });
  // The worker lives as long as the test file's process, and never keeps it alive.
  worker.unref();
  return { port: port1, signal };
}

/**
 * Runs the built CLI as `bin/ladder.js` does, with stdout and stderr collected as on pipes, in a
 * worker thread that loaded it once: the same code, the same streams as far as a command can
 * tell (not terminals), without a Node process per command. What only a process has (its exit
 * status, its standard streams, the compiled-code cache of bin/ladder.js) is tested with
 * `ladderProcess`. Waits for the answer, so it is called as a spawn is.
 */
export function ladder(args: string[], options: RunOptions = {}): Outcome {
  // On another Node than the one running the tests (CI's oldest), every command is a process of that Node.
  if (process.env.LADDER_TEST_NODE) return ladderProcess(args, options);
  runner ??= startRunner();
  const { port, signal } = runner;
  Atomics.store(signal, 0, 0);
  port.postMessage({ args, env: cleanEnv(options.env), cwd: options.cwd ?? root, input: Buffer.from(options.input ?? '') });
  Atomics.wait(signal, 0, 0);
  const answer = receiveMessageOnPort(port);
  if (!answer) throw new Error('the CLI worker gave no answer');
  return answer.message as Outcome;
}

/** Runs the built `bin/ladder.js` as a user would, in a process of its own, with stdout and stderr on pipes. */
export function ladderProcess(args: string[], options: RunOptions = {}): Outcome {
  const result = spawnSync(node, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

/** Runs the CLI in-process with fake streams, to play a terminal of a given width. */
export async function ladderInProcess(args: string[], options: { tty?: boolean; columns?: number; env?: Record<string, string>; stdin?: string; stdinBytes?: Buffer; cwd?: string } = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    columns: options.columns,
    env: options.env ?? {},
    cwd: options.cwd ?? root,
    readStdin: () => options.stdinBytes ?? Buffer.from(options.stdin ?? ''),
  };
  const status = await run(args, io);
  return { stdout, stderr, status };
}

/** What a person sees in a 100-column terminal, colour aside. */
export async function ladderInTerminal(...args: string[]): Promise<string> {
  return (await ladderInProcess(args, { tty: true, columns: 100, env: { NO_COLOR: '1' } })).stdout;
}

/**
 * Compares output with test/golden/NAME. `UPDATE_GOLDEN=1 npm test` rewrites the files after a deliberate
 * change; outside CI a missing file is written, in CI it fails.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(root, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN || (!existsSync(path) && !process.env.CI)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
