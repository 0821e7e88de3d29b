import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, node } from './cli.js';

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** A folder holding a `ladder` executable that runs this checkout's build, to put first on PATH. */
export function ladderOnPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-bin-'));
  const shim = join(dir, 'ladder');
  writeFileSync(shim, `#!/bin/sh\nexec "${node}" "${bin}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Types into an interactive shell running in a detached tmux session and returns, for each step,
 * the screen once `until` appears on it (or after `timeoutMs`). Keys use tmux's names (`Tab`, `Enter`).
 */
export function typeInTmux(shell: string[], env: Record<string, string>, steps: { keys: string[]; until: RegExp }[], timeoutMs = 15_000): string[] {
  const socket = `ladder-test-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  const envArgs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  tmux('new-session', '-d', '-x', '200', '-y', '50', 'env', ...envArgs, ...shell);
  const screens: string[] = [];
  try {
    for (const step of steps) {
      tmux('send-keys', ...step.keys);
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      do {
        sleep(100);
        screen = tmux('capture-pane', '-p').stdout;
      } while (!step.until.test(screen) && Date.now() < deadline);
      screens.push(screen);
    }
    return screens;
  } finally {
    tmux('kill-server');
  }
}
