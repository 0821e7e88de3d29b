import { describe, expect, it } from 'vitest';
import { equivalenceGrid, equivalenceOf, labelledPeer } from '../../src/query/equiv.js';
import { shipped } from '../helpers/ladders.js';

const ladder = shipped();
const row = (id: string) => {
  const level = ladder.levelById.get(id);
  if (!level) throw new Error(`no level ${id}`);
  return equivalenceOf(ladder, level);
};

describe('equivalence', () => {
  it('maps each level to its peer on the other track', () => {
    expect(labelledPeer(row('director'))?.title).toBe('Distinguished Operations Engineer');
    expect(labelledPeer(row('lead'))?.title).toBe('Manager');
    expect(row('lead').equivalentLabel).toBe('Management Equivalent');
    expect(row('manager').equivalentLabel).toBe('Engineer Equivalent');
  });

  it('says when there is none', () => {
    expect(labelledPeer(row('admin'))).toBeNull();
    expect(labelledPeer(row('svp'))).toBeNull();
  });

  it('is symmetric', () => {
    for (const level of ladder.levels) {
      const entry = row(level.id);
      const peer = labelledPeer(entry);
      if (peer) expect(labelledPeer(row(peer.id))?.id).toBe(entry.level.id);
    }
  });

  it('puts every level in the grid once, lowest first, with gaps where a track has none', () => {
    const grid = equivalenceGrid(ladder);
    expect(grid.tracks.map((track) => track.id)).toEqual(['ic', 'management']);
    expect(grid.rows.map((r) => r.levels.map((level) => level?.id ?? null))).toEqual([
      ['admin', null],
      ['engineer', null],
      ['lead', 'manager'],
      ['principal', 'senior-manager'],
      ['distinguished', 'director'],
      ['fellow', 'vp'],
      [null, 'svp'],
    ]);
  });
});
