import { canonicalRating, RATINGS } from '../model/assessment.js';
import type { AssessedExpectation, Assessment, Evidence, Rating } from '../model/assessment.js';
import { assessmentComment } from '../write/assessment-header.js';
import { readBlockYaml, YamlSubsetError } from './block-yaml.js';

/**
 * A string as a YAML double-quoted scalar. JSON's escapes are YAML's; the line and paragraph
 * separators and C1 controls, which JSON leaves as they are and YAML 1.1 reads as line breaks,
 * are escaped too.
 */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function expectationLines(entry: AssessedExpectation): string[] {
  const lines = [`  - axis: ${quoted(entry.axis)}`, `    expectation: ${quoted(entry.expectation)}`];
  if (entry.new !== undefined) lines.push(`    new: ${entry.new}`);
  if (entry.changed !== undefined) lines.push(`    changed: ${entry.changed}`);
  if (entry.rating !== undefined) lines.push(`    rating:${entry.rating === null ? '' : ` ${quoted(entry.rating)}`}`);
  if (entry.evidence !== undefined) {
    if (entry.evidence.length === 0) lines.push('    evidence: []');
    else {
      lines.push('    evidence:');
      for (const evidence of entry.evidence) {
        lines.push(`      - text: ${quoted(evidence.text)}`);
        if (evidence.link !== undefined) lines.push(`        link: ${quoted(evidence.link)}`);
        if (evidence.date !== undefined) lines.push(`        date: ${quoted(evidence.date)}`);
      }
    }
  }
  return lines;
}

/** The assessment file `ladder assess` reads: the CLI's header comment, then every key in the CLI's order, each string quoted and an empty value left empty. */
export function assessmentFile(assessment: Assessment): string {
  const list = (name: string, entries: AssessedExpectation[]) => (entries.length === 0 ? [`${name}: []`] : [`${name}:`, ...entries.flatMap(expectationLines)]);
  const optional = (['name', 'date', 'reviewer'] as const).filter((key) => assessment[key] !== undefined).map((key) => `${key}:${assessment[key] === null ? '' : ` ${quoted(assessment[key] as string)}`}`);
  return [
    // As the CLI's YAML writer lays the comment out: an empty line of it is a blank line, and a blank line follows it.
    ...assessmentComment().map((line) => (line ? `#${line}` : '')),
    '',
    'ladder:',
    `  file: ${quoted(assessment.ladder.file)}`,
    `  fingerprint: ${quoted(assessment.ladder.fingerprint)}`,
    ...optional,
    `level: ${quoted(assessment.level)}`,
    `target: ${quoted(assessment.target)}`,
    ...list('expectations', assessment.expectations),
    ...(assessment.removed ? list('removed', assessment.removed) : []),
    '',
  ].join('\n');
}

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
/** The schema allows no other keys: a file with one is refused rather than read with it dropped. */
const onlyKeys = (value: Record_, keys: string[]) => Object.keys(value).every((key) => keys.includes(key));

function evidenceOf(value: unknown, strict: boolean): Evidence | undefined {
  if (!isRecord(value) || !onlyKeys(value, ['text', 'link', 'date']) || !isText(value.text)) return undefined;
  if (value.link !== undefined && !(typeof value.link === 'string' && (!strict || LINK.test(value.link)))) return undefined;
  if (value.date !== undefined && !(typeof value.date === 'string' && DATE.test(value.date))) return undefined;
  return { text: value.text, ...(value.link !== undefined ? { link: value.link } : {}), ...(value.date !== undefined ? { date: value.date } : {}) };
}

function expectationOf(value: unknown, strict: boolean): AssessedExpectation | undefined {
  if (!isRecord(value) || !onlyKeys(value, ['axis', 'expectation', 'new', 'changed', 'rating', 'evidence']) || !isText(value.axis) || !isText(value.expectation)) return undefined;
  if ((value.new !== undefined && typeof value.new !== 'boolean') || (value.changed !== undefined && typeof value.changed !== 'boolean')) return undefined;
  // A rating in any case and spacing, as `ladder assess` takes it, kept as the scale writes it.
  const rating = typeof value.rating === 'string' ? (canonicalRating(value.rating) ?? value.rating) : value.rating;
  if (rating !== undefined && rating !== null && !RATINGS.includes(rating as Rating)) return undefined;
  let evidence: Evidence[] | undefined;
  if (value.evidence !== undefined) {
    if (!Array.isArray(value.evidence)) return undefined;
    evidence = value.evidence.map((item) => evidenceOf(item, strict)).filter((item): item is Evidence => item !== undefined);
    if (evidence.length !== value.evidence.length) return undefined;
  }
  return { axis: value.axis, expectation: value.expectation, ...(value.new !== undefined ? { new: value.new } : {}), ...(value.changed !== undefined ? { changed: value.changed } : {}), ...(rating !== undefined ? { rating: rating as Rating | null } : {}), ...(evidence ? { evidence } : {}) };
}

function expectationsOf(value: unknown, strict: boolean): AssessedExpectation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries = value.map((entry) => expectationOf(entry, strict));
  return entries.every((entry) => entry !== undefined) ? (entries as AssessedExpectation[]) : undefined;
}

/** An evidence link as the assessment schema takes it. */
export const LINK = /^https?:\/\/\S+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A name, date or reviewer: absent, empty, or text (a date as YYYY-MM-DD). */
const isOptional = (value: unknown, pattern?: RegExp) => value === undefined || value === null || (typeof value === 'string' && (!pattern || pattern.test(value)));

/**
 * An assessment from a value, taken only in the shape the schema gives it; undefined for anything
 * else. Not `strict`: a link as the form holds it while it is typed (what the browser keeps),
 * checked when the file is downloaded.
 */
export function assessmentOf(value: unknown, strict = true): Assessment | undefined {
  if (!isRecord(value) || !onlyKeys(value, ['ladder', 'name', 'date', 'reviewer', 'level', 'target', 'expectations', 'removed']) || !isRecord(value.ladder) || !onlyKeys(value.ladder, ['file', 'fingerprint']) || !isText(value.ladder.file) || !isText(value.ladder.fingerprint) || !isText(value.level) || !isText(value.target)) return undefined;
  if (!isOptional(value.name) || !isOptional(value.date, DATE) || !isOptional(value.reviewer)) return undefined;
  const expectations = expectationsOf(value.expectations, strict);
  const removed = value.removed === undefined ? [] : expectationsOf(value.removed, strict);
  if (!expectations || !removed) return undefined;
  const optional = (['name', 'date', 'reviewer'] as const).filter((key) => value[key] !== undefined).map((key) => [key, value[key] as string | null]);
  return {
    ladder: { file: value.ladder.file, fingerprint: value.ladder.fingerprint },
    ...Object.fromEntries(optional),
    level: value.level,
    target: value.target,
    expectations,
    ...(value.removed !== undefined ? { removed } : {}),
  };
}

/**
 * An assessment from a file's text, or why the page cannot take it: the page reads the block YAML
 * that `ladder assess new` and the page write (block-yaml.ts), in the shape the schema gives, and
 * sends anything else to `ladder assess FILE`, which reads any YAML and says where a problem is.
 */
export function readAssessmentText(text: string): { assessment: Assessment } | { problem: string } {
  let value: unknown;
  try {
    value = readBlockYaml(text);
  } catch (error) {
    if (error instanceof YamlSubsetError) return { problem: error.message };
    throw error;
  }
  const assessment = assessmentOf(value);
  return assessment ? { assessment } : { problem: 'it is not in the shape of an assessment' };
}
