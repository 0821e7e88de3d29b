import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../src/write/export-markdown.js';
import { ladderYaml } from '../../src/write/ladder-yaml.js';
import { prepareMarkdown, readMarkdown } from '../../src/read/markdown/read-markdown.js';

// The HTML reader is loaded on demand; these tests read HTML synchronously.
await prepareMarkdown(['<p>']);
import { fastCheck, fullCheck } from '../../src/check/check.js';
import { diffLevels } from '../../src/query/diff.js';
import type { ClauseChange } from '../../src/query/diff.js';
import { buildLadder } from '../../src/model/model.js';
import { resolveLevel } from '../../src/model/resolve.js';
import { equivalentOf } from '../../src/query/views.js';
import { content } from '../helpers/import.js';
import { check } from '../helpers/ladders.js';
import { ladderArbitrary, RUNS } from './arbitraries.js';

const ladderOf = (data: Parameters<typeof ladderYaml>[0]) => {
  const { ladder, diagnostics } = check(ladderYaml(data, []), 'generated.yaml');
  expect(diagnostics).toEqual([]);
  return ladder as NonNullable<typeof ladder>;
};

describe('properties of any valid ladder', () => {
  it('a generated ladder always validates, on both parsing paths alike', () => {
    fc.assert(
      fc.property(ladderArbitrary, (data) => {
        const text = ladderYaml(data, []);
        const source = { name: 'generated.yaml', text };
        const full = fullCheck(source);
        expect(full.diagnostics).toEqual([]);
        expect(full.data).toEqual(data);
        const fast = fastCheck(source);
        if (fast) expect(fast).toEqual(full);
      }),
      { numRuns: RUNS },
    );
  });

  it('export md then import gives the same ladder (ids aside, which import generates)', () => {
    fc.assert(
      fc.property(ladderArbitrary, (data) => {
        const ladder = buildLadder(data, 'x');
        const imported = readMarkdown([{ name: 'x.md', text: exportMarkdown(ladder) }]);
        expect(imported.errors).toEqual([]);
        const again = buildLadder(imported.data as NonNullable<typeof imported.data>, 'x');
        expect(content(again)).toEqual(content(ladder));
      }),
      { numRuns: RUNS },
    );
  });

  it('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(ladderArbitrary, (data) => {
        const ladder = ladderOf(data);
        for (const level of ladder.levels) {
          const { summary } = diffLevels(ladder, level, level);
          expect([summary.added, summary.removed, summary.changed]).toEqual([0, 0, 0]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('diff(a, b) mirrors diff(b, a)', () => {
    const mirrored = (change: ClauseChange): string => {
      switch (change.kind) {
        case 'added':
          return `removed ${change.text}`;
        case 'removed':
          return `added ${change.text}`;
        case 'changed':
          return `changed ${change.to} -> ${change.from}`;
        case 'unchanged':
          return `unchanged ${change.text}`;
      }
    };
    const plain = (change: ClauseChange): string => (change.kind === 'changed' ? `changed ${change.from} -> ${change.to}` : `${change.kind} ${change.text}`);
    fc.assert(
      fc.property(ladderArbitrary, fc.nat(), fc.nat(), (data, x, y) => {
        const ladder = ladderOf(data);
        const a = ladder.levels[x % ladder.levels.length];
        const b = ladder.levels[y % ladder.levels.length];
        if (!a || !b) return;
        const forward = diffLevels(ladder, a, b);
        const backward = diffLevels(ladder, b, a);
        expect(backward.summary).toEqual({ ...forward.summary, added: forward.summary.removed, removed: forward.summary.added });
        const changes = (diff: typeof forward, describe: (change: ClauseChange) => string) => diff.sections.flatMap((section) => section.clauses.map((change) => `${section.name}: ${describe(change)}`)).sort();
        expect(changes(backward, plain)).toEqual(changes(forward, mirrored));
      }),
      { numRuns: RUNS },
    );
  });

  it('equivalence is symmetric', () => {
    fc.assert(
      fc.property(ladderArbitrary, (data) => {
        const ladder = ladderOf(data);
        for (const level of ladder.levels) {
          const peer = equivalentOf(ladder, level);
          if (peer) expect(equivalentOf(ladder, peer)?.id).toBe(level.id);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every level resolves by its id, its title and each alias', () => {
    fc.assert(
      fc.property(ladderArbitrary, (data) => {
        const ladder = ladderOf(data);
        for (const level of ladder.levels) {
          for (const name of [level.id, level.title, ...level.aliases]) expect(resolveLevel(ladder, name).id).toBe(level.id);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
