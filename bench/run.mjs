// `npm run bench`: times ladder against a baseline measured in the same run, in interleaved pairs
// (A B A B …, after a warm-up), and reports the median of the per-pair ratios with each target.
// BENCH_PAIRS sets the number of pairs (default 15, at least 10); BENCH_ONLY=text runs only the rows
// whose name contains that text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { middleLevel, writeClauseLevels, writeLadder, writeOrganisation, writeRenamedPair } from './generate.mjs';
import { growShipped } from './grow.mjs';
import { pageBench } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ladder.js');
const pairs = Math.max(10, Number(process.env.BENCH_PAIRS ?? 15));

function ensureProgram(program, debianPackage) {
  if (spawnSync('sh', ['-c', `command -v ${program}`]).status === 0) return;
  console.error(`bench: installing ${debianPackage} from Debian for the baseline`);
  const install = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${debianPackage}`], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`bench needs ${program}; install the Debian package ${debianPackage}`);
}

/**
 * A command to time: `env` is made fresh for every run, so a run can have an empty cache, and
 * `prepare` runs before each run, untimed (to edit a file the run then reads).
 */
function command(label, file, args, env = () => ({}), prepare = () => {}, status = 0) {
  return { label, file, args, env, prepare, status };
}

function timeOnce({ file, args, env, prepare, status }) {
  prepare();
  const environment = { ...process.env, ...env() };
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd: root, env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== status) throw new Error(`${file} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function compare(subject, baseline) {
  timeOnce(subject);
  timeOnce(baseline);
  const ratios = [];
  const subjectTimes = [];
  const baselineTimes = [];
  for (let i = 0; i < pairs; i += 1) {
    const a = timeOnce(subject);
    const b = timeOnce(baseline);
    subjectTimes.push(a);
    baselineTimes.push(b);
    ratios.push(a / b);
  }
  return { ratio: median(ratios), subject: median(subjectTimes), baseline: median(baselineTimes) };
}

/** Peak resident memory of a command in MiB, the largest of three runs, measured by GNU time. */
function peakMemory({ file, args, env }) {
  let peak = 0;
  for (let i = 0; i < 3; i += 1) {
    const result = spawnSync('/usr/bin/time', ['-f', '%M', file, ...args], { cwd: root, env: { ...process.env, ...env() }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    peak = Math.max(peak, Number(result.stderr.trim().split('\n').pop()) / 1024);
  }
  return peak;
}

ensureProgram('yq', 'yq');
ensureProgram('pandoc', 'pandoc');
ensureProgram('/usr/bin/time', 'time');

const work = mkdtempSync(join(tmpdir(), 'ladder-bench-'));
const warmCache = join(work, 'cache');
const warm = () => ({ XDG_CACHE_HOME: warmCache, LADDER_NO_CACHE: '' });
let coldRuns = 0;
const cold = () => ({ XDG_CACHE_HOME: join(work, `cold-${(coldRuns += 1)}`), LADDER_NO_CACHE: '' });

const node = (...args) => command(`node ${args.join(' ')}`, process.execPath, args);
// Labels name generated files by their base name: the folder is a temporary one.
const ladder = (args, env = warm) => command(`ladder ${args.map((arg) => (arg.startsWith(work) ? basename(arg) : arg)).join(' ')}`, process.execPath, [bin, ...args], env);
const sized = (levels) => {
  const file = writeLadder(levels, join(work, `ladder-${levels}.yaml`));
  const { id, track, index } = middleLevel(levels);
  return { file, id, yq: command(`yq '.tracks[${track}].levels[${index}].title'`, 'yq', [`.tracks[${track}].levels[${index}].title`, file]) };
};
/** The shipped ladder grown to `levels` levels, exported to Markdown by ladder itself. */
const grownMarkdown = (levels) => {
  const yaml = join(work, `grown-${levels}.yaml`);
  writeFileSync(yaml, growShipped(levels));
  const md = join(work, `grown-${levels}.md`);
  const exported = spawnSync(process.execPath, [bin, '-f', yaml, 'export', '--format', 'md', '-o', md], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (exported.status !== 0) throw new Error(`export of the grown ladder failed: ${exported.stderr}`);
  return md;
};
const shippedMarkdown = join(work, 'ladder.md');
writeFileSync(shippedMarkdown, spawnSync(process.execPath, [bin, 'export', '--format', 'md'], { encoding: 'utf8' }).stdout);
const grown1k = grownMarkdown(1000);
const grown10k = grownMarkdown(10000);
const importOf = (md) => command(`ladder import ${basename(md)}`, process.execPath, [bin, 'import', md], () => ({ LADDER_NO_CACHE: '1' }));
const clauseDiff = (count) => ladder(['-f', writeClauseLevels(count, join(work, `clauses-${count}.yaml`)), 'diff', 'a', 'b'], () => ({ LADDER_NO_CACHE: '1' }));
const renamedChanges = (count) => {
  const pair = writeRenamedPair(count, join(work, `renamed-${count}`));
  return ladder(['changes', pair.old, pair.new], () => ({ LADDER_NO_CACHE: '1' }));
};
// An organisation kept as a folder: 20 files, 10,000 levels in all; yq reads the same files.
const organisation = writeOrganisation(20, 10000, join(work, 'organisation'));
const organisationFiles = readdirSync(organisation.directory).map((name) => join(organisation.directory, name));
const organisationYq = command("yq '.tracks[0].id' (20 files)", 'yq', ['.tracks[0].id', ...organisationFiles]);
let edits = 0;
/** An edit of the last file, made before each run of a row, that must change it. */
const editLastFile = (what, pattern, replacement) => () => {
  const text = readFileSync(organisation.lastFile, 'utf8');
  const edited = text.replace(pattern, replacement((edits += 1)));
  if (edited === text) throw new Error(`bench: no ${what} of ${organisation.levelId} to edit`);
  writeFileSync(organisation.lastFile, edited);
};
// A clause of the level shown reworded: its file's texts change, not its names.
const rewordClause = editLastFile('clause', new RegExp(`(id: ${organisation.levelId}\\n[^]*?Domain Knowledge: ")(revision \\d+; )?`), (n) => `$1revision ${n}; `);
// The level shown renamed: the whole organisation's cross-references are checked again.
const renameLevel = editLastFile('title', new RegExp(`(id: ${organisation.levelId}\\n\\s+title: [^\\n]*?)( revision \\d+)?\\n`), (n) => `$1 revision ${n}\n`);
const small = sized(100);
const large = sized(1000);
const huge = sized(10000);
const bare = node('-e', '0');

const allRows = [
  { name: '`show principal` on the shipped ladder', subject: ladder(['show', 'principal']), baseline: bare, target: 1.25 },
  { name: '`equiv director` on the shipped ladder', subject: ladder(['equiv', 'director']), baseline: bare, target: 1.25 },
  { name: '`list` on the shipped ladder', subject: ladder(['list']), baseline: bare, target: 1.25 },
  { name: '`diff engineer lead`', subject: ladder(['diff', 'engineer', 'lead']), baseline: bare, target: 1.35 },
  { name: '`validate`', subject: ladder(['validate']), baseline: bare, target: 1.45 },
  { name: '`show` on the 100-level ladder', subject: ladder(['-f', small.file, 'show', small.id]), baseline: small.yq },
  { name: '`show` on the 1,000-level ladder', subject: ladder(['-f', large.file, 'show', large.id]), baseline: large.yq, target: 0.8 },
  { name: '`show` on the 10,000-level ladder', subject: ladder(['-f', huge.file, 'show', huge.id]), baseline: huge.yq, target: 0.2 },
  { name: '`validate` on the 10,000-level ladder, first run', subject: ladder(['-f', huge.file, 'validate'], cold), baseline: huge.yq, target: 1.0, memoryTarget: 250 },
  { name: '`diff` of two levels of 4,000 clauses, against 2,000 (linear: 2×)', subject: clauseDiff(4000), baseline: clauseDiff(2000), target: 2.5 },
  { name: '`changes` between two files of 4,000 renamed levels, against 2,000 (linear: 2×)', subject: renamedChanges(4000), baseline: renamedChanges(2000), target: 2.5 },
  { name: '`validate` on a folder of 20 files, 10,000 levels, first run', subject: ladder(['validate', organisation.directory], cold), baseline: organisationYq, target: 1.0 },
  { name: '`show` on that folder, cached', subject: ladder(['-f', organisation.directory, 'show', organisation.levelId]), baseline: organisationYq, target: 0.2 },
  {
    name: '`show` on that folder after a clause in one of its files was reworded',
    subject: command(`ladder -f organisation show ${organisation.levelId} (a clause reworded before each run)`, process.execPath, [bin, '-f', organisation.directory, 'show', organisation.levelId], warm, rewordClause),
    baseline: organisationYq,
    target: 0.3,
  },
  {
    name: '`show` on that folder after a level in one of its files was renamed',
    subject: command(`ladder -f organisation show ${organisation.levelId} (the level renamed before each run)`, process.execPath, [bin, '-f', organisation.directory, 'show', organisation.levelId], warm, renameLevel),
    baseline: organisationYq,
    target: 0.3,
  },
  {
    name: '`assess` of a filled assessment against the shipped ladder',
    // It exits 1, as it should: the assessment has expectations not yet met.
    subject: command('ladder assess filled.yaml', process.execPath, [bin, 'assess', join(root, 'test', 'fixtures', 'assessment', 'filled.yaml')], warm, () => {}, 1),
    baseline: bare,
    target: 1.35,
  },
  { name: '`show principal` on the shipped ladder as Markdown, cached', subject: ladder(['-f', shippedMarkdown, 'show', 'principal']), baseline: bare, target: 1.25 },
  { name: '`import` of the shipped ladder grown to 1,000 levels, as Markdown', subject: importOf(grown1k), baseline: command('pandoc -f markdown -t json', 'pandoc', ['-f', 'markdown', '-t', 'json', grown1k]), target: 0.5 },
  { name: '`import` of the same at 10,000 levels, against 1,000 (linear: 10×)', subject: importOf(grown10k), baseline: importOf(grown1k), target: 12, memoryReport: true },
];

const rows = process.env.BENCH_ONLY ? allRows.filter((row) => row.name.includes(process.env.BENCH_ONLY)) : allRows;
console.log(`ladder benchmark: ${pairs} interleaved pairs per row after a warm-up; ratio = median of per-pair ratios\n`);
console.log('| command | baseline | target | ratio | ladder (median) | baseline (median) | |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
let failures = 0;
try {
  for (const row of rows) {
    const { ratio, subject, baseline } = compare(row.subject, row.baseline);
    // A row without a target is there for reference.
    let target = row.target ? `≤ ${row.target.toFixed(2)}×` : '—';
    let ok = !row.target || ratio <= row.target;
    let measured = `${ratio.toFixed(2)}×`;
    if (row.memoryTarget || row.memoryReport) {
      const peak = peakMemory(row.subject);
      if (row.memoryTarget) target += `, ≤ ${row.memoryTarget} MiB`;
      measured += `, ${peak.toFixed(0)} MiB peak`;
      ok &&= !row.memoryTarget || peak <= row.memoryTarget;
    }
    if (!ok) failures += 1;
    console.log(`| ${row.name} | \`${row.baseline.label}\` | ${target} | ${measured} | ${subject.toFixed(1)} ms | ${baseline.toFixed(1)} ms | ${ok ? 'ok' : 'MISSED'} |`);
  }
  if (!process.env.BENCH_ONLY) {
    const corpus = badCorpus();
    const ok = corpus.slowest.ms < 1000;
    if (!ok) failures += 1;
    console.log(`| bad-input corpus: slowest of ${corpus.count} files (\`${corpus.slowest.name}\`) | — | < 1000 ms | — | ${corpus.slowest.ms.toFixed(1)} ms | — | ${ok ? 'ok' : 'MISSED'} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Each file of test/fixtures/bad, and a 300 MB file, refused by `ladder validate`: the median of three runs each, slowest first. */
function badCorpus() {
  const dir = join(root, 'test', 'fixtures', 'bad');
  const files = readdirSync(dir).filter((name) => name !== 'expected.json').map((name) => join(dir, name));
  const huge = join(mkdtempSync(join(tmpdir(), 'ladder-bench-huge-')), 'huge.yaml');
  writeFileSync(huge, 'tracks:\n');
  truncateSync(huge, 300 * 1024 * 1024);
  files.push(huge);
  let slowest = { name: '', ms: 0 };
  for (const file of files) {
    const times = [0, 1, 2].map(() => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, 'validate', file], { stdio: 'ignore', env: { ...process.env, LADDER_NO_CACHE: '1' } });
      if (result.status !== 3) throw new Error(`${file}: expected exit 3, got ${result.status}`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
    const ms = median(times);
    if (ms > slowest.ms) slowest = { name: basename(file), ms };
  }
  rmSync(dirname(huge), { recursive: true, force: true });
  return { count: files.length, slowest };
}
// The HTML page's size and first render in Chromium (bench/page.mjs): with every row, or with BENCH_ONLY=page.
if (!process.env.BENCH_ONLY || 'page'.includes(process.env.BENCH_ONLY)) failures += await pageBench();
console.log(failures === 0 ? '\nevery row meets its target' : `\n${failures} row(s) missed the target`);
process.exitCode = failures === 0 ? 0 : 1;
