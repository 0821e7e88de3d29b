import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import validateConfig from '../generated/validate-ladderlint.js';
import type { LintConfig } from '../check/lint/config.js';
import { LadderError } from '../errors.js';
import type { Diagnostic } from '../errors.js';

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

/** Reads and checks the configuration against schema/ladderlint.schema.json; a mistake is exit 3, at its line. */
export async function readLintConfig(path: string, display = path): Promise<LintConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LadderError('file', `cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
