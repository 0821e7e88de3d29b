import { spreadsheetCases } from './spreadsheet-cases.js';

/**
 * Files built to hurt, each with the exit code it must end in. `scale` 1 gives the sizes the
 * hostile-files issue measured (for `npm run stress`); `npm test` runs them smaller.
 */
export interface HostileCase {
  name: string;
  /** Files to write into a fresh folder (the command runs there). */
  files: Record<string, string | Uint8Array>;
  /** The command line; `{dir}` stands for the folder. */
  args: string[];
  /** Run in a pseudo-terminal (where text is wrapped). */
  terminal?: boolean;
  status: number;
  /** Seconds the case may take at full size. */
  seconds: number;
}

const WORDS = 'able accurate across adapts advice align analysis architecture assess automation build capacity clear code coach colleagues communicates complex confident consistent contributes critical culture customer debugging decisions define delivers design develops documents domain drives effective'.split(' ');

/** A deterministic sequence of words, so every run builds the same files. */
function words(count: number, seed: number): string[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return WORDS[state % WORDS.length] as string;
  });
}

const q = JSON.stringify;

function ladder(levels: { id: string; title: string; equivalent?: string; axes: Record<string, string> }[], extra = ''): string {
  const lines = [`${extra}tracks:`, '  - id: t', '    name: T', '    levels:'];
  for (const level of levels) {
    lines.push(`      - id: ${level.id}`, `        title: ${q(level.title)}`);
    if (level.equivalent) lines.push(`        equivalent: ${level.equivalent}`);
    lines.push('        axes:', ...Object.entries(level.axes).map(([name, text]) => `          ${q(name)}: ${q(text)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** `count` tracks of one level each, all on one grade (so all peers), or with no grades (none). */
function manyTracks(count: number, graded: boolean): string {
  const lines = [...(graded ? ['grades: [G1]'] : []), 'tracks:'];
  // Each track's label names every track ("Track"), so finding the labelled peer cannot stop early.
  for (let t = 0; t < count; t += 1) lines.push(`  - id: t${t}`, `    name: Track ${t}`, '    equivalentLabel: Track Equivalent', '    levels:', `      - { id: l${t}x, title: Level, ${graded ? 'grade: G1, ' : ''}axes: { A: x } }`);
  return `${lines.join('\n')}\n`;
}

const clauses = (count: number, seed: number) => Array.from({ length: count }, (_, i) => `${words(8, seed + i).join(' ')} ${seed + i}`).join('; ');

export function hostileCases(scale: number): HostileCase[] {
  const n = (full: number) => Math.max(2, Math.round(full * scale));
  // Long enough at any scale that 999 aliases of it pass the 16 MiB limit on expansion.
  const bigString = 'x'.repeat(Math.max(20_000, n(1_400_000)));
  const bomb = `${['tracks:', '  - id: t', '    name: T', '    levels:', '      - id: a', `        title: &big ${q(bigString)}`, '        axes:'].join('\n')}\n${Array.from({ length: 999 }, (_, i) => `          A${i}: *big`).join('\n')}\n`;
  const renamed = (suffix: string) => ladder(Array.from({ length: n(4000) }, (_, i) => ({ id: `l${i}${suffix ? '-r' : ''}`, title: `Level ${i} ${words(3, i).join(' ')}${suffix}`, axes: { Craft: 'one' } })));
  const shuffledWords = Array.from({ length: n(10_000) }, (_, i) => `${WORDS[i % WORDS.length]}${i}`);
  const shuffled = [...shuffledWords].sort((a, b) => (a.length * 7919 + a.charCodeAt(0)) % 101 - (b.length * 7919 + b.charCodeAt(0)) % 101 || (a < b ? 1 : -1));
  return [
    ...['list', 'search', 'export'].map((command) => ({
      name: `alias expansion past the limit: ${command}`,
      files: { 'ladder.yaml': bomb },
      args: command === 'search' ? ['search', 'x'] : command === 'export' ? ['export', '--format', 'csv'] : [command],
      status: 3,
      seconds: 2,
    })),
    {
      name: 'diff of two levels of 4,000 clauses',
      files: { 'ladder.yaml': ladder([{ id: 'a', title: 'A', axes: { Craft: clauses(n(4000), 1) } }, { id: 'b', title: 'B', axes: { Craft: clauses(n(4000), 2) } }]) },
      args: ['diff', 'a', 'b'],
      status: 0,
      seconds: 2,
    },
    {
      name: 'word diff of 10,000 words, shuffled',
      files: { 'ladder.yaml': ladder([{ id: 'a', title: 'A', axes: { Craft: shuffledWords.join(' ') } }, { id: 'b', title: 'B', axes: { Craft: shuffled.join(' ') } }]) },
      args: ['diff', 'a', 'b'],
      status: 0,
      seconds: 2,
    },
    {
      name: 'changes between two files of 4,000 renamed levels',
      files: { 'old.yaml': renamed(''), 'new.yaml': renamed(' renamed') },
      args: ['changes', 'old.yaml', 'new.yaml'],
      status: 0,
      seconds: 2,
    },
    {
      name: '10,000 dangling equivalents',
      files: { 'ladder.yaml': ladder(Array.from({ length: n(10_000) }, (_, i) => ({ id: `l${i}`, title: `Level ${i}`, equivalent: `missing-${i}`, axes: { Craft: 'one' } }))) },
      args: ['validate'],
      status: 3,
      seconds: 2,
    },
    {
      name: 'validate of 20,000 distinct axis names',
      files: { 'ladder.yaml': ladder([{ id: 'a', title: 'A', axes: Object.fromEntries(Array.from({ length: n(20_000) }, (_, i) => [`Axis ${words(2, i).join(' ')} ${i}`, 'text'])) }]) },
      args: ['validate'],
      status: 0,
      seconds: 2,
    },
    {
      name: 'HTML export of 10,000 levels, each with its own axis',
      files: { 'ladder.yaml': ladder(Array.from({ length: n(10_000) }, (_, i) => ({ id: `l${i}`, title: `Level ${i}`, axes: { [`Axis ${i}`]: 'one; two' } }))) },
      args: ['export', '--format', 'html'],
      status: 0,
      seconds: 2,
    },
    {
      name: 'a 16 MiB ladder with one error',
      files: { 'ladder.yaml': ladder(Array.from({ length: n(16_500) }, (_, i) => ({ id: `l${i}`, title: `Level ${i}`, axes: { Craft: clauses(6, i), Care: clauses(6, i + 7) } })), 'nmae: typo\n') },
      args: ['validate'],
      status: 3,
      seconds: 5,
    },
    {
      name: 'one clause of 1.8 MB in a terminal',
      files: { 'ladder.yaml': ladder([{ id: 'a', title: 'A', axes: { Craft: words(n(300_000), 3).join(' ') } }]) },
      args: ['show', 'a'],
      terminal: true,
      status: 0,
      seconds: 2,
    },
    {
      name: 'a ladder read from /dev/zero',
      files: {},
      args: ['-f', '/dev/zero', 'list'],
      status: 3,
      seconds: 2,
    },
    // An organisation of thousands of tracks: one grade makes them one group of peers, and tracks
    // that never meet would make a grid of millions of empty cells.
    {
      name: 'thousands of tracks on one grade: a level and its thousands of peers',
      files: { 'ladder.yaml': manyTracks(n(3000), true) },
      args: ['equiv', 'l5x', '--format', 'tsv'],
      status: 0,
      seconds: 3,
    },
    ...[['list'], ['changes', 'ladder.yaml', 'ladder.yaml']].map((args) => ({
      name: `thousands of tracks on one grade: ${args[0]}`,
      files: { 'ladder.yaml': manyTracks(n(3000), true) },
      args,
      status: 0,
      seconds: 3,
    })),
    {
      name: 'thousands of tracks that never meet: the grid is refused',
      files: { 'ladder.yaml': manyTracks(Math.max(1001, n(3000)), false) },
      args: ['equiv', '--json'],
      status: 2,
      seconds: 3,
    },
    {
      // Every file a copy of the first, ids and all: each level is a problem placed in two files.
      name: 'a folder of 40 copies of one discipline file',
      files: Object.fromEntries(
        Array.from({ length: 40 }, (_, f) => [`ladders/d${String(f).padStart(2, '0')}.yaml`, ladder(Array.from({ length: n(500) }, (_, i) => ({ id: `l${i}`, title: `Level ${i}`, axes: { Craft: clauses(3, i), Care: clauses(3, i + 1) } })), '').replace('- id: t\n    name: T', `- id: t${f}\n    name: T${f}`)]),
      ),
      args: ['validate', 'ladders'],
      status: 3,
      seconds: 5,
    },
    {
      name: 'a folder of thousands of one-level files',
      files: Object.fromEntries(Array.from({ length: n(2000) }, (_, f) => [`ladders/f${f}.yaml`, `tracks:\n  - id: t${f}\n    name: T${f}\n    levels:\n      - { id: a${f}x, title: A, axes: { A: x } }\n`])),
      args: ['validate', 'ladders'],
      status: 0,
      seconds: 3,
    },
    ...spreadsheetCases(scale),
  ];
}
