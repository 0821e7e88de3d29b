import type { ErrorObject } from 'ajv';
import validateAssessment from '../generated/validate-assessment.js';
import type { Diagnostic } from '../errors.js';
import { sanitize } from '../io.js';
import { closest, quoteList } from '../model/names.js';
import { RATINGS } from '../model/assessment.js';
import type { Assessment } from '../model/assessment.js';
import { canonicalRatings } from './assessment.js';
import { parseYaml } from './parse-yaml.js';
import type { PathSegment, Position } from './parse-yaml.js';
import type { LadderSource } from './source.js';

/**
 * What is wrong with an assessment file, each problem at its line and column: read again with the
 * parser that keeps positions and limits aliases, only when the quick read found a problem or
 * anchors (or a level to place). A file with no problem is the assessment.
 */
export function assessmentProblems(source: LadderSource): { assessment?: Assessment; diagnostics: Diagnostic[] } {
  const { parsed, diagnostics } = parseYaml(source.text, source.name);
  if (!parsed || diagnostics.length > 0) return { diagnostics };
  const canonical = canonicalRatings(parsed.value);
  if (validateAssessment(canonical)) return { assessment: canonical as Assessment, diagnostics: [] };
  const problems = (validateAssessment.errors ?? []).flatMap((error) => {
    const explained = explain(error);
    return explained ? [{ severity: 'error' as const, file: source.name, ...parsed.positionOf(explained.path, explained.at), message: explained.message, hint: explained.hint }] : [];
  });
  return { diagnostics: problems };
}

/** Where a value is in an assessment file. */
export function assessmentPosition(source: LadderSource, path: PathSegment[]): Position | undefined {
  return parseYaml(source.text, source.name).parsed?.positionOf(path);
}

const pathOf = (pointer: string): PathSegment[] =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** An ajv error in the terms of the file: which key, and what it should be. */
function explain(error: ErrorObject): { path: PathSegment[]; at: 'key' | 'value'; message: string; hint?: string } | undefined {
  const path = pathOf(error.instancePath);
  const field = String(path[path.length - 1] ?? 'the assessment');
  const value = typeof error.data === 'string' ? `\`${sanitize(error.data)}\`` : JSON.stringify(error.data);
  switch (error.keyword) {
    case 'enum':
      return { path, at: 'value', message: `rating ${value} is not on the scale`, hint: `rate it ${quoteList([...RATINGS])}, or leave it empty` };
    case 'pattern':
      if (field === 'link') return { path, at: 'value', message: `link ${value} is not an http or https address` };
      if (field === 'date') return { path, at: 'value', message: `date ${value} is not a date`, hint: 'write it as YYYY-MM-DD' };
      if (field === 'fingerprint') return { path, at: 'value', message: `fingerprint ${value} is not one ladder writes`, hint: 'run `ladder assess FILE --update` to write it again' };
      return { path, at: 'value', message: `\`${field}\` ${error.message ?? 'is invalid'}` };
    case 'required':
      return { path, at: 'value', message: `${path.length === 0 ? 'the assessment' : `\`${field}\``} is missing \`${String(error.params.missingProperty)}\`` };
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(key, allowed, 1);
      return { path: [...path, key], at: 'key', message: `unknown key \`${sanitize(key)}\``, hint: near.length > 0 ? `did you mean \`${near[0]}\`?` : `the keys here are ${quoteList(allowed, 'and')}` };
    }
    case 'type':
      return { path, at: 'value', message: `\`${field}\` must be ${String(error.params.type).replace('array', 'a list').replace('object', 'a mapping').replace('string', 'text')}` };
    case 'minLength':
      return { path, at: 'value', message: `\`${field}\` is empty` };
    default:
      return { path, at: 'value', message: `\`${field}\` ${error.message ?? 'is invalid'}` };
  }
}
