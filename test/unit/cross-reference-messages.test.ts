import { describe, expect, it } from 'vitest';
import { checkCrossReferences } from '../../src/check/crossref.js';
import type { RawLadder } from '../../src/model/model.js';
import { readMarkdown } from '../../src/read/markdown/read-markdown.js';

/**
 * Every message the cross-reference checks and the Markdown reader give about equivalents and
 * peers, over every way three small tracks can name each other, must tell its levels apart: a
 * message such as "X is the equivalent of Y but names Y" names one level twice and says nothing.
 */

/**
 * The claims a message states, "`A` names `B`" (or "is the equivalent of `B` but names `C`"), as
 * [A, B] pairs of the names it quotes, track ids left out.
 */
function claimsIn(message: string, trackIds: Set<string>): [string, string][] {
  const names = [...message.matchAll(/`([^`]+)`/g)].map((match) => ({ name: match[1] as string, at: match.index })).filter(({ name }) => !trackIds.has(name));
  const pairs: [string, string][] = [];
  names.forEach((current, i) => {
    const next = names[i + 1];
    if (next && / names | is the equivalent of | but names /.test(message.slice(current.at + current.name.length + 2, next.at))) pairs.push([current.name, next.name]);
  });
  return pairs;
}

/** A message fails when a claim it states names its own level, or when it contradicts a claim with the same claim. */
function expectDistinct(messages: string[], trackIds: Set<string>): void {
  const repeating = messages.filter((message) => {
    const pairs = claimsIn(message, trackIds);
    return pairs.some(([a, b]) => a === b) || new Set(pairs.map((pair) => pair.join('→'))).size !== pairs.length;
  });
  expect(repeating).toEqual([]);
}

/** Three tracks of three levels; `claims` gives some levels their equivalents. */
function yamlLadder(claims: Map<string, string | string[]>): RawLadder {
  const track = (id: string, titles: string[]) => ({
    id,
    name: id.toUpperCase(),
    levels: titles.map((title) => {
      const levelId = `${id}-${title.toLowerCase()}`;
      const equivalent = claims.get(levelId);
      return { id: levelId, title, ...(equivalent !== undefined ? { equivalent } : {}), axes: { Craft: 'does the work' } };
    }),
  });
  return { tracks: [track('eng', ['Junior', 'Senior', 'Staff']), track('ops', ['Junior', 'Senior', 'Staff']), track('mgr', ['Lead', 'Manager', 'Director'])] } as RawLadder;
}

const ids = ['eng-junior', 'eng-senior', 'eng-staff', 'ops-junior', 'ops-senior', 'ops-staff', 'mgr-lead', 'mgr-manager', 'mgr-director'];

describe('cross-reference messages name two different levels', () => {
  it('the test tells such a message from a sound one', () => {
    expect(claimsIn('`Lead Engineer` is the equivalent of `Manager` but names `Manager`', new Set())).toContainEqual(['Manager', 'Manager']);
    expect(claimsIn('`eng:senior` names `mgr:lead` as its equivalent, but `mgr:lead` names `eng:junior` (line 9)', new Set(['eng', 'mgr']))).toEqual([
      ['eng:senior', 'mgr:lead'],
      ['mgr:lead', 'eng:junior'],
    ]);
  });

  it('in YAML, for every pair of one-sided and crossing equivalents', () => {
    const messages: string[] = [];
    const targets = [...ids, 'nowhere'];
    // Each level names each target, alone and alongside a second claim from a level of another track.
    for (const from of ids) {
      for (const to of targets) {
        for (const second of ids) {
          for (const secondTo of targets) {
            if (second === from) continue;
            const claims = new Map<string, string | string[]>([
              [from, to],
              [second, secondTo],
            ]);
            messages.push(...checkCrossReferences(yamlLadder(claims), 'org.yaml').map((problem) => problem.message));
          }
        }
      }
      messages.push(...checkCrossReferences(yamlLadder(new Map([[from, targets.slice(0, 4)]])), 'org.yaml').map((problem) => problem.message));
    }
    expect(messages.some((message) => message.includes('names'))).toBe(true);
    expectDistinct(messages, new Set(['eng', 'ops', 'mgr']));
  });

  it('in Markdown, for claims made from either side, in two files, with the managers section copied into both', () => {
    const messages: string[] = [];
    const titles = { eng: ['Junior Engineer', 'Senior Engineer', 'Staff Engineer'], ops: ['Junior Operator', 'Senior Operator', 'Staff Operator'] };
    const managers = ['Lead', 'Manager', 'Director'];
    const file = (discipline: 'eng' | 'ops', own: Map<string, string>, managersClaim: Map<string, string>) =>
      [
        '# Individual Contributors',
        ...titles[discipline].flatMap((title) => ['', `## ${title}`, '', ...(own.has(title) ? [`**Management Equivalent**: ${own.get(title)}`, ''] : []), '### Craft', '', `${title} work.`]),
        '',
        '# Managers',
        ...managers.flatMap((title) => ['', `## ${title}`, '', ...(managersClaim.has(title) ? [`**Engineer Equivalent**: ${managersClaim.get(title)}`, ''] : []), '### Team', '', `${title} care.`]),
        '',
      ].join('\n');
    for (const icTitle of [...titles.eng, ...titles.ops]) {
      for (const manager of managers) {
        for (const claimed of [...titles.eng, ...titles.ops]) {
          const engClaims = new Map(titles.eng.includes(icTitle) ? [[icTitle, manager]] : []);
          const opsClaims = new Map(titles.ops.includes(icTitle) ? [[icTitle, manager]] : []);
          const result = readMarkdown([
            { name: 'eng.md', text: file('eng', engClaims, new Map([[manager, claimed]])) },
            { name: 'ops.md', text: file('ops', opsClaims, new Map()) },
          ]);
          messages.push(...result.errors.map((problem) => problem.message));
        }
      }
    }
    expect(messages.some((message) => message.includes('two peers'))).toBe(true);
    expectDistinct(messages, new Set(['eng', 'ops', 'managers']));
  });
});
