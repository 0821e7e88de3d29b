import { parseDocument } from 'yaml';
import type { Diagnostic } from '../../errors.js';
import { MAX_ALIAS_EXPANSION } from '../parse-yaml.js';
import { countNewlines } from './blocks.js';
import { aliasPastLimit, MAX_EXPANDED_CHARS } from '../yaml-expansion.js';

export interface FrontMatter {
  /** The front matter's value, when it is a mapping. */
  data?: Record<string, unknown>;
  /** Lines it takes, fences included: the body starts after them. */
  lines: number;
  /** The body of the file, after the closing fence. */
  body: string;
}

/**
 * Splits a `---` YAML block at the very top of a Markdown file from the body. Front matter is
 * never read as Markdown content; a block that is not valid YAML is an error at its line.
 */
export function splitFrontMatter(text: string, file: string, problems: Diagnostic[]): FrontMatter {
  if (!/^---[ \t]*\n/.test(text)) return { lines: 0, body: text };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const afterOpen = text.indexOf('\n') + 1;
  const rest = text.slice(afterOpen);
  const match = close.exec(rest);
  if (!match) return { lines: 0, body: text };
  const yamlText = rest.slice(0, match.index);
  const end = afterOpen + match.index + match[0].length;
  const lines = countNewlines(text.slice(0, end)) + 1;
  const body = text.slice(end).replace(/^[ \t]*\n?/, '');
  const doc = parseDocument(yamlText, { prettyErrors: false });
  if (doc.errors.length > 0) {
    problems.push({ severity: 'error', file, line: 2, col: 1, message: `front matter is not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`.trim() });
    return { lines, body };
  }
  if (aliasPastLimit(doc) !== undefined) {
    problems.push({ severity: 'error', file, line: 2, col: 1, message: `front matter passes ${MAX_EXPANDED_CHARS / 1024 / 1024} MiB with its aliases expanded` });
    return { lines, body };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    problems.push({ severity: 'error', file, line: 2, col: 1, message: `front matter cannot be read: ${(error as Error).message.split('\n')[0] ?? ''}` });
    return { lines, body };
  }
  if (value === null || value === undefined) return { lines, body };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ severity: 'error', file, line: 2, col: 1, message: 'front matter must be a mapping of keys to values' });
    return { lines, body };
  }
  return { data: value as Record<string, unknown>, lines, body };
}

/** Every word in a front matter value, keys included, for warnings that say what was left out. */
export function frontMatterWords(value: unknown, depth = 0): string {
  if (depth > 64 || value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => frontMatterWords(item, depth + 1)).join(' ');
  if (typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key} ${frontMatterWords(item, depth + 1)}`).join(' ');
  return String(value);
}
