import { basename } from 'node:path';
import type { Diagnostic } from '../../errors.js';
import { isRecord } from '../parse-yaml.js';
import { SHARED_TOPICS_FILE } from '../shared-topics-file.js';
import { MATRIX_KEYS } from './front-matter-matrix.js';
import { splitFrontMatter } from './front-matter.js';
import { withoutPictographs } from './titles.js';

/**
 * A progression framework kept as front-matter matrices (one file per discipline) keeps the topics
 * every discipline shares in one file of its own: `generic.md`, whose front matter `path` is
 * `/generic`. A discipline says it shares a topic by naming it (`name: communication`, often with
 * an empty `title`): its site then shows the shared topic's title, and at each level the
 * discipline's own criteria followed by the shared topic's. Topics of other names are the
 * discipline's alone, and shared topics it does not name are not part of it.
 */
const SHARED_PATH = '/generic';

/** Where a topic keeps its levels, as the matrix reader looks for them. */
const LEVEL_LIST_KEYS = ['levels', 'content', 'expectations'];

/** Whether a page is the shared topics' file: by its front matter `path`, as the site finds it, else by its file name. */
export function isSharedTopicsPage(fileName: string, data: Record<string, unknown>): boolean {
  if (typeof data.path === 'string') return data.path.trim().replace(/\/+$/, '') === SHARED_PATH;
  return basename(fileName).toLowerCase() === SHARED_TOPICS_FILE;
}

/** A topic the discipline took from the shared file: its key, and the title it now has. */
export interface SharedTopic {
  name: string;
  title: string;
}

/**
 * The discipline's topics with the shared topics of the same `name` merged in: the shared title
 * where it has one, and the shared levels after the discipline's own, at the levels the discipline
 * holds (a level it does not describe is not made by the shared file). Topics not in a list of
 * named records are left as they are.
 */
export function withSharedTopics(topics: unknown, shared: unknown): { topics: unknown; inherited: SharedTopic[] } {
  if (!Array.isArray(topics) || !Array.isArray(shared)) return { topics, inherited: [] };
  const sharedByName = new Map<string, Record<string, unknown>>();
  for (const topic of shared) if (isRecord(topic) && typeof topic.name === 'string' && !sharedByName.has(topic.name)) sharedByName.set(topic.name, topic);
  const held = new Set(topics.flatMap((topic) => levelEntries(topic).map(levelKey)));
  const inherited: SharedTopic[] = [];
  const merged = topics.map((topic) => {
    const from = isRecord(topic) && typeof topic.name === 'string' ? sharedByName.get(topic.name) : undefined;
    if (!isRecord(topic) || !from) return topic;
    const sharedLevels = levelEntries(from).filter((entry) => held.size === 0 || held.has(levelKey(entry)));
    const listKey = LEVEL_LIST_KEYS.find((key) => Array.isArray(topic[key])) ?? LEVEL_LIST_KEYS.find((key) => Array.isArray(from[key])) ?? 'content';
    const title = titleOf(from) ?? titleOf(topic) ?? (topic.name as string);
    inherited.push({ name: topic.name as string, title });
    return { ...topic, title, [listKey]: [...levelEntries(topic), ...sharedLevels] };
  });
  return { topics: merged, inherited };
}

/** A topic's list of levels (`content: [{level: 1, criteria: […]}]`), or none. */
function levelEntries(topic: unknown): unknown[] {
  if (!isRecord(topic)) return [];
  const key = LEVEL_LIST_KEYS.find((candidate) => Array.isArray(topic[candidate]));
  return key ? (topic[key] as unknown[]) : [];
}

/** The level an entry is for: `level: 3` and `level: "3"` are one. */
function levelKey(entry: unknown): string {
  return isRecord(entry) ? String(entry.level ?? entry.title ?? entry.name ?? '').trim() : '';
}

/** A topic's `title`, where it has words in it. */
function titleOf(topic: Record<string, unknown>): string | undefined {
  return typeof topic.title === 'string' && withoutPictographs(topic.title) ? topic.title : undefined;
}

/**
 * The shared topics a set of pages can inherit: those of the shared file among them, else of the
 * one found beside them, whose front matter, where it cannot be read, is named in a warning.
 */
export function sharedTopicsOf(pages: { name: string; data: Record<string, unknown> }[], beside: { name: string; text: string } | undefined, warnings: Diagnostic[]): { file: string; topics: unknown } | undefined {
  const problems: Diagnostic[] = [];
  const besideData = beside ? splitFrontMatter(beside.text.replace(/\r\n?/g, '\n'), beside.name, problems, []).data : undefined;
  for (const problem of problems) warnings.push({ ...problem, severity: 'warning', message: `${problem.message}; its shared topics are not read`, hint: 'correct the shared file, or read the ladder with --no-shared-topics' });
  const candidates = [...pages, ...(beside && besideData ? [{ name: beside.name, data: besideData }] : [])];
  for (const { name, data } of candidates) {
    const key = Object.keys(data).find((candidate) => MATRIX_KEYS.test(candidate));
    if (key && isSharedTopicsPage(name, data)) return { file: name, topics: data[key] };
  }
  return undefined;
}

/** The line of a topic's `name: craft` in a file's front matter, for the outline; the matrix key's line where it cannot be found. */
export function lineOfTopic(text: string, name: string, fallback: number): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = text.search(new RegExp(`^[ \\t]*(?:-[ \\t]+)?name[ \\t]*:[ \\t]*["']?${escaped}["']?[ \\t]*$`, 'm'));
  return at === -1 ? fallback : text.slice(0, at).split('\n').length;
}
