import { Document, isScalar, visit } from 'yaml';
import type { LadderData } from '../model/model.js';
import { $id as SCHEMA_URL } from '../../schema/ladder.schema.json';
import { safeYaml } from '../render/yaml.js';

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
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && (node.value.length > 60 || node.value.includes('\n'))) node.type = 'BLOCK_FOLDED';
    },
  });
  doc.commentBefore = [modeline().slice(1), ...comment.map((line) => (line ? ` ${line}` : ''))].join('\n');
  return safeYaml(doc, { lineWidth: 100, minContentWidth: 40 });
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = object[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) picked[key] = value;
  }
  return picked;
}
