import { spawnSync } from 'node:child_process';
import { bin, cleanEnv, node } from './cli.js';

/**
 * Runs ladder as an unprivileged user where the tests run as root (as CI does): root reads and
 * writes through any permission bits, so "unreadable file" and "read-only folder" need another user.
 */
export function ladderAsNobody(args: string[], cwd: string) {
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', node, bin, ...args] : [node, bin, ...args];
  const result = spawnSync(command[0] as string, command.slice(1), { cwd, env: cleanEnv({ LADDER_NO_CACHE: '1' }), encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}
