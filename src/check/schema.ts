import type { ErrorObject } from 'ajv';
import validateLadder from '../generated/validate-ladder.js';
import type { Diagnostic } from '../errors.js';
import { sanitize } from '../io.js';
import { closest, quoteList, slugify } from '../model/names.js';
import type { ParsedYaml, PathSegment } from '../read/parse-yaml.js';

/** Whether a value has the shape schema/ladder.schema.json describes (compiled ahead of time by ajv). */
export function matchesSchema(value: unknown): boolean {
  return validateLadder(value);
}

function validate(value: unknown): ErrorObject[] {
  return validateLadder(value) ? [] : (validateLadder.errors ?? []);
}

/** Checks a parsed document against schema/ladder.schema.json and explains each violation in the file's own terms. */
export function checkSchema(parsed: ParsedYaml, file: string): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of validate(parsed.value)) {
    const explained = explain(error);
    if (!explained) continue;
    const position = parsed.positionOf(explained.path, explained.at);
    const diagnostic: Diagnostic = { severity: 'error', file, ...position, message: explained.message, hint: explained.hint };
    const key = `${diagnostic.line}:${diagnostic.col}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

interface Explained {
  path: PathSegment[];
  at: 'key' | 'value';
  message: string;
  hint?: string;
}

function explain(error: ErrorObject): Explained | undefined {
  const path = pointerToPath(error.instancePath);
  const owner = ownerName(path);
  const label = labelFor(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(key, allowed, 1);
      return {
        path: [...path, key],
        at: 'key',
        message: `unknown key \`${key}\` in ${owner}`,
        hint: near.length > 0 ? `did you mean \`${near[0]}\`?` : `${owner} has the keys ${quoteList(allowed, 'and')}`,
      };
    }
    case 'required':
      return { path, at: 'value', message: `${owner} is missing \`${String(params.missingProperty)}\`` };
    case 'type':
      return { path, at: 'value', message: `${label} must be ${typeWords(String(params.type))}, not ${describeValue(error.data)}` };
    case 'pattern':
      return patternProblem(path, label, error);
    case 'minLength':
      return { path, at: 'value', message: `${label} is empty` };
    case 'minItems':
      return { path, at: 'value', message: `${label} is empty: list at least one entry` };
    case 'uniqueItems':
      return { path: [...path, Number(params.j)], at: 'value', message: `${label} lists the same entry twice` };
    case 'propertyNames':
      return undefined; // the failing name is reported by its own minLength/pattern error
    default:
      return { path, at: 'value', message: `${label} ${error.message ?? 'is invalid'}` };
  }
}

function patternProblem(path: PathSegment[], label: string, error: ErrorObject): Explained {
  // An id, or an equivalent, which names a level by its id.
  if (error.schemaPath.includes('/id/') || path.includes('equivalent')) {
    const suggestion = slugify(String(error.data));
    return {
      path,
      at: 'value',
      message: `\`${String(error.data)}\` is not a valid id`,
      hint: `ids use lower-case letters, digits and single hyphens${suggestion ? `, for example \`${suggestion}\`` : ''}`,
    };
  }
  const value = String(error.data);
  if (error.schemaPath.includes('/propertyNames/')) {
    return /\S/.test(value) ? { path, at: 'value', message: `axis name ${sanitize(JSON.stringify(value))} holds a control character or an invisible one`, hint: ONE_LINE } : { path, at: 'value', message: 'an axis name is blank' };
  }
  return /\S/.test(value) ? { path, at: 'value', message: `${label} holds a control character or an invisible one (${sanitize(JSON.stringify(value))})`, hint: ONE_LINE } : { path, at: 'value', message: `${label} is blank` };
}

/** Why names may not hold a newline or an escape: every output prints a name on a line of its own, and a terminal would act on it. */
const ONE_LINE = 'names are one line of plain text: no line breaks, tabs, other control characters or invisible ones (zero-width spaces, word joiners)';

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Which part of the ladder the object at `path` is: `tracks[0]` is a track, `tracks[0].levels[2]` a level. */
function ownerName(path: PathSegment[]): string {
  if (path.length === 4 && path[2] === 'levels') return 'a level';
  if (path.length === 2 && path[0] === 'tracks') return 'a track';
  return 'the ladder';
}

/** How a value at `path` is named in a message: `title`, `aliases[1]`, axis `Domain Knowledge`. */
function labelFor(path: PathSegment[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent === 'axes') return `axis \`${String(last)}\``;
  if (typeof last === 'number') return `\`${String(parent)}[${last}]\``;
  return last === undefined ? 'the ladder' : `\`${last}\``;
}

function typeWords(type: string): string {
  const words: Record<string, string> = { string: 'text', object: 'a mapping', array: 'a list', null: 'null', number: 'a number', boolean: 'true or false' };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  return `the ${typeof value} \`${String(value)}\``;
}
