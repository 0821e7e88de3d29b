import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The date the man page carries (YYYY-MM-DD), never the day of the build, so two builds of one
 * commit write the same page: SOURCE_DATE_EPOCH when a packager sets it (reproducible builds),
 * else the day of the checkout's last commit; undefined outside a checkout.
 */
export function releaseDate(env: Record<string, string | undefined>): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  try {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const day = execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
  } catch {
    return undefined;
  }
}
