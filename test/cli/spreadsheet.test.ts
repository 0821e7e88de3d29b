import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ladder } from '../helpers/cli.js';

// CI installs LibreOffice from Debian (.ci/run); elsewhere the test runs when it is there.
const available = spawnSync('sh', ['-c', 'command -v soffice']).status === 0 || Boolean(process.env.CI);

const FORMULAS = ['=1+1', '+2+3', '@SUM(1+1)', '-2+3', '=HYPERLINK("http://example.com","x")'];
const hostile = `tracks:
  - id: t
    name: T
    levels:
      - id: a
        title: ${JSON.stringify(FORMULAS[4])}
        axes:
${FORMULAS.slice(0, 4).map((formula, i) => `          Axis ${i}: ${JSON.stringify(formula)}`).join('\n')}
`;

describe.skipIf(!available)('the CSV export in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens as text, never as formulas', () => {
    const csv = ladder(['-f', '-', 'export', '--format', 'csv'], { input: hostile });
    expect(csv.status).toBe(0);
    writeFileSync(join(dir, 'ladder.csv'), csv.stdout);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx', '--outdir', dir, join(dir, 'ladder.csv')], { stdio: 'ignore', timeout: 120_000 });
    const sheet = execFileSync('unzip', ['-p', join(dir, 'ladder.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    const strings = execFileSync('unzip', ['-p', join(dir, 'ladder.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    expect(sheet).not.toMatch(/<f[ >]/);
    const texts = [...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((match) => (match[1] as string).replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
    for (const formula of FORMULAS) expect(texts).toContain(`'${formula}`);
  }, 150_000);
});

describe.skipIf(!available)('the XLSX export in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens cleanly, and its first sheet holds the first track as ladder wrote it', () => {
    const workbook = join(dir, 'ladder.xlsx');
    expect(ladder(['export', '--format', 'xlsx', '-o', workbook]).status).toBe(0);
    // 44,34,76: comma-separated, double quotes, UTF-8.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, workbook], { stdio: 'ignore', timeout: 120_000 });
    const levels = (args: string[]) => {
      const data = JSON.parse(ladder([...args, 'export', '--format', 'json']).stdout) as { tracks: { levels: { title: string; axes: Record<string, unknown> }[] }[] };
      return data.tracks[0]?.levels.map((level) => ({ title: level.title, axes: level.axes }));
    };
    const fromLibreOffice = ladder(['import', join(dir, 'ladder.csv'), '-o', join(dir, 'from-csv.yaml')]);
    expect(fromLibreOffice.status, fromLibreOffice.stderr).toBe(0);
    const fromLadder = ladder(['import', workbook, '-o', join(dir, 'from-xlsx.yaml')]);
    expect(fromLadder.status, fromLadder.stderr).toBe(0);
    expect(levels(['-f', join(dir, 'from-csv.yaml')])).toEqual(levels(['-f', join(dir, 'from-xlsx.yaml')]));
  }, 150_000);
});
