import type { MatrixLevel } from './matrix.js';
import { frontMatterWords } from './front-matter.js';
import { isRecord } from '../parse-yaml.js';
import { withoutPictographs } from './titles.js';
import { pushAll } from '../../lists.js';

/** Front matter keys that hold a ladder's matrix: topics (axes), each with its expectations per level. */
export const MATRIX_KEYS = /^(topics|axes|competencies|categories|areas|skills)$/i;
const NAME_KEYS = ['name', 'title', 'topic', 'category', 'area', 'skill'];
/** A topic's display title (`title: "🧠 Problem solving"`) names its axis over its key (`name: problem-solving`). */
const DISPLAY_KEY = 'title';
const LEVEL_LIST_KEYS = ['levels', 'content', 'expectations'];
const LEVEL_NAME_KEYS = ['level', 'title', 'name'];
const CRITERIA_KEYS = ['criteria', 'expectations', 'items', 'behaviours', 'behaviors', 'description', 'text'];
const EXAMPLE_KEYS = ['examples', 'evidence'];

/** Something in the front matter that was not read, with its words, for a warning. */
export interface Unread {
  where: string;
  words: string;
}

/**
 * Reads a matrix kept in front matter, in either of the shapes ladders use:
 *
 *     topics:                              topics:
 *       - name: Technical skills             Technical skills:
 *         levels:                              Engineer I: [criterion, …]
 *           - level: Engineer I                Engineer II: [criterion, …]
 *             criteria: [criterion, …]
 *             examples: [example, …]
 *
 * A level's examples become an axis of their own (`Technical skills / Examples`); those of
 * `exampleCriteria` (`- criteria: …` with `examples: […]`) join the criterion they illustrate.
 * A topic's display `title` names its axis, its `name` (a key) where it has none. Levels come in
 * the order they first appear. Keys it does not know are returned as unread.
 */
export function readFrontMatterMatrix(topics: unknown): { levels: MatrixLevel[]; unread: Unread[] } {
  const levels = new Map<string, MatrixLevel>();
  const unread: Unread[] = [];
  let added = 0;
  const add = (levelTitle: string, axis: string, clauses: string[]) => {
    // A level named with nothing under it is still a level of the ladder.
    const level = levels.get(levelTitle) ?? { title: levelTitle, axes: [] };
    levels.set(levelTitle, level);
    if (clauses.length === 0) return;
    added += 1;
    const existing = level.axes.find((entry) => entry.name === axis);
    if (existing) pushAll(existing.clauses, clauses);
    else level.axes.push({ name: axis, clauses });
  };
  for (const [key, topic] of entries(topics, NAME_KEYS)) {
    const before = added;
    const topicName = displayTitle(topic) ?? key;
    // The key's words, where the title does not hold them all (`mastery` titled `Technical Skills`), are reported.
    if (topicName !== key && !wordsWithin(key, topicName)) unread.push({ where: `the key of topic \`${topicName}\``, words: key });
    let perLevel: unknown = topic;
    if (isRecord(topic)) {
      const listKey = LEVEL_LIST_KEYS.find((key) => topic[key] !== undefined);
      const rest = Object.entries(topic).filter(([key]) => !NAME_KEYS.includes(key) && key !== listKey);
      if (listKey) {
        perLevel = topic[listKey];
        for (const [key, value] of rest) unread.push({ where: `topic \`${topicName}\`, key \`${key}\``, words: frontMatterWords({ [key]: value }) });
      } else {
        // `Topic: {Level: [criteria]}`: the keys are the levels.
        perLevel = Object.fromEntries(rest);
      }
    }
    for (const [levelTitle, entry] of entries(perLevel, LEVEL_NAME_KEYS)) {
      if (isRecord(entry)) {
        add(levelTitle, topicName, clauses(pick(entry, CRITERIA_KEYS)));
        add(levelTitle, `${topicName} / Examples`, clauses(pick(entry, EXAMPLE_KEYS)));
        // `exampleCriteria: [{criteria, examples}]`: each criterion is a clause like the others, with its examples.
        const exampleCriteria = Array.isArray(entry.exampleCriteria) ? entry.exampleCriteria : [];
        for (const item of exampleCriteria) {
          if (!isRecord(item)) {
            add(levelTitle, topicName, clauses(item));
            continue;
          }
          // The examples illustrate their criterion, so they join it: `criterion (e.g. example; example)`.
          add(levelTitle, topicName, withExamples(clauses(pick(item, CRITERIA_KEYS)), clauses(pick(item, EXAMPLE_KEYS))));
          for (const [key, value] of Object.entries(item)) {
            if (!CRITERIA_KEYS.includes(key) && !EXAMPLE_KEYS.includes(key)) unread.push({ where: `\`${topicName}\` at \`${levelTitle}\`, an example criterion's key \`${key}\``, words: frontMatterWords({ [key]: value }) });
          }
        }
        for (const [key, value] of Object.entries(entry)) {
          if (key === 'exampleCriteria' && Array.isArray(value)) continue;
          if (![...LEVEL_NAME_KEYS, ...CRITERIA_KEYS, ...EXAMPLE_KEYS].includes(key)) unread.push({ where: `\`${topicName}\` at \`${levelTitle}\`, key \`${key}\``, words: frontMatterWords({ [key]: value }) });
        }
      } else {
        add(levelTitle, topicName, clauses(entry));
      }
    }
    if (added === before) unread.push({ where: `topic \`${topicName}\`, which gives no level any criteria,`, words: `${topicName} ${frontMatterWords(topic)}` });
  }
  return { levels: [...levels.values()], unread };
}

/** A topic's `title`, where it is a text with words in it. */
function displayTitle(topic: unknown): string | undefined {
  const title = isRecord(topic) ? topic[DISPLAY_KEY] : undefined;
  const text = typeof title === 'string' ? withoutPictographs(title) : '';
  return text || undefined;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function wordsWithin(key: string, title: string): boolean {
  const titleWords = new Set(words(title));
  return words(key).every((word) => titleWords.has(word));
}

/** A criterion's examples join its last clause; examples with no criterion are clauses of their own. */
function withExamples(criteria: string[], examples: string[]): string[] {
  if (examples.length === 0) return criteria;
  if (criteria.length === 0) return examples;
  return [...criteria.slice(0, -1), `${criteria[criteria.length - 1] as string} (e.g. ${examples.join('; ')})`];
}

/**
 * A list of named records (`- name: X`) or a mapping (`X: …`), as [name, value] pairs. A name that
 * names nothing (empty, or not a text or a number: `level: >1` folds to nothing) is the entry's
 * place, as a record with no name is: a level's title is never empty.
 */
function entries(value: unknown, nameKeys: string[]): [string, unknown][] {
  const named = (name: unknown, index: number) => levelName(typeof name === 'string' || typeof name === 'number' ? name : '') || levelName(index + 1);
  if (Array.isArray(value)) return value.map((item, index): [string, unknown] => [named(isRecord(item) ? pick(item, nameKeys) : undefined, index), item]);
  if (isRecord(value)) return Object.entries(value).map(([key, item], index): [string, unknown] => [named(key, index), item]);
  return [];
}

/** A bare number names a level by its rank: `Level 3`. */
function levelName(name: unknown): string {
  const text = String(name).trim();
  return /^\d+$/.test(text) ? `Level ${text}` : text;
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) if (record[key] !== undefined) return record[key];
  return undefined;
}

function clauses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(clauses);
  if (isRecord(value)) return [frontMatterWords(value).replace(/\s+/g, ' ').trim()].filter(Boolean);
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text ? [text] : [];
}
