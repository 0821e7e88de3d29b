// Writes deterministic ladders of a given size for the benchmark: several tracks, four axes per
// level, clause and text lengths like the shipped ladder's (about 700 bytes of text per level).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WORDS = ('able accurate across adapts advice align analysis architecture assess automation build capacity clear code coach colleagues '
  + 'communicates complex confident consistent contributes critical culture customer debugging decisions define delivers design '
  + 'develops documents domain drives effective engineering ensures estimates evolves expert feedback focus goals guides hiring '
  + 'impact improves incident influence initiatives knowledge leads learning maintains mentors monitoring multiple needs operations '
  + 'organization owns partners patterns performance planning platform practices priorities process product projects quality '
  + 'reliability requirements reviews risk roadmap scope security services shares solutions stack standards strategy supports '
  + 'systems teams technical testing tools troubleshooting understands value').split(' ');
const AXES = ['Domain Knowledge', 'Teaching and Mentoring', 'Culture and Leadership', 'Customer Success'];
const TRACKS = ['Engineering', 'Management', 'Product', 'Design'];

/** mulberry32: a small seeded generator, so the same size always gives the same file. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quote(text) {
  return JSON.stringify(text);
}

/** Levels are spread evenly over the tracks; level n of the first two tracks are equivalents. */
export function generateLadder(levelCount) {
  const next = random(levelCount);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const clause = () => Array.from({ length: 4 + Math.floor(next() * 5) }, () => pick(WORDS)).join(' ');
  const text = () => Array.from({ length: 2 + Math.floor(next() * 2) }, clause).join('; ');
  const perTrack = Math.ceil(levelCount / TRACKS.length);
  const lines = ['# yaml-language-server: $schema=../../schema/ladder.schema.json', `name: Benchmark ladder of ${levelCount} levels`, 'tracks:'];
  let written = 0;
  TRACKS.forEach((track, t) => {
    const count = Math.min(perTrack, levelCount - written);
    if (count <= 0) return;
    lines.push(`  - id: ${track.toLowerCase()}`, `    name: ${track}`, `    description: ${quote(text())}`, '    levels:');
    for (let n = 1; n <= count; n += 1) {
      lines.push(`      - id: ${track.toLowerCase()}-${n}`, `        title: ${track} Level ${n}`);
      if (t < 2 && n <= Math.min(perTrack, levelCount - perTrack)) lines.push(`        equivalent: ${TRACKS[1 - t].toLowerCase()}-${n}`);
      lines.push('        axes:');
      for (const axis of AXES) lines.push(`          ${axis}: ${quote(text())}`);
    }
    written += count;
  });
  return `${lines.join('\n')}\n`;
}

/** The id and track position of a level in the middle of the last track, for lookups. */
export function middleLevel(levelCount) {
  const perTrack = Math.ceil(levelCount / TRACKS.length);
  const lastTrack = Math.ceil(levelCount / perTrack) - 1;
  const count = levelCount - perTrack * lastTrack;
  const n = Math.ceil(count / 2);
  return { id: `${TRACKS[lastTrack].toLowerCase()}-${n}`, track: lastTrack, index: n - 1 };
}

/** Two levels of `clauseCount` clauses each, every clause its own (a number in it), for timing `diff a b`. */
export function writeClauseLevels(clauseCount, path) {
  const next = random(clauseCount);
  const clauses = (offset) => Array.from({ length: clauseCount }, (_, i) => `${Array.from({ length: 8 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')} ${offset + i}`).join('; ');
  const level = (id, offset) => [`      - id: ${id}`, `        title: ${id.toUpperCase()}`, '        axes:', `          Craft: ${quote(clauses(offset))}`];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${['tracks:', '  - id: t', '    name: T', '    levels:', ...level('a', 0), ...level('b', clauseCount / 2)].join('\n')}\n`);
  return path;
}

/** A ladder of `levelCount` levels and the same ladder with every level renamed, for timing `changes`. */
export function writeRenamedPair(levelCount, directory) {
  const ladder = (suffix) => ['tracks:', '  - id: t', '    name: T', '    levels:', ...Array.from({ length: levelCount }, (_, i) => [`      - id: l${i}${suffix ? '-r' : ''}`, `        title: Level ${i} ${WORDS[i % WORDS.length]}${suffix}`, '        axes:', '          Craft: one']).flat()].join('\n');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'old.yaml'), `${ladder('')}\n`);
  writeFileSync(join(directory, 'new.yaml'), `${ladder(' renamed')}\n`);
  return { old: join(directory, 'old.yaml'), new: join(directory, 'new.yaml') };
}

export function writeLadder(levelCount, path) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateLadder(levelCount));
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '1000', out = `bench/.out/ladder-${count}.yaml`] = process.argv.slice(2);
  console.log(writeLadder(Number(count), out));
}

/**
 * An organisation kept as a folder: `fileCount` discipline files, each with one track of its own
 * and a copy of the shared managers track, on one grade scale, `levelCount` levels in all. Levels
 * on a grade are peers across every track; `levelId` names one in the middle of the last file.
 */
export function writeOrganisation(fileCount, levelCount, directory) {
  const next = random(levelCount + fileCount);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const clause = () => Array.from({ length: 4 + Math.floor(next() * 5) }, () => pick(WORDS)).join(' ');
  const text = () => Array.from({ length: 2 + Math.floor(next() * 2) }, clause).join('; ');
  const managers = Math.min(100, Math.floor(levelCount / 10));
  const perFile = Math.floor((levelCount - managers) / fileCount);
  const grades = Array.from({ length: perFile }, (_, g) => `G${g + 1}`);
  // The managers' levels sit on every few grades, so every manager has a peer in each discipline.
  const step = Math.max(1, Math.floor(perFile / managers));
  const managerLines = ['  - id: managers', '    name: Managers', '    levels:'];
  for (let m = 1; m <= managers; m += 1) {
    managerLines.push(`      - id: manager-${m}`, `        title: Manager ${m}`, `        grade: G${Math.min(perFile, m * step)}`, '        axes:');
    for (const axis of AXES) managerLines.push(`          ${axis}: ${quote(text())}`);
  }
  mkdirSync(directory, { recursive: true });
  // The file's number has a fixed width: ids compare without hyphens, and `d1-11` would be `d11-1`.
  const number = (f) => String(f).padStart(Math.max(2, String(fileCount).length), '0');
  for (let f = 1; f <= fileCount; f += 1) {
    const lines = ['name: Benchmark organisation', `grades: [${grades.join(', ')}]`, 'tracks:', `  - id: discipline-${f}`, `    name: Discipline ${f}`, '    levels:'];
    for (let n = 1; n <= perFile; n += 1) {
      lines.push(`      - id: d${number(f)}-${n}`, `        title: Discipline ${f} Level ${n}`, `        grade: G${n}`, '        axes:');
      for (const axis of AXES) lines.push(`          ${axis}: ${quote(text())}`);
    }
    writeFileSync(join(directory, `discipline-${number(f)}.yaml`), `${[...lines, ...managerLines].join('\n')}\n`);
  }
  return { directory, levels: fileCount * perFile + managers, levelId: `d${number(fileCount)}-${Math.ceil(perFile / 2)}`, lastFile: join(directory, `discipline-${number(fileCount)}.yaml`) };
}
