import { describe, expect, it } from 'vitest';
import { diffLevels, pairClauses } from '../../src/query/diff.js';
import { similarity } from '../../src/query/pairing.js';
import type { Level } from '../../src/model/model.js';
import { shipped } from '../helpers/ladders.js';

const ladder = shipped();
const level = (id: string): Level => {
  const found = ladder.levelById.get(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
};

describe('clause pairing', () => {
  it('pairs similar clauses, keeps reading order, and marks the rest added or removed', () => {
    const { changes } = pairClauses(['a b c d', 'x y z', 'p q r s'], ['a b c e', 'new clause here', 'p q r s']);
    expect(changes.map((change) => change.kind)).toEqual(['changed', 'removed', 'added', 'unchanged']);
  });

  it('diffs the words inside a changed clause', () => {
    const [change] = pairClauses(['participate in an on-call rotation.'], ['participates in an on-call rotation.']).changes;
    expect(change).toMatchObject({ kind: 'changed', from: 'participate in an on-call rotation.', to: 'participates in an on-call rotation.' });
    if (change?.kind !== 'changed') throw new Error('expected a change');
    expect(change.words.filter((part) => part.kind !== 'unchanged')).toEqual([
      { kind: 'removed', text: 'participate' },
      { kind: 'added', text: 'participates' },
    ]);
  });

  it('scores similarity over words, ignoring case and plural s', () => {
    expect(similarity('Participates in On-call', 'participate in on-call')).toBe(1);
    expect(similarity('a b', 'c d')).toBe(0);
    expect(similarity('a b c d', 'a b c e')).toBe(0.75);
  });
});

describe('level diff', () => {
  it('shows what changes from engineer to lead, clause by clause', () => {
    const diff = diffLevels(ladder, level('engineer'), level('lead'));
    expect(diff.from.id).toBe('engineer');
    expect(diff.to.equivalent?.id).toBe('manager');
    const domain = diff.sections[0];
    expect(domain?.name).toBe('Domain Knowledge');
    expect(domain?.clauses.map((clause) => clause.kind)).toEqual(['changed', 'removed', 'added', 'added', 'changed', 'changed', 'changed']);
    expect(domain?.clauses[0]).toMatchObject({ from: 'Mid-to-high level Linux system administration', to: 'High level Linux system administration' });
    expect(diff.summary).toEqual({ sections: 4, added: 9, removed: 10, changed: 4, unchanged: 0 });
  });

  it('is empty between a level and itself', () => {
    const diff = diffLevels(ladder, level('principal'), level('principal'));
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 17 });
    expect(diff.sections.every((section) => section.kind === 'unchanged')).toBe(true);
  });

  it('mirrors when the direction is reversed', () => {
    const forward = diffLevels(ladder, level('engineer'), level('lead'));
    const backward = diffLevels(ladder, level('lead'), level('engineer'));
    expect(backward.summary).toEqual({ ...forward.summary, added: forward.summary.removed, removed: forward.summary.added });
  });

  it('works across tracks: axes on one side only are wholly added or removed', () => {
    const diff = diffLevels(ladder, level('lead'), level('manager'));
    const status = Object.fromEntries(diff.sections.map((section) => [section.name, section.kind]));
    expect(status).toEqual({
      'Domain Knowledge': 'removed',
      'Teaching and Mentoring': 'removed',
      'Culture and Leadership': 'removed',
      'Customer Success': 'changed',
      'Scope and Impact': 'added',
      'Team Development': 'added',
    });
    const added = diff.sections.find((section) => section.name === 'Scope and Impact');
    expect(added?.clauses.every((clause) => clause.kind === 'added')).toBe(true);
  });

  it('compares free-text descriptions sentence by sentence', () => {
    const diff = diffLevels(ladder, level('distinguished'), level('fellow'));
    expect(diff.sections[0]).toMatchObject({ name: 'Description', kind: 'added' });
    expect(diff.sections[0]?.clauses).toHaveLength(2);
  });
});
