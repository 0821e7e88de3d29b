import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { launchChromium, openFile } from '../helpers/browser.js';
import { cleanEnv, expectGolden, fixture, ladder, ladderInProcess, root } from '../helpers/cli.js';

const FORMATS = ['text', 'json', 'yaml', 'tsv', 'md', 'html'];
const filled = fixture('assessment/filled.yaml');
const scratch = () => mkdtempSync(join(tmpdir(), 'ladder-assess-'));

/** The fixture in a folder of its own, beside a copy of the shipped ladder it names. */
function workspace(): { dir: string; file: string; ladderFile: string } {
  const dir = scratch();
  const ladderFile = join(dir, 'ladder.yaml');
  cpSync(join(root, 'ladder.yaml'), ladderFile);
  const file = join(dir, 'me.yaml');
  writeFileSync(file, readFileSync(filled, 'utf8').replace('file: ../../../ladder.yaml', 'file: ladder.yaml'));
  return { dir, file, ladderFile };
}

describe('ladder assess new', () => {
  it('writes the target’s expectations in ladder order, those new since the current level marked, to a file that matches its schema', () => {
    const dir = scratch();
    const out = join(dir, 'me.yaml');
    const written = ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', out]);
    expect(written).toEqual({ stdout: '', stderr: `ladder: wrote ${out}: 13 expectations of Lead Operations Engineer: 9 new, 4 changed since Operations Engineer; rate each and add evidence, then run: ladder assess ${out}\n`, status: 0 });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/career-ladder@0/schema/assessment.schema.json');
    const value = parseYaml(text);
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(JSON.parse(readFileSync(join(root, 'schema', 'assessment.schema.json'), 'utf8')), value), JSON.stringify(ajv.errors)).toBe(true);
    expect(value.expectations.map((entry: { expectation: string }) => entry.expectation)).toEqual(
      JSON.parse(ladder(['checklist', 'lead', '--json']).stdout).sections.flatMap((section: { items: { text: string }[] }) => section.items.map((item) => item.text)),
    );
    expect(value.expectations.every((entry: { rating: null; evidence: unknown[] }) => entry.rating === null && entry.evidence.length === 0)).toBe(true);
    // Not yet rated: not met.
    expect(ladder(['assess', out]).status).toBe(1);
  });

  it('marks new and changed expectations in checklist’s words, and agrees with checklist --from on the counts', () => {
    const value = parseYaml(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead']).stdout);
    const { summary } = JSON.parse(ladder(['checklist', 'lead', '--from', 'engineer', '--json']).stdout);
    expect(value.expectations.filter((entry: { new: boolean }) => entry.new).length).toBe(summary.new);
    expect(value.expectations.filter((entry: { changed?: boolean }) => entry.changed).length).toBe(summary.changed);
    expect(value).toMatchObject({ name: null, date: null, reviewer: null });
  });

  it.each([
    ['below the current level', ['--level', 'lead', '--target', 'engineer'], 'ladder: error: --target Operations Engineer is below the current level (Lead Operations Engineer)\n'],
    ['the current level itself', ['--level', 'lead', '--target', 'lead'], 'ladder: error: --target Lead Operations Engineer is the current level (Lead Operations Engineer)\n'],
    ['a peer on another track', ['--level', 'lead', '--target', 'manager'], 'ladder: error: --target Manager is a peer of the current level, at the same height (Lead Operations Engineer)\n'],
  ])('refuses a target %s, with a hint', (_, args, message) => {
    expect(ladder(['assess', 'new', ...args])).toEqual({ stdout: '', stderr: `${message}hint: name as --target the level you are working towards, above --level\n`, status: 2 });
  });

  it('copies the schema beside the file with --schema, and names the copy in the modeline (editors validate offline)', () => {
    const dir = scratch();
    const out = join(dir, 'me.yaml');
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', out, '--schema']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['assessment.schema.json', 'me.yaml']);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./assessment.schema.json');
    expect(readFileSync(join(dir, 'assessment.schema.json'), 'utf8')).toBe(readFileSync(join(root, 'schema', 'assessment.schema.json'), 'utf8'));
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '--schema'])).toMatchObject({ status: 2, stderr: expect.stringContaining('needs -o FILE') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks only what is new since a level close to the target', () => {
    const value = parseYaml(ladder(['assess', 'new', '--level', 'lead', '--target', 'principal']).stdout);
    const fresh = value.expectations.filter((entry: { new: boolean }) => entry.new).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(value.expectations.length + 1);
  });

  it('never writes over a file without --force, and leaves it as it was', () => {
    const dir = scratch();
    const out = join(dir, 'me.yaml');
    writeFileSync(out, 'my notes\n');
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', out])).toMatchObject({ status: 2, stderr: expect.stringContaining('already exists') });
    expect(readFileSync(out, 'utf8')).toBe('my notes\n');
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', out, '--force']).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['me.yaml']);
  });
});

describe('ladder assess FILE', () => {
  it('shows coverage by axis, with bars in a terminal, and what is not yet met or has no evidence', async () => {
    const { stdout } = await ladderInProcess(['assess', filled], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expectGolden('assess-filled.terminal.txt', stdout);
    expect(stdout).toContain('Domain Knowledge        ██████████░░░░░░░░░░  3 of 6 met; 2 sometimes, 1 not yet');
    const lines = ladder(['assess', filled]);
    expect(lines.status).toBe(1);
    expect(lines.stdout).toContain('not met: Culture and Leadership: regularly interviews candidates in a variety of engineering roles (not yet)\n');
    expect(lines.stdout).toContain('no evidence: Customer Success: can take lead on non-trivial projects to address those needs\n');
  });

  it('says how to write an assessment when the file is missing', () => {
    expect(ladder(['assess', 'missing.yaml'], { cwd: scratch() })).toEqual({
      stdout: '',
      stderr: 'ladder: error: missing.yaml: no such file\nhint: write one with `ladder assess new --level LEVEL --target LEVEL -o FILE`\n',
      status: 3,
    });
  });

  it('exits 0 once every expectation is rated consistently', () => {
    const { dir, file } = workspace();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/rating:( sometimes| not yet)?$/gm, 'rating: consistently'));
    expect(ladder(['assess', file]).status).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a promotion packet in Markdown: the summary, then each axis with ratings and evidence', () => {
    const { stdout } = ladder(['assess', filled, '--format', 'md']);
    expectGolden('assess-filled.md', stdout);
    expect(stdout).toContain('- High level Linux system administration _(changed)_: **consistently**\n  - [Rebuilt the configuration management of the build fleet](https://example.com/changes/412) (2026-03-14)\n');
  });

  it('works in every format, and JSON and YAML agree', () => {
    // The views give the verdict as their exit status; a packet (md, html) is a document, written with success unless --exit-code asks.
    for (const format of FORMATS) expect(ladder(['assess', filled, '--format', format]).status, format).toBe(['md', 'html'].includes(format) ? 0 : 1);
    for (const format of FORMATS) expect(ladder(['assess', filled, '--format', format, '--exit-code']).status, format).toBe(1);
    const json = JSON.parse(ladder(['assess', filled, '--json']).stdout);
    expect(parseYaml(ladder(['assess', filled, '--format', 'yaml']).stdout)).toEqual(json);
    expect(json.axes.map((axis: { name: string; met: number; total: number }) => [axis.name, axis.met, axis.total])).toEqual([
      ['Domain Knowledge', 3, 6],
      ['Teaching and Mentoring', 0, 2],
      ['Culture and Leadership', 2, 3],
      ['Customer Success', 0, 2],
    ]);
    expect(ladder(['assess', filled, '--format', 'tsv', '--header']).stdout.split('\n')[0]).toBe('axis\texpectation\tnew\tchanged\trating\tevidence');
  });

  it('accepts a rating in any case, and --update writes it back as the scale has it', () => {
    const { dir, file } = workspace();
    writeFileSync(file, readFileSync(file, 'utf8').replace('rating: sometimes', 'rating: Sometimes').replace('rating: not yet', 'rating: NOT  Yet'));
    const json = JSON.parse(ladder(['assess', file, '--json']).stdout);
    expect(json.axes[0].counts).toMatchObject({ sometimes: 2, 'not yet': 1 });
    expect(ladder(['assess', file, '--update']).status).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/Sometimes|NOT/);
    expect(text).toContain('rating: not yet');
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the optional name, date and reviewer at the top of the packet', () => {
    const { dir, file } = workspace();
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: engineer', 'name: Alex Doe\ndate: 2026-03-31\nreviewer: Sam Roe\nlevel: engineer'));
    const line = 'Alex Doe · 2026-03-31 · reviewer: Sam Roe';
    expect(ladder(['assess', file, '--format', 'md']).stdout).toContain(`\n**${line}**\n`);
    expect(ladder(['assess', file, '--format', 'html']).stdout).toContain(`<p class="who">${line}</p>`);
    expect(JSON.parse(ladder(['assess', file, '--json']).stdout)).toMatchObject({ name: 'Alex Doe', date: '2026-03-31', reviewer: 'Sam Roe' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2026-03-31', 'date: March'));
    expect(ladder(['assess', file])).toMatchObject({ status: 3, stderr: expect.stringContaining('date `March` is not a date') });
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a rating not on the scale', [/rating: sometimes$/m, 'rating: often'], /^me\.yaml:19:13: error: rating `often` is not on the scale \(rate it `not yet`, `sometimes` or `consistently`, or leave it empty\)$/m],
    ['a link that is not an address', ['link: https://example.com/changes/412', 'link: example.com/412'], /^me\.yaml:14:15: error: link `example\.com\/412` is not an http or https address$/m],
    ['a date that is not one', ['date: 2026-03-14', 'date: March 14'], /^me\.yaml:15:15: error: date `March 14` is not a date \(write it as YYYY-MM-DD\)$/m],
    ['an unknown level', ['target: lead', 'target: leed'], /^me\.yaml:6:9: error: target: no level matches `leed` \(did you mean `lead`/m],
    ['a misspelt key', ['    evidence: []', '    evidense: []'], /^me\.yaml:\d+:5: error: unknown key `evidense` \(did you mean `evidence`\?\)$/m],
  ])('reports %s at its line and column, and exits 3', (_, [from, to], message) => {
    const { dir, file } = workspace();
    writeFileSync(file, readFileSync(file, 'utf8').replace(from as string | RegExp, to as string));
    const outcome = ladder(['assess', 'me.yaml'], { cwd: dir });
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toMatch(message as RegExp);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the whole flow', () => {
  it('assess new, fill the file in, then a packet: on the shipped ladder, and on an organisation with qualified names', () => {
    const dir = scratch();
    const out = join(dir, 'me.yaml');
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', out]).status).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace(/rating:$/gm, 'rating: consistently').replace(/evidence: \[\]/g, 'evidence:\n      - text: Did it, and wrote it down'));
    const packet = ladder(['assess', out, '--format', 'html']);
    expect(packet.status).toBe(0);
    expect(packet.stdout).toContain('Every expectation is rated consistently.');
    expect(packet.stdout.match(/<li class="expectation">/g)).toHaveLength(13);

    expect(ladder(['init', '--org'], { cwd: dir }).status).toBe(0);
    const org = join(dir, 'sre.yaml');
    expect(ladder(['assess', 'new', '--level', 'sre:L4', '--target', 'sre:L5', '-o', org], { cwd: dir }).status).toBe(0);
    expect(parseYaml(readFileSync(org, 'utf8')).ladder.file).toBe('ladders');
    const shown = JSON.parse(ladder(['assess', org, '--json'], { cwd: dir }).stdout);
    expect(shown.target).toMatchObject({ id: 'sre-senior' });
    // Backend and frontend share the title: the packet and the message name the track.
    const backend = join(dir, 'backend.yaml');
    const written = ladder(['assess', 'new', '--level', 'backend:senior', '--target', 'backend:staff', '-o', backend], { cwd: dir });
    expect(written.stderr).toContain('expectations of Staff Engineer (Backend Engineering): 5 new, 1 changed since Senior Engineer (Backend Engineering);');
    const backendPacket = ladder(['assess', backend, '--format', 'md'], { cwd: dir }).stdout;
    expect(backendPacket).toMatch(/^## Staff Engineer \(Backend Engineering\): self-assessment\n\nFrom Senior Engineer \(Backend Engineering\) to Staff Engineer \(Backend Engineering\)\. /);
    expect(ladder(['assess', backend, '--format', 'html'], { cwd: dir }).stdout).toContain('<h1>Staff Engineer (Backend Engineering): self-assessment</h1>');
    expect(shown.axes.map((axis: { name: string }) => axis.name)).toEqual(['Scope and Impact', 'Collaboration', 'Growing Others', 'Reliability']);
    // `L5` names a level of each discipline: clear beside `backend:L4` only, so the file holds ids.
    const byGrade = join(dir, 'grade.yaml');
    expect(ladder(['assess', 'new', '--level', 'backend:L4', '--target', 'L5', '-o', byGrade], { cwd: dir }).status).toBe(0);
    expect(parseYaml(readFileSync(byGrade, 'utf8'))).toMatchObject({ level: 'backend-engineer-2', target: 'backend-senior' });
    expect(ladder(['assess', byGrade, '--json'], { cwd: dir }).status).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('an assessment after the ladder changed', () => {
  it('re-attaches ratings and evidence to reworded expectations, keeps removed ones, says so, and --update loses nothing', () => {
    const { dir, file, ladderFile } = workspace();
    const edited = readFileSync(ladderFile, 'utf8')
      .replace('High level Linux system administration;', 'High level Linux and cloud system administration;')
      .replace(/regularly interviews\s+candidates in a variety of engineering roles/, 'writes the team’s hiring rubric');
    writeFileSync(ladderFile, edited);
    const before = ladder(['assess', file, '--json']);
    const review = JSON.parse(before.stdout);
    expect(review.ladderChanged).toBe(true);
    expect(review.expectations[0]).toMatchObject({ expectation: 'High level Linux and cloud system administration', rating: 'consistently', reworded: 'High level Linux system administration' });
    expect(review.removed.map((entry: { expectation: string }) => entry.expectation)).toEqual(['regularly interviews candidates in a variety of engineering roles']);
    const lines = ladder(['assess', file]).stdout;
    expect(lines.split('\n')[0]).toBe('changed: The ladder changed since this assessment was last updated: 1 reworded (ratings and evidence kept), 1 no longer in the ladder (kept under removed), 1 new. Run with --update to rewrite the file.');
    // Each reworded expectation, old and new, so the person can check that the rating still holds.
    expect(lines).toContain('\nreworded: Domain Knowledge: High level Linux system administration → High level Linux and cloud system administration\n');
    expect(ladder(['assess', file, '--format', 'md']).stdout).toContain('- Domain Knowledge: reworded from “High level Linux system administration” to “High level Linux and cloud system administration”\n');

    const evidenceBefore = JSON.stringify(parseYaml(readFileSync(file, 'utf8')).expectations.flatMap((entry: { evidence: unknown[] }) => entry.evidence).sort());
    const updated = ladder(['assess', file, '--update']);
    expect(updated.stderr).toBe(`ladder: updated ${file} to the ladder as it is now; every rating and piece of evidence kept\n`);
    // The run that rewrites the file does not ask for --update.
    expect(updated.stdout.split('\n')[0]).toBe('changed: The ladder changed since this assessment was last updated: 1 reworded (ratings and evidence kept), 1 no longer in the ladder (kept under removed), 1 new. The file now matches it.');
    const after = parseYaml(readFileSync(file, 'utf8'));
    const evidenceAfter = JSON.stringify([...after.expectations, ...after.removed].flatMap((entry: { evidence?: unknown[] }) => entry.evidence ?? []).sort());
    expect(evidenceAfter).toBe(evidenceBefore);
    expect(after.removed).toEqual([{ axis: 'Culture and Leadership', expectation: 'regularly interviews candidates in a variety of engineering roles', rating: 'not yet', evidence: [] }]);
    expect(after.expectations.find((entry: { expectation: string }) => entry.expectation === 'writes the team’s hiring rubric')).toMatchObject({ rating: null, evidence: [] });
    expect(JSON.parse(ladder(['assess', file, '--json']).stdout).ladderChanged).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing but the named file: no copy of the assessment in the cache, no other file beside it', () => {
    const { dir, file } = workspace();
    const cache = scratch();
    const env = cleanEnv({ XDG_CACHE_HOME: cache });
    const before = statSync(join(dir, 'ladder.yaml')).mtimeMs;
    expect(ladder(['assess', file, '--update'], { env: { ...env, LADDER_NO_CACHE: '' } }).status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['ladder.yaml', 'me.yaml']);
    expect(statSync(join(dir, 'ladder.yaml')).mtimeMs).toBe(before);
    const cached = existsSync(join(cache, 'ladder')) ? readdirSync(join(cache, 'ladder'), { recursive: true }).map(String) : [];
    for (const name of cached) {
      const path = join(cache, 'ladder', name);
      if (statSync(path).isFile()) expect(readFileSync(path, 'latin1'), name).not.toContain('Rebuilt the configuration management');
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
});

describe('the HTML packet in a real browser', () => {
  let browser: Browser;
  const page = join(scratch(), 'packet.html');
  beforeAll(async () => {
    writeFileSync(page, ladder(['assess', filled, '--format', 'html']).stdout);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is self-contained, renders without errors, and prints', async () => {
    const { tab, url, problems, requests } = await openFile(browser, page, 1100);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await tab.title()).toBe('Lead Operations Engineer: self-assessment');
    expect(await tab.locator('header tbody tr').count()).toBe(4);
    expect(await tab.locator('main section').count()).toBe(4);
    expect(await tab.locator('li.expectation').count()).toBe(13);
    expect(await tab.locator('a[href="https://example.com/changes/412"]').count()).toBe(1);
    await tab.emulateMedia({ media: 'print' });
    const pdf = await tab.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await tab.close();
  });
});
