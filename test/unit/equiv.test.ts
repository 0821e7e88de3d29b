import { describe, expect, it } from 'vitest';
import { equivalenceOf, equivalenceTable } from '../../src/query/equiv.js';
import { shipped } from '../helpers/ladders.js';

const ladder = shipped();
const row = (id: string) => {
  const level = ladder.levelById.get(id);
  if (!level) throw new Error(`no level ${id}`);
  return equivalenceOf(ladder, level);
};

describe('equivalence', () => {
  it('maps each level to its peer on the other track', () => {
    expect(row('director').equivalent?.title).toBe('Distinguished Operations Engineer');
    expect(row('lead').equivalent?.title).toBe('Manager');
    expect(row('lead').equivalentLabel).toBe('Management Equivalent');
    expect(row('manager').equivalentLabel).toBe('Engineer Equivalent');
  });

  it('says when there is none', () => {
    expect(row('admin').equivalent).toBeNull();
    expect(row('svp').equivalent).toBeNull();
  });

  it('is symmetric', () => {
    for (const entry of equivalenceTable(ladder)) {
      if (entry.equivalent) expect(row(entry.equivalent.id).equivalent?.id).toBe(entry.level.id);
    }
  });

  it('lists every level in the table, n/a rows included', () => {
    const table = equivalenceTable(ladder);
    expect(table).toHaveLength(11);
    expect(table.filter((entry) => entry.equivalent === null).map((entry) => entry.level.id)).toEqual(['admin', 'engineer', 'svp']);
  });
});
