import { describe, expect, it } from 'vitest';
import { equivalentOf } from '../../src/query/views.js';
import type { Level } from '../../src/model/model.js';
import { check } from '../helpers/ladders.js';

/** Tracks `a`, `b` and `c`, and a `Deputies` track with no peers: `a1` names its peers on `c` and `b`. */
function peersOnThreeTracks(label?: string) {
  const track = (id: string, name: string, equivalent?: string) =>
    `  - id: ${id}\n    name: ${name}\n${label ? `    equivalentLabel: ${label}\n` : ''}    levels:\n      - id: ${id}1\n        title: First ${id}\n${equivalent ? `        equivalent: ${equivalent}\n` : ''}        axes:\n          Craft: does the ${id} work\n`;
  const { ladder, diagnostics } = check(`tracks:\n${track('a', 'Apples', '[c1, b1]')}${track('b', 'Bananas')}${track('c', 'Cherries')}${track('d', 'Deputies')}`);
  if (!ladder) throw new Error(JSON.stringify(diagnostics));
  return { ladder, level: (id: string) => ladder.levelById.get(id) as Level };
}

describe('the equivalent a level shows beside its peers', () => {
  it('is, under a label that names no track, the first peer the level names itself, else the first peer', () => {
    const { ladder, level } = peersOnThreeTracks();
    expect(equivalentOf(ladder, level('a1'))?.id).toBe('c1');
    expect(equivalentOf(ladder, level('b1'))?.id).toBe('a1');
  });

  it('is none under a label that names a track where the level has no peer', () => {
    const { ladder, level } = peersOnThreeTracks('Deputy Equivalent');
    expect(equivalentOf(ladder, level('a1'))).toBeUndefined();
  });
});
