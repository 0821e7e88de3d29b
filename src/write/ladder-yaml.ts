import { Document, Scalar } from 'yaml';
import type { LadderData } from '../model/model.js';
import { $id as SCHEMA_URL } from '../../schema/ladder.schema.json';
import { safeStyle, yamlText } from '../render/yaml.js';

/**
 * The first line of every ladder file ladder writes: editors with a YAML plugin validate and
 * complete against the schema. By default it names the schema's published URL, the same for
 * everyone who clones the ladder's repository; `init --schema` names a copy beside the file.
 */
export function modeline(schema: string = SCHEMA_URL): string {
  return `# yaml-language-server: $schema=${schema}`;
}

/**
 * Ladder data as a ladder file: the schema modeline and `comment` lines on top, keys in the order
 * the README documents, axes in their own order, long texts as folded block scalars at 100 columns.
 */
export function ladderYaml(data: LadderData, comment: string[]): string {
  const value = {
    ...pick(data, ['name', 'description', 'grades', 'axes']),
    tracks: data.tracks.map((track) => ({
      ...pick(track, ['id', 'name', 'equivalentLabel', 'description', 'axes']),
      levels: track.levels.map((level) => ({
        ...pick(level, ['id', 'title', 'code', 'grade', 'aliases', 'equivalent', 'description', 'note']),
        // A Map keeps axis names that look like numbers in their place.
        ...(level.axes.length > 0 ? { axes: new Map(level.axes) } : {}),
      })),
    })),
  };
  // Each string is made a scalar in its style as the value is built: visiting the document for
  // that afterwards took a third of the time an import of a 1,000-row sheet spent writing.
  const doc = new Document(styled(value));
  doc.commentBefore = [modeline().slice(1), ...comment.map((line) => (line ? ` ${line}` : ''))].join('\n');
  return yamlText(doc, { lineWidth: 100, minContentWidth: 40 });
}

/** Plain data with each string (a value, or a key of a Map) a scalar in the style it is written in. */
function styled(value: unknown): unknown {
  if (typeof value === 'string') return scalar(value);
  if (Array.isArray(value)) return value.map(styled);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [styled(key), styled(item)]));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, styled(item)]));
  return value;
}

/** A string as a scalar: in the style safety asks for, else folded when long or of several lines. */
function scalar(text: string): Scalar {
  const node = new Scalar(text);
  const style = safeStyle(text) ?? (text.length > 60 || text.includes('\n') ? 'BLOCK_FOLDED' : undefined);
  if (style) node.type = style;
  return node;
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = object[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) picked[key] = value;
  }
  return picked;
}
