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
