// `npm run corpus -- DIR [--json] [--only TEXT]`: reads the real public ladders listed in
// bench/corpus.tsv and bench/corpus-orgs.tsv from DIR (as bench/fetch-corpus.sh lays them out),
// imports each with the built CLI, and compares with the truth judged by reading it. A measurement,
// not a gate: it exits 0 whatever it finds, and 2 only when it cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compareDocument, compareOrganisation, ladderShape } from './corpus-compare.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'ladder.js');
const TIMEOUT_MS = 60_000;

function usage(message) {
  console.error(`corpus: ${message}\nusage: npm run corpus -- DIR [--json] [--only TEXT]`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { json: false, only: undefined, dir: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--only') options.only = argv[(i += 1)] ?? usage('--only needs a text');
    else if (options.dir === undefined && !argv[i].startsWith('-')) options.dir = resolve(argv[i]);
    else usage(`unexpected argument ${argv[i]}`);
  }
  if (options.dir === undefined) usage('name the folder bench/fetch-corpus.sh wrote');
  if (!existsSync(options.dir)) usage(`${options.dir}: no such folder`);
  return options;
}

/** Rows of a TSV file with a header row, as objects; `truth` parsed as JSON. */
function readTsv(file) {
  if (!existsSync(file)) return [];
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  return lines.map((line, index) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
    try {
      row.truth = JSON.parse(row.truth);
    } catch (error) {
      throw new Error(`${file}:${index + 2}: truth is not JSON (${error.message})`);
    }
    return row;
  });
}

/** `owner/name` at a commit, as the scratch folder names it: `owner__name@abcdef0`. */
function checkoutFolder(repo, commit) {
  return `${repo.replace('/', '__')}@${commit.slice(0, 7)}`;
}

// A cache of this run's own, so that the times are those of a user's second run (the compiled code
// cached) and nothing is left in the user's cache; removed when the run ends.
const cacheHome = mkdtempSync(join(tmpdir(), 'ladder-corpus-'));
process.on('exit', () => rmSync(cacheHome, { recursive: true, force: true }));

// GNU time, where there is one, gives each run's CPU time: on a busy machine the wall time mostly
// measures the other processes.
const GNU_TIME = '/usr/bin/time';
const cpuFile = join(cacheHome, 'cpu');

function runLadder(args) {
  const command = [process.execPath, bin, ...args];
  const timed = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, ...command] : command;
  const start = process.hrtime.bigint();
  const result = spawnSync(timed[0], timed.slice(1), {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, LADDER_NO_CACHE: '', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const status = result.status ?? (result.error?.code === 'ETIMEDOUT' ? 'timeout' : `signal ${result.signal}`);
  return { status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', ms, cpuMs: cpuTime() };
}

/** The CPU seconds GNU time wrote (user and system), in milliseconds; undefined without it. */
function cpuTime() {
  if (!existsSync(cpuFile)) return undefined;
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(cpuFile);
  return Number.isFinite(user + system) ? Math.round((user + system) * 1000) : undefined;
}

/** The first error line of a failed run, shortened, with the corpus folder left out of paths. */
function firstError(stderr, dir) {
  const line = stderr.split('\n').find((text) => /\berror\b|^ladder:/i.test(text)) ?? stderr.split('\n')[0] ?? '';
  const message = line
    .split(`${dir}/`)
    .join('')
    .replace(/^.*?:\d+:\d+: /, '')
    .replace(/^(?:ladder: )?(?:error: )?/, '')
    .replace(/^[^\s:]+\/[^\s]*?: /, '')
    .trim();
  return message.length > 60 ? `${message.slice(0, 59)}…` : message;
}

/**
 * Words the import did not account for: its summary line ends `no words left out` when every word
 * of the input is in the ladder or quoted in a warning; anything else (a count of words left out,
 * a `… left out: “…”` warning, no summary line at all) counts.
 */
function unaccountedWords(stderr) {
  const summary = stderr.split('\n').findLast((line) => line.startsWith('import: '));
  const leftOutWarnings = stderr.split('\n').filter((line) => / left out: “/.test(line)).length;
  if (!summary) return { unaccounted: true, words: undefined };
  const count = /; (\d+) words? left out/.exec(summary);
  const words = count ? Number(count[1]) : 0;
  return { unaccounted: words > 0 || leftOutWarnings > 0 || !summary.endsWith('no words left out'), words };
}

function measureDocument(dir, row) {
  const local = join(dir, checkoutFolder(row.repo, row.commit), row.path);
  const base = { kind: 'document', repo: row.repo, path: row.path, layout: row.layout, language: row.language, discipline: row.discipline };
  if (!existsSync(local)) return { ...base, fetched: false };
  const run = runLadder(['import', local]);
  const result = { ...base, fetched: true, exit: run.status, ms: Math.round(run.ms), cpuMs: run.cpuMs, unaccounted: false, faithful: false };
  // A document judged not to be a ladder is read faithfully when the import refuses it as one.
  if (row.truth.notLadder !== undefined) {
    const refused = run.status === 3 && /not a ladder/.test(run.stderr);
    return { ...result, faithful: refused, ...(refused ? {} : { difference: `not a ladder (${row.truth.notLadder}), but exit ${run.status}: ${firstError(run.stderr, dir)}` }) };
  }
  if (run.status !== 0) return { ...result, difference: `exit ${run.status}: ${firstError(run.stderr, dir)}` };
  Object.assign(result, unaccountedWords(run.stderr));
  let data;
  try {
    data = parse(run.stdout);
  } catch (error) {
    return { ...result, difference: `output is not YAML (${error.message.split('\n')[0]})` };
  }
  const difference = compareDocument(row.truth, ladderShape(data));
  return { ...result, faithful: difference === undefined, ...(difference ? { difference } : {}) };
}

function measureOrganisation(dir, row) {
  const local = join(dir, checkoutFolder(row.repo, row.commit), row.folder);
  const base = { kind: 'organisation', repo: row.repo, path: row.folder, layout: 'organisation' };
  if (!existsSync(local)) return { ...base, fetched: false };
  const exported = runLadder(['-f', local, 'export', '--format', 'json']);
  const result = { ...base, fetched: true, exit: exported.status, ms: Math.round(exported.ms), cpuMs: exported.cpuMs, faithful: false };
  if (exported.status !== 0) return { ...result, difference: `exit ${exported.status}: ${firstError(exported.stderr, dir)}` };
  const grid = runLadder(['-f', local, 'equiv', '--format', 'json']);
  result.ms += Math.round(grid.ms);
  if (result.cpuMs !== undefined && grid.cpuMs !== undefined) result.cpuMs += grid.cpuMs;
  if (grid.status !== 0) return { ...result, exit: grid.status, difference: `equiv exit ${grid.status}: ${firstError(grid.stderr, dir)}` };
  const difference = compareOrganisation(row.truth, JSON.parse(exported.stdout), JSON.parse(grid.stdout));
  return { ...result, faithful: difference === undefined, ...(difference ? { difference } : {}) };
}

const shortName = (result) => {
  const name = `${result.repo.split('/')[0]}/${result.path === '.' ? '' : result.path}`;
  return name.length > 56 ? `…${name.slice(-55)}` : name;
};

function summarise(results) {
  const fetched = results.filter((result) => result.fetched);
  const slowest = fetched.reduce((max, result) => (result.ms > (max?.ms ?? -1) ? result : max), undefined);
  return {
    faithful: fetched.filter((result) => result.faithful).length,
    total: fetched.length,
    exits70: fetched.filter((result) => result.exit === 70).length,
    failed: fetched.filter((result) => result.exit !== 0 && !result.faithful).length,
    unaccounted: fetched.filter((result) => result.unaccounted).length,
    notFetched: results.filter((result) => !result.fetched).map((result) => `${result.repo} ${result.path}`),
    totalMs: fetched.reduce((sum, result) => sum + result.ms, 0),
    maxMs: slowest?.ms ?? 0,
    slowest: slowest ? `${slowest.repo} ${slowest.path}` : undefined,
    maxCpuMs: fetched.some((result) => result.cpuMs !== undefined) ? Math.max(...fetched.map((result) => result.cpuMs ?? 0)) : undefined,
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)}s`;

function printTable(title, results) {
  if (results.length === 0) return;
  console.log(`${title}\n`);
  const layoutWidth = Math.max(...results.map((result) => result.layout.length));
  for (const result of results) {
    const verdict = !result.fetched ? 'not fetched' : result.faithful ? 'yes' : 'no';
    const words = result.unaccounted ? ' [words left out]' : '';
    const time = result.fetched ? `${seconds(result.ms)}${result.cpuMs === undefined ? '' : ` (cpu ${seconds(result.cpuMs)})`}` : '';
    console.log(`${shortName(result).padEnd(57)} ${result.layout.padEnd(layoutWidth)} ${verdict.padEnd(11)} ${time.padStart(18)}  ${result.difference ?? ''}${words}`);
  }
  const summary = summarise(results);
  const percent = summary.total > 0 ? ((100 * summary.faithful) / summary.total).toFixed(0) : '0';
  console.log(`\n${title}: ${summary.faithful}/${summary.total} faithful (${percent}%); exits of 70: ${summary.exits70}; failed imports: ${summary.failed}; rows with words left out: ${summary.unaccounted}; not fetched: ${summary.notFetched.length}`);
  const cpu = summary.maxCpuMs === undefined ? '' : `; CPU at most ${seconds(summary.maxCpuMs)} a file`;
  console.log(`time: ${(summary.totalMs / 1000).toFixed(1)} s in all, at most ${seconds(summary.maxMs)} (${summary.slowest ?? 'none'})${cpu}`);
  for (const missing of summary.notFetched) console.log(`  not fetched: ${missing}`);
  console.log('');
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(bin)) usage('bin/ladder.js is missing; run `npm run build` first');
  const selected = (row) => options.only === undefined || `${row.repo}/${row.path ?? row.folder}`.includes(options.only);
  const documents = readTsv(join(here, 'corpus.tsv')).filter(selected).map((row) => measureDocument(options.dir, row));
  const organisations = readTsv(join(here, 'corpus-orgs.tsv')).filter(selected).map((row) => measureOrganisation(options.dir, row));
  if (options.json) {
    console.log(JSON.stringify({ documents, organisations, summary: { documents: summarise(documents), organisations: summarise(organisations) } }, null, 2));
    return;
  }
  printTable('Documents (bench/corpus.tsv)', documents);
  printTable('Organisations (bench/corpus-orgs.tsv)', organisations);
}

main();
