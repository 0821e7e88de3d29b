import { sourceFormat } from '../../read/source.js';
import type { LadderSource } from '../../read/source.js';
import { outlinePositions } from '../outline.js';
import type { Place } from './rule.js';
import { Forms, WORD_RUN } from './letters.js';

export interface Located {
  file: string;
  line?: number;
  col?: number;
}

/** How far past its value's start a clause is looked for: an axis text is rarely longer. */
const SEARCH_SPAN = 8000;

/**
 * Where each place is in the files: the value's position (a level's heading in Markdown), then
 * the words the finding is about, looked for from there.
 */
export async function locatePlaces(sources: LadderSource[], folder: boolean, places: Place[]): Promise<Located[]> {
  if (places.length === 0) return [];
  const asked = places.map((place) => ({ path: place.path, at: 'value' as const }));
  const [first] = sources;
  let positions: Located[];
  if (!folder && first && sourceFormat(first) === 'yaml') {
    // A YAML file's outline is enough to find a value's line, in a twentieth of the parser's time
    // and without loading the parsers: the words are looked for from there.
    const { positionOf } = outlinePositions(first.text);
    positions = asked.map(({ path, at }) => ({ file: first.name, ...positionOf(path, at) }));
  } else {
    const { locateInFolder, positionFinder, readyFor } = await import('../check.js');
    // Lint places words within a value it has found, so a value's line from the outline is enough.
    if (folder || !first) positions = await locateInFolder(sources, asked, { outline: true });
    else {
      await readyFor([first]);
      const positionOf = positionFinder(first);
      positions = asked.map(({ path, at }) => ({ file: first.name, ...positionOf(path, at) }));
    }
  }
  const texts = new Map(sources.map((source) => [source.name, source]));
  const lineStarts = new Map<string, number[]>();
  return places.map((place, i) => {
    if (place.at) return place.at;
    const position = positions[i] as Located;
    const source = texts.get(position.file);
    if (!source || position.line === undefined || !place.find) return position;
    let starts = lineStarts.get(source.name);
    if (!starts) lineStarts.set(source.name, (starts = lineStartsOf(source.text)));
    const from = (starts[position.line - 1] ?? 0) + (position.col ?? 1) - 1;
    const found = search(source.text, (place.within === undefined ? undefined : search(source.text, from, place.within)) ?? from, place.find);
    return found === undefined ? position : { file: position.file, ...positionAt(starts, found) };
  });
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - (starts[low] as number) + 1 };
}

const WORD = new Forms(/[A-Za-z0-9]/, '[\\p{L}\\p{N}]', 'u');
const isWordChar = (text: string, at: number) => {
  if (at < 0 || at >= text.length) return false;
  const char = text.charAt(at);
  return WORD.for(char).test(char);
};

/**
 * The offset of the first words of `find` after `from`, whatever lies between them in the file
 * (line breaks, indentation, markup). Found with indexOf and a scan rather than a regular
 * expression per finding: compiling Unicode classes for each of thousands of findings costs seconds.
 */
function search(text: string, from: number, find: string): number | undefined {
  const words = find.match(WORD_RUN.for(find))?.slice(0, 6);
  const [first] = words ?? [];
  if (!words || first === undefined) return undefined;
  const end = Math.min(text.length, from + SEARCH_SPAN);
  for (let at = text.indexOf(first, from); at !== -1 && at < end; at = text.indexOf(first, at + 1)) {
    if (isWordChar(text, at - 1)) continue;
    let cursor = at;
    const matched = words.every((word, i) => {
      if (i > 0) {
        const gap = cursor;
        while (cursor < end && !isWordChar(text, cursor)) cursor += 1;
        if (cursor === gap) return false;
      }
      if (!text.startsWith(word, cursor)) return false;
      cursor += word.length;
      return !isWordChar(text, cursor);
    });
    if (matched) return at;
  }
  return undefined;
}
