import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { outlinePositions } from '../../src/check/outline.js';
import { parseYaml } from '../../src/read/parse-yaml.js';
import type { PathSegment } from '../../src/read/parse-yaml.js';
import { fixture, root } from '../helpers/cli.js';

/** Every path to a key of a parsed value, as the schema and cross-reference checks name them. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  return [];
}

describe('the outline of a large file', () => {
  it.each([join(root, 'ladder.yaml'), fixture('awkward-text.yaml'), fixture('warnings.yaml')])('places every key where the position-keeping parser does: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const { parsed } = parseYaml(text, file);
    const outline = outlinePositions(text);
    // The outline does not enter flow collections (`[a, b]`); it places their items at their key instead.
    const doc = parseDocument(text);
    const inFlow = (path: PathSegment[]) => path.some((_, end) => (doc.getIn(path.slice(0, end), true) as { flow?: boolean } | undefined)?.flow === true);
    for (const path of paths(parsed?.value).filter((candidate) => !inFlow(candidate))) {
      expect(outline.positionOf(path, 'key'), path.join('.')).toEqual(parsed?.positionOf(path, 'key'));
    }
    const levels = (parsed?.value as { tracks: { levels: unknown[] }[] }).tracks.flatMap((track, t) => track.levels.map((_, l) => ['tracks', t, 'levels', l, 'axes']));
    for (const path of levels) expect(outline.keysOf(path), path.join('.')).toEqual(parsed?.keysOf(path));
  });

  it('places a path into a flow collection at the key that holds it', () => {
    const outline = outlinePositions('tracks:\n  - id: a\n    levels: [{id: b}]\n');
    expect(outline.positionOf(['tracks', 0, 'levels', 0, 'id'])).toEqual({ line: 3, col: 5 });
  });
});
