// `npm run bench`: times ladder against a baseline measured in the same run, in interleaved pairs
// (A B A B …, after a warm-up), and reports the median of the per-pair ratios with each target.
// BENCH_PAIRS sets the number of pairs (default 15, at least 10); BENCH_ONLY=text runs only the rows
// whose name contains that text, or one of several texts separated by `|`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { middleLevel, writeClauseLevels, writeLadder, writeOrganisation, writeRenamedPair } from './generate.mjs';
import { growShipped } from './grow.mjs';
import { pageBench } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ladder.js');
const pairs = Math.max(10, Number(process.env.BENCH_PAIRS ?? 15));
// Output goes to /dev/null opened for writing, as a shell's `>/dev/null` does: spawn's 'ignore'
// opens it read-write, which ladder takes for a closed standard output (see stdoutWasClosed).
const discard = openSync('/dev/null', 'w');

function ensureProgram(program, debianPackage) {
  if (spawnSync('sh', ['-c', `command -v ${program}`]).status === 0) return;
  console.error(`bench: installing ${debianPackage} from Debian for the baseline`);
  const install = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${debianPackage}`], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`bench needs ${program}; install the Debian package ${debianPackage}`);
}

/**
 * A command to time: `env` is made fresh for every run, so a run can have an empty cache, and
 * `prepare` runs before each run, untimed (to edit a file the run then reads). It runs in the
 * repository unless `cwd` says otherwise.
 */
function command(label, file, args, env = () => ({}), prepare = () => {}, status = 0, cwd = root) {
  return { label, file, args, env, prepare, status, cwd };
}


function timeOnce({ file, args, env, prepare, status, cwd }) {
  prepare();
  const environment = { ...process.env, ...env() };
  // Node reads this file of extra certificates at every start (some 80 ms, most of a bare start,
  // where it is set): a user's machine seldom sets it, so no timed command, baseline included, has it.
  delete environment.NODE_EXTRA_CA_CERTS;
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, env: environment, stdio: ['ignore', discard, 'pipe'] });
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
    const result = spawnSync('/usr/bin/time', ['-f', '%M', file, ...args], { cwd: root, env: { ...process.env, ...env() }, encoding: 'utf8', stdio: ['ignore', discard, 'pipe'] });
    peak = Math.max(peak, Number(result.stderr.trim().split('\n').pop()) / 1024);
  }
  return peak;
}

ensureProgram('yq', 'yq');
ensureProgram('pandoc', 'pandoc');
ensureProgram('/usr/bin/time', 'time');
ensureProgram('soffice', 'libreoffice-calc-nogui');

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
  const exported = spawnSync(process.execPath, [bin, '-f', yaml, 'export', '--format', 'md', '-o', md], { stdio: ['ignore', discard, 'pipe'] });
  if (exported.status !== 0) throw new Error(`export of the grown ladder failed: ${exported.stderr}`);
  return md;
};
/** A fixture made when a row that needs it first runs: BENCH_ONLY rows start without the others' files. */
const once = (make) => {
  let made;
  return () => (made ??= settled(make()));
};
/**
 * A fixture is timed two seconds after it is written, as files a user runs ladder on are rarely
 * newer: a file changed within two seconds of being read is never answered from the cache (it may
 * be racily clean, see SECURITY.md), so a fixture timed at once would measure cache misses.
 */
function settled(made) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
  return made;
}
const shippedMarkdown = once(() => {
  const file = join(work, 'ladder.md');
  writeFileSync(file, spawnSync(process.execPath, [bin, 'export', '--format', 'md'], { encoding: 'utf8' }).stdout);
  return file;
});
const grown1k = once(() => grownMarkdown(1000));
const grown10k = once(() => grownMarkdown(10000));
/**
 * The shape of the seed's own repository: one Markdown file per discipline (operations,
 * engineering, customer engineering), the managers section copied into two of them with its
 * equivalent lines naming that file's levels only, and the third naming managers it does not hold.
 */
const seedOrganisation = once(() => {
  const folder = join(work, 'seed-organisation');
  mkdirSync(folder);
  const ops = readFileSync(shippedMarkdown(), 'utf8');
  const retitle = (text, from, to) => text.split('\n').map((line) => (/^(#|\*\*)/.test(line) ? line.replaceAll(from, to) : line)).join('\n');
  writeFileSync(join(folder, 'ops.md'), ops);
  writeFileSync(join(folder, 'eng.md'), retitle(ops, 'Operations ', ''));
  writeFileSync(join(folder, 'ce.md'), retitle(ops.slice(0, ops.indexOf('\n## Managers')), 'Operations', 'Customer'));
  return folder;
});
const importOf = (md, env = () => ({ LADDER_NO_CACHE: '1' })) => command(`ladder import ${basename(md)}`, process.execPath, [bin, 'import', md], env);
const clauseDiff = (count) => ladder(['-f', writeClauseLevels(count, join(work, `clauses-${count}.yaml`)), 'diff', 'a', 'b'], () => ({ LADDER_NO_CACHE: '1' }));
const renamedChanges = (count) => {
  const pair = writeRenamedPair(count, join(work, `renamed-${count}`));
  return ladder(['changes', pair.old, pair.new], () => ({ LADDER_NO_CACHE: '1' }));
};
// An organisation kept as a folder: 20 files, 10,000 levels in all; yq reads the same files.
const organisationFixture = once(() => {
  const organisation = writeOrganisation(20, 10000, join(work, 'organisation'));
  const files = readdirSync(organisation.directory).map((name) => join(organisation.directory, name));
  const yq = command("yq '.tracks[0].id' (20 files)", 'yq', ['.tracks[0].id', ...files]);
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
  return { ...organisation, yq, rewordClause, renameLevel };
});
/** The grown 1,000-level ladder as an XLSX of ladder's own export: a sheet per track with levels as columns. */
const grownXlsx = once(() => {
  grown1k();
  const file = join(work, 'grown-1000.xlsx');
  const exported = spawnSync(process.execPath, [bin, '-f', join(work, 'grown-1000.yaml'), 'export', '--format', 'xlsx', '-o', file], { stdio: ['ignore', discard, 'pipe'] });
  if (exported.status !== 0) throw new Error(`xlsx export of the grown ladder failed: ${exported.stderr}`);
  return file;
});
const soffice = () => command('soffice --headless --convert-to csv', 'soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'soffice-profile')}`, '--convert-to', 'csv', '--outdir', join(work, 'soffice'), grownXlsx()]);
/** A long CSV of 1,000 rows: 10 levels of 100 clauses, with the level and axis written once (sparse). */
const longCsv = once(() => {
  const file = join(work, 'long-1000.csv');
  writeFileSync(file, ['Track,Level,Competency,Behaviour', ...Array.from({ length: 1000 }, (_, i) => `${i === 0 ? 'Engineers' : ''},${i % 100 === 0 ? `Engineer ${i / 100 + 1}` : ''},${i % 10 === 0 ? `Skill ${(i % 100) / 10 + 1}` : ''},"Behaviour ${i}: delivers work, reviews code and explains the choices made"`)].join('\n'));
  return file;
});
const small = once(() => sized(100));
const large = once(() => sized(1000));
const huge = once(() => sized(10000));
const bare = node('-e', '0');
// An empty folder, where a user runs ladder after a global install: no ./ladder.yaml, so the shipped ladder.
const emptyFolder = once(() => mkdtempSync(join(work, 'empty-')));
/** A command run in the empty folder. */
const elsewhere = (args) => () => ({ ...ladder(args), label: `ladder ${args.join(' ')} (in an empty folder)`, cwd: emptyFolder() });
// lint exits 1 when it has findings, as it has on these ladders. The organisations for it: 10 files,
// 3,000 levels of about 10 clauses each (30,000 clauses), and half that.
const lintOf = (args) => command(`ladder lint ${args.map((arg) => (arg.startsWith(work) ? basename(arg) : arg)).join(' ')}`, process.execPath, [bin, 'lint', ...args], warm, () => {}, 1);
const lintOrganisation = (levels) => () => lintOf([writeOrganisation(10, levels, join(work, `lint-organisation-${levels * 10}`)).directory, '--format', 'json']);

const allRows = [
  { name: '`show principal` on the shipped ladder', subject: ladder(['show', 'principal']), baseline: bare, target: 1.2 },
  { name: '`show principal` in an empty folder', subject: elsewhere(['show', 'principal']), baseline: bare, target: 1.2 },
  { name: '`equiv director` on the shipped ladder', subject: ladder(['equiv', 'director']), baseline: bare, target: 1.2 },
  { name: '`equiv director` in an empty folder', subject: elsewhere(['equiv', 'director']), baseline: bare, target: 1.2 },
  { name: '`list` on the shipped ladder', subject: ladder(['list']), baseline: bare, target: 1.2 },
  { name: '`list` in an empty folder', subject: elsewhere(['list']), baseline: bare, target: 1.2 },
  { name: '`diff engineer lead`', subject: ladder(['diff', 'engineer', 'lead']), baseline: bare, target: 1.2 },
  { name: '`diff engineer lead` in an empty folder', subject: elsewhere(['diff', 'engineer', 'lead']), baseline: bare, target: 1.2 },
  { name: '`validate`', subject: ladder(['validate']), baseline: bare, target: 1.45 },
  { name: '`show` on the 100-level ladder', subject: () => ladder(['-f', small().file, 'show', small().id]), baseline: () => small().yq },
  { name: '`show` on the 1,000-level ladder', subject: () => ladder(['-f', large().file, 'show', large().id]), baseline: () => large().yq, target: 0.8 },
  { name: '`show` on the 10,000-level ladder', subject: () => ladder(['-f', huge().file, 'show', huge().id]), baseline: () => huge().yq, target: 0.2 },
  { name: '`validate` on the 10,000-level ladder, first run', subject: () => ladder(['-f', huge().file, 'validate'], cold), baseline: () => huge().yq, target: 1.0, memoryTarget: 250 },
  { name: '`diff` of two levels of 4,000 clauses, against 2,000 (linear: 2×)', subject: () => clauseDiff(4000), baseline: () => clauseDiff(2000), target: 2.5 },
  { name: '`changes` between two files of 4,000 renamed levels, against 2,000 (linear: 2×)', subject: () => renamedChanges(4000), baseline: () => renamedChanges(2000), target: 2.5 },
  { name: '`validate` on a folder of 20 files, 10,000 levels, first run', subject: () => ladder(['validate', organisationFixture().directory], cold), baseline: () => organisationFixture().yq, target: 1.0 },
  { name: '`show` on that folder, cached', subject: () => ladder(['-f', organisationFixture().directory, 'show', organisationFixture().levelId]), baseline: () => organisationFixture().yq, target: 0.2 },
  {
    name: '`show` on that folder after a clause in one of its files was reworded',
    subject: () => {
      const { directory, levelId, rewordClause } = organisationFixture();
      return command(`ladder -f organisation show ${levelId} (a clause reworded before each run)`, process.execPath, [bin, '-f', directory, 'show', levelId], warm, rewordClause);
    },
    baseline: () => organisationFixture().yq,
    target: 0.3,
  },
  {
    name: '`show` on that folder after a level in one of its files was renamed',
    subject: () => {
      const { directory, levelId, renameLevel } = organisationFixture();
      return command(`ladder -f organisation show ${levelId} (the level renamed before each run)`, process.execPath, [bin, '-f', directory, 'show', levelId], warm, renameLevel);
    },
    baseline: () => organisationFixture().yq,
    target: 0.3,
  },
  {
    name: '`assess` of a filled assessment against the shipped ladder',
    // It exits 1, as it should: the assessment has expectations not yet met.
    subject: command('ladder assess filled.yaml', process.execPath, [bin, 'assess', join(root, 'test', 'fixtures', 'assessment', 'filled.yaml')], warm, () => {}, 1),
    baseline: bare,
    target: 1.35,
  },
  { name: '`show principal` on the shipped ladder as Markdown, cached', subject: () => ladder(['-f', shippedMarkdown(), 'show', 'principal']), baseline: bare, target: 1.25 },
  { name: '`equiv manager` on the seed repository\'s three Markdown files, cached', subject: () => ladder(['-f', seedOrganisation(), 'equiv', 'manager']), baseline: bare, target: 1.3 },
  { name: '`import` of the shipped ladder grown to 1,000 levels, as Markdown', subject: () => importOf(grown1k()), baseline: () => command('pandoc -f markdown -t json', 'pandoc', ['-f', 'markdown', '-t', 'json', grown1k()]), target: 0.5 },
  { name: '`lint` on the shipped ladder, spelling included', subject: () => lintOf([]), baseline: bare, target: 1.6 },
  { name: '`lint` on an organisation of 30,000 clauses, against 15,000 (linear: 2×; under 3 s)', subject: lintOrganisation(3000), baseline: lintOrganisation(1500), target: 2.5, memoryTarget: 400, absoluteMs: 3000 },
  { name: '`import` of the same at 10,000 levels, against 1,000 (linear: 10×)', subject: () => importOf(grown10k()), baseline: () => importOf(grown1k()), target: 12, memoryReport: true },
  { name: '`import` of a 1,000-level wide XLSX (under 2 s)', subject: () => importOf(grownXlsx()), baseline: soffice, target: 0.5, absoluteMs: 2000 },
  // As a user runs it: with V8's code cache, which every run has after the first. import reads no
  // ladder from the cache, so LADDER_NO_CACHE would only make each run compile ladder's bundles.
  { name: '`import` of a 1,000-row long CSV', subject: () => importOf(longCsv(), warm), baseline: bare, target: 1.5 },
  // The first run after an install or upgrade, which compiles the bundles: for reference.
  { name: '`import` of a 1,000-row long CSV, with no code cache (a first run)', subject: () => importOf(longCsv()), baseline: bare },
];

const only = process.env.BENCH_ONLY?.split('|');
const rows = only ? allRows.filter((row) => only.some((text) => row.name.includes(text))) : allRows;
console.log(`ladder benchmark: ${pairs} interleaved pairs per row after a warm-up; ratio = median of per-pair ratios\n`);
console.log('| command | baseline | target | ratio | ladder (median) | baseline (median) | |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
let failures = 0;
try {
  for (const row of rows) {
    // A row's commands are made when it runs, with the files they need.
    const made = (side) => (typeof side === 'function' ? side() : side);
    const subjectCommand = made(row.subject);
    const baselineCommand = made(row.baseline);
    const { ratio, subject, baseline } = compare(subjectCommand, baselineCommand);
    // A row without a target is there for reference.
    let target = row.target ? `≤ ${row.target.toFixed(2)}×` : '—';
    let ok = (!row.target || ratio <= row.target) && (!row.absoluteMs || subject <= row.absoluteMs);
    let measured = `${ratio.toFixed(2)}×`;
    if (row.memoryTarget || row.memoryReport) {
      const peak = peakMemory(subjectCommand);
      if (row.memoryTarget) target += `, ≤ ${row.memoryTarget} MiB`;
      measured += `, ${peak.toFixed(0)} MiB peak`;
      ok &&= !row.memoryTarget || peak <= row.memoryTarget;
    }
    if (!ok) failures += 1;
    console.log(`| ${row.name} | \`${baselineCommand.label}\` | ${target} | ${measured} | ${subject.toFixed(1)} ms | ${baseline.toFixed(1)} ms | ${ok ? 'ok' : 'MISSED'} |`);
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
      const result = spawnSync(process.execPath, [bin, 'validate', file], { stdio: ['ignore', discard, 'ignore'], env: { ...process.env, LADDER_NO_CACHE: '1' } });
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
if (!only || only.includes('page')) failures += await pageBench();
console.log(failures === 0 ? '\nevery row meets its target' : `\n${failures} row(s) missed the target`);
process.exitCode = failures === 0 ? 0 : 1;
