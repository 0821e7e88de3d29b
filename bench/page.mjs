// The HTML page of `export --format html`: its size, its script's size, and its first render in
// Chromium, for the shipped ladder and for an organisation of about 3,000 clauses. Run by `npm run
// bench` after its rows, or alone: `node bench/page.mjs` (after `npm run build`).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeOrganisation } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ladder.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = 7;
/** The page's own script, minified: issue 24's limit. */
const SCRIPT_LIMIT = 60 * 1024;

function exportPage(args, file) {
  const result = spawnSync(process.execPath, [bin, ...args, 'export', '--format', 'html', '-o', file], { encoding: 'utf8', env: { ...process.env, LADDER_NO_CACHE: '1' } });
  if (result.status !== 0) throw new Error(`export failed: ${result.stderr}`);
  const html = readFileSync(file, 'utf8');
  const script = html.slice(html.lastIndexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
  const data = JSON.parse(html.slice(html.indexOf('>', html.indexOf('id="ladder-data"')) + 1, html.indexOf('</script>', html.indexOf('id="ladder-data"'))));
  const clauses = data.tracks.flatMap((track) => track.levels).flatMap((level) => Object.values(level.axes ?? {})).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : value.split(';').filter((clause) => clause.trim()).length), 0);
  return { bytes: statSync(file).size, script: Buffer.byteLength(script), clauses };
}

/** The median time, over several fresh loads, from navigation to the page's first view on screen (its `ladder-ready` mark). */
async function firstRender(browser, file, hash) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(file).href + hash);
    times.push(await tab.evaluate(() => globalThis.performance.getEntriesByName('ladder-ready')[0]?.startTime ?? Number.NaN));
    await context.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export async function pageBench() {
  const work = mkdtempSync(join(tmpdir(), 'ladder-bench-page-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  let failures = 0;
  try {
    // 6 files of about 50 levels, 4 axes each, 2 or 3 clauses an axis: about 3,000 clauses.
    const organisation = writeOrganisation(6, 300, join(work, 'organisation'));
    const cases = [
      { name: 'the shipped ladder', args: [], limit: 150 * 1024, hash: '#compare=engineer..lead' },
      { name: 'an organisation of 6 files', args: ['-f', organisation.directory], limit: 1.5 * 1024 * 1024, hash: `#compare=${organisation.levelId}..d06-${Number(organisation.levelId.split('-')[1]) + 1}` },
    ];
    console.log('\n| HTML page | clauses | size | limit | script | first render (grid) | first render (compare) | |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const { name, args, limit, hash } of cases) {
      const file = join(work, `${name.replace(/\W+/g, '-')}.html`);
      const { bytes, script, clauses } = exportPage(args, file);
      const grid = await firstRender(browser, file, '');
      const compare = await firstRender(browser, file, hash);
      const ok = bytes < limit && script < SCRIPT_LIMIT && grid < 1000 && compare < 1000;
      if (!ok) failures += 1;
      console.log(`| ${name} | ${clauses} | ${kb(bytes)} | < ${kb(limit)}, script < ${kb(SCRIPT_LIMIT)}, render < 1000 ms | ${kb(script)} | ${grid.toFixed(0)} ms | ${compare.toFixed(0)} ms | ${ok ? 'ok' : 'MISSED'} |`);
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = (await pageBench()) > 0 ? 1 : 0;
