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
 *
 * Each track, and each level, is written as a document of its own and indented into place: the
 * YAML writer's nodes for a whole ladder of 30,000 levels took over a second and most of the
 * memory of an import, and a level's text is the same either way (the writer folds lines by
 * their width less their indentation, so a level written at column 0 with 8 columns less of width
 * folds where it would at column 8; the writer makes no flow collections, whose width is not).
 */
export function ladderYaml(data: LadderData, comment: string[]): string {
  const head = new Document(styled({ ...pick(data, ['name', 'description', 'grades', 'axes']), tracks: [] }));
  head.commentBefore = [modeline().slice(1), ...comment.map((line) => (line ? ` ${line}` : ''))].join('\n');
  const parts = [withBlockList(textAt(head, WIDTH), 'tracks', data.tracks.length)];
  for (const track of data.tracks) {
    const trackText = textAt(new Document(styled({ ...pick(track, ['id', 'name', 'equivalentLabel', 'description', 'axes']), levels: [] })), WIDTH - TRACK_INDENT);
    parts.push(asListItem(withBlockList(trackText, 'levels', track.levels.length), TRACK_INDENT - 2));
    for (const level of track.levels) {
      const value = {
        ...pick(level, ['id', 'title', 'code', 'grade', 'aliases', 'equivalent', 'description', 'note']),
        // A Map keeps axis names that look like numbers in their place.
        ...(level.axes.length > 0 ? { axes: new Map(level.axes) } : {}),
      };
      parts.push(asListItem(textAt(new Document(styled(value)), WIDTH - LEVEL_INDENT), LEVEL_INDENT - 2));
    }
  }
  return parts.join('');
}

const WIDTH = 100;
/** Where the keys of a track (`  - id: …`) and of a level (`      - id: …`) start. */
const TRACK_INDENT = 4;
const LEVEL_INDENT = 8;

function textAt(doc: Document, lineWidth: number): string {
  return yamlText(doc, { lineWidth, minContentWidth: 40 });
}

/**
 * Plain data with each string (a value, or a key of a Map) a scalar in the style it is written in,
 * made as the value is built: visiting the document for that afterwards took a third of the time
 * an import of a 1,000-row sheet spent writing.
 */
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

/** A document's text whose last key is `key: []`, with the key opened for the items written after it, if there are any. */
function withBlockList(text: string, key: string, items: number): string {
  const empty = `${key}: []\n`;
  return items > 0 && text.endsWith(empty) ? `${text.slice(0, -empty.length)}${key}:\n` : text;
}

/** A document's text as an item of a block list whose `- ` is at column `at`. */
function asListItem(text: string, at: number): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const inside = ' '.repeat(at + 2);
  return `${lines.map((line, i) => (i === 0 ? `${' '.repeat(at)}- ${line}` : line === '' ? '' : `${inside}${line}`)).join('\n')}\n`;
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = object[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) picked[key] = value;
  }
  return picked;
}
