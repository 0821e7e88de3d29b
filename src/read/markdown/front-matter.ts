import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../../errors.js';
import { MAX_ALIAS_EXPANSION } from '../parse-yaml.js';
import { countNewlines } from './blocks.js';
import { plainYamlError } from '../yaml-errors.js';
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
 * never read as Markdown content. A block that YAML 1.2 refuses but YAML 1.1 parsers accept is
 * read leniently, with a warning at the line the strict reader stopped at; one that neither reads
 * is an error there.
 */
export function splitFrontMatter(text: string, file: string, problems: Diagnostic[], warnings: Diagnostic[]): FrontMatter {
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
  const [strictError] = doc.errors;
  if (strictError) {
    // The line in the file: the YAML starts on line 2, after the opening `---`. An error at the
    // end of the text (an unclosed bracket) is on its last line, not on the closing `---`.
    const lastLine = countNewlines(yamlText.replace(/\n$/, '')) + 2;
    const reason = strictError.message.split('\n')[0] ?? '';
    const lenient = readLeniently(yamlText);
    if (!lenient.ok) {
      // In plain words, where the mistake is, as a ladder file's YAML errors are.
      const plain = plainYamlError(strictError, yamlText);
      const at = Math.min(countNewlines(yamlText.slice(0, plain.offset)) + 2, lastLine);
      problems.push({ severity: 'error', file, line: at, col: 1, message: `front matter is not valid ${plain.message}`, ...(plain.hint ? { hint: plain.hint } : {}) });
      return { lines, body };
    }
    const line = Math.min(countNewlines(yamlText.slice(0, strictError.pos[0])) + 2, lastLine);
    // What YAML 1.1 parsers (and most site generators) accept, though YAML 1.2 refuses it.
    warnings.push({ severity: 'warning', file, line, col: 1, message: `front matter is not valid YAML 1.2 (${reason}); read as YAML 1.1 parsers read it`, hint: 'indent the continuation lines of a quoted text past its dash' });
    return mapping(lenient.value, file, lines, body, problems);
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
  return mapping(value, file, lines, body, problems);
}

function mapping(value: unknown, file: string, lines: number, body: string, problems: Diagnostic[]): FrontMatter {
  if (value === null || value === undefined) return { lines, body };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ severity: 'error', file, line: 2, col: 1, message: 'front matter must be a mapping of keys to values' });
    return { lines, body };
  }
  return { data: value as Record<string, unknown>, lines, body };
}

/** js-yaml forgives what YAML 1.1 parsers forgive (a quoted text's continuation indented only to its dash). Aliases are refused: the strict reader bounds them. */
function readLeniently(text: string): { ok: true; value: unknown } | { ok: false } {
  if (/(^|[\s:,[{-])[&*][^\s]/.test(text)) return { ok: false };
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** Every word in a front matter value, keys included, for warnings that say what was left out. */
export function frontMatterWords(value: unknown, depth = 0): string {
  if (depth > 64 || value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => frontMatterWords(item, depth + 1)).join(' ');
  if (typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key} ${frontMatterWords(item, depth + 1)}`).join(' ');
  return String(value);
}
