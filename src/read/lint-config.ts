import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import validateConfig from '../generated/validate-ladderlint.js';
import type { LintConfig } from '../check/lint/config.js';
import { LadderError } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { readLadderSource } from './source.js';

export const CONFIG_NAME = '.ladderlint.yaml';

/**
 * Where `ladder lint` finds its configuration: `--config FILE`, else `.ladderlint.yaml` in the
 * ladder folder, or beside the ladder file (in the working directory for standard input).
 */
export function lintConfigPath(explicit: string | undefined, ladder: { path?: string; folder: boolean }, cwd: string): string | undefined {
  if (explicit !== undefined) return explicit;
  const directory = ladder.path === undefined ? cwd : ladder.folder ? ladder.path : dirname(ladder.path);
  const candidate = join(directory, CONFIG_NAME);
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Reads and checks the configuration against schema/ladderlint.schema.json; a mistake is exit 3, at
 * its line. It is read as a ladder file is: up to 16 MiB, and, when found rather than named with
 * `--config`, only if it is a regular file (a FIFO left there never blocks the run).
 */
export async function readLintConfig(path: string, { display = path, named = true }: { display?: string; named?: boolean } = {}): Promise<LintConfig> {
  let text: string;
  try {
    ({ text } = readLadderSource({ kind: 'path', path, display, reason: named ? 'command line' : 'working directory' }, () => Buffer.alloc(0), !named));
  } catch (error) {
    // The reader's hints are about ladder files.
    throw error instanceof LadderError ? new LadderError('file', `cannot read the lint configuration ${error.message}`) : error;
  }
  const { parseYaml } = await import('../check/check.js');
  const { parsed, diagnostics } = parseYaml(text, display);
  if (!parsed) throw new LadderError('invalid', `${display}: not a valid lint configuration`, { diagnostics });
  const value = parsed.value ?? {};
  if (validateConfig(value)) return value as LintConfig;
  const problems: Diagnostic[] = (validateConfig.errors ?? []).slice(0, 10).map((error) => {
    const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const where = error.keyword === 'additionalProperties' ? [...path, String((error.params as { additionalProperty: string }).additionalProperty)] : path;
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    return {
      severity: 'error',
      file: display,
      ...parsed.positionOf(where, error.keyword === 'additionalProperties' || error.keyword === 'propertyNames' ? 'key' : 'value'),
      message: `\`${where.join('.') || '(top)'}\` ${error.message ?? 'is not allowed'}${allowed ? `: ${allowed.join(', ')}` : ''}`,
    };
  });
  throw new LadderError('invalid', `${display}: not a valid lint configuration`, { diagnostics: problems, hint: 'see schema/ladderlint.schema.json' });
}
