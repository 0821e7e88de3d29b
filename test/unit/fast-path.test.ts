import { describe, expect, it } from 'vitest';
import { fastCheck, fullCheck } from '../../src/ladder/check.js';
import { shippedText, tiny } from '../helpers/ladders.js';

/** mulberry32, so every run tries the same mutations. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [':', ' ', '  ', '\t', '-', '"', "'", '#', '\n', '{', '[', ']', '}', ',', '|', '>', '?', '%', '@', '`', 'null', '~', '0x1', 'yes'];

/** Small edits of the kind a hand-edited file gets: a character changed, a line dropped, doubled or re-indented. */
function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  const line = lines[at] ?? '';
  const column = Math.floor(next() * (line.length + 1));
  const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '';
  switch (Math.floor(next() * 5)) {
    case 0:
      lines[at] = line.slice(0, column) + snippet + line.slice(column + 1);
      break;
    case 1:
      lines[at] = line.slice(0, column) + snippet + line.slice(column);
      break;
    case 2:
      lines.splice(at, 1);
      break;
    case 3:
      lines.splice(at, 0, line);
      break;
    default:
      lines[at] = next() < 0.5 ? `  ${line}` : line.replace(/^ {2}/, '');
  }
  return lines.join('\n');
}

describe('the fast path', () => {
  it('accepts the shipped ladder with the same result as the path that keeps positions', () => {
    const source = { name: 'ladder.yaml', text: shippedText };
    expect(fastCheck(source)).toEqual(fullCheck(source));
  });

  it.each([
    ['the shipped ladder', shippedText, 300],
    ['a small two-track ladder', tiny(), 40],
  ])('never accepts a mutation of %s that the positions path rejects or reads differently', (_, original, minimumAccepted) => {
    const next = random(original.length);
    let accepted = 0;
    for (let i = 0; i < 1000; i += 1) {
      let text = original;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits -= 1) text = mutate(text, next);
      const source = { name: 'mutated.yaml', text };
      const fast = fastCheck(source);
      if (!fast) continue;
      accepted += 1;
      expect(fullCheck(source), text).toEqual(fast);
    }
    // Enough mutations stay valid for the comparison to mean something.
    expect(accepted).toBeGreaterThanOrEqual(minimumAccepted);
  });

  it('leaves anchors, aliases and tags to the parser that limits alias expansion', () => {
    expect(fastCheck({ name: 'x.yaml', text: `${shippedText}\nx: &a [1]\n` })).toBeUndefined();
    expect(fastCheck({ name: 'x.yaml', text: shippedText.replace('name: Operations', 'name: !!str Operations') })).toBeUndefined();
  });
});
