import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ladder, ladderInProcess, root } from '../helpers/cli.js';
import { testWorkbook } from '../helpers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'ladder-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sheet = (name: string) => fixture(`spreadsheet/${name}`);
/** The ladder file without its comment lines, which name the file it came from. */
const body = (yaml: string) => yaml.replace(/^#.*\n/gm, '');

describe('ladder import FILE.csv|.tsv|.xlsx', () => {
  it('writes the ladder on stdout and the summary line on stderr', () => {
    const outcome = ladder(['import', sheet('long.csv')]);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('title: Shift Lead');
    expect(outcome.stderr.split('\n').slice(-2)).toEqual(['import: 2 tracks, 4 levels, 3 axes; no words left out', '']);
  });

  it('reads standard input with --from, and TSV', () => {
    const csv = readFileSync(sheet('wide-rows.csv'), 'utf8');
    const fromStdin = ladder(['import', '-', '--from', 'csv', '--track', 'Wide rows'], { input: csv });
    expect(fromStdin.status).toBe(0);
    expect(body(fromStdin.stdout)).toBe(body(ladder(['import', sheet('wide-rows.csv')]).stdout));
    const tsv = ladder(['import', '-', '--from', 'tsv', '--track', 'Wide rows'], { input: csv.replace(/,/g, '\t') });
    expect(body(tsv.stdout)).toBe(body(fromStdin.stdout));
  });

  it('says how it read each sheet with --explain, instead of the ladder', () => {
    const outcome = ladder(['import', sheet('wide-columns.csv'), '--explain']);
    expect(outcome.stdout).toContain(`${sheet('wide-columns.csv')}: wide (levels as columns); header in row 2; title above it;`);
    expect(outcome.stdout).not.toContain('tracks:');
    expect(outcome.stderr).toMatch(/^import: \d+ tracks?, /m);
  });

  it('exits 3 naming the cell: `team.xlsx:Engineers!A3`', () => {
    const file = join(dir, 'team.xlsx');
    writeFileSync(file, testWorkbook([{ name: 'Engineers', rows: [['Level', 'Craft'], ['Baker', 'Kneads'], ['', 'Shapes']] }]));
    expect(ladder(['import', 'team.xlsx'], { cwd: dir })).toEqual({ stdout: '', stderr: 'team.xlsx:Engineers!A3: error: empty title: this row has text but no level title (write the level\'s title in column `Level`)\n', status: 3 });
  });

  it('exits 3 naming row and column: `ladder.csv:3:1`', () => {
    const outcome = ladder(['import', '-', '--from', 'csv'], { input: 'Level,Craft\nBaker,Kneads\nBaker,Shapes\n' });
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toMatch(/^<stdin>:3:1: error: duplicate level `Baker`: row 2 has the same title/);
  });

  it('names levels given by id from the table of levels beside the file, and says so in --explain', () => {
    const file = sheet('level-ids/crew.csv');
    const outcome = ladder(['import', file]);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect([...outcome.stdout.matchAll(/title: (.*)/g)].map((match) => match[1])).toEqual(['Deckhand', 'Bosun', 'First Mate']);
    // `skill` is a plain copy of a formatted clause, or a clause of its own where the details say more.
    expect(outcome.stdout).toContain('- Plans for a squall\n            - Reefs early when a squall builds');
    expect(outcome.stdout).not.toContain('Ties a bowline\n');
    expect(outcome.stderr).toContain(`${file}:2:1: warning: the rows' own ids in column \`id\` left out: “1” to “10”, 10 cells`);
    expect(ladder(['import', file, '--explain']).stdout).toContain(`the levels' ids in \`level_id\` named by ${sheet('level-ids/levels.csv')}`);
  });

  it('exits 3 at the cell of a level id the table of levels lacks', () => {
    const copy = join(dir, 'ids');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'levels.csv'), readFileSync(sheet('level-ids/levels.csv')));
    writeFileSync(join(copy, 'crew.csv'), 'id,level_id,area,details\n1,1,Ropes,Ties a bowline\n2,9,Ropes,Splices an eye\n');
    const outcome = ladder(['import', 'ids/crew.csv'], { cwd: dir });
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toContain('ids/crew.csv:3:2: error: level id `9` is not in ids/levels.csv');
  });

  it('refuses a file that is not a workbook', () => {
    const outcome = ladder(['import', sheet('long.csv'), '--from', 'xlsx']);
    expect(outcome.status).toBe(3);
    expect(outcome.stderr).toContain('long.csv: not an XLSX workbook (no xl/workbook.xml inside)');
  });
});

describe('ladder export --format xlsx', () => {
  it('imports back to the same ladder (a fixed point), for the shipped ladder and each layout', () => {
    const levelSheets = join(dir, 'levels.xlsx');
    const levelRows = (clause: string) => [['Theme', 'Competency', 'Evidence'], ['Craft', 'Dough', clause], ['', 'Ovens', '- Fires the oven\n- Checks the heat']];
    writeFileSync(levelSheets, testWorkbook([{ name: 'Junior Baker', rows: levelRows('Kneads by hand') }, { name: 'Senior Baker', rows: levelRows('Teaches kneading') }]));
    // A workbook of a sheet per competency, as an assessment form keeps it (the answers' column left out).
    const formSheets = join(dir, 'form.xlsx');
    const form = (axis: string, clauses: string[]) => ({ name: axis, rows: [['', axis], [], ['', '1/ Apprentice', '', '2/ Journeyman'], ['', clauses[0] ?? '', 'No', clauses[1] ?? '', 'No'], ['', clauses[2] ?? '', 'No', clauses[3] ?? '', 'No']] });
    writeFileSync(formSheets, testWorkbook([form('Joinery', ['Cuts a tenon', 'Fits a dovetail', 'Sharpens a chisel', 'Chooses the timber']), form('Finishing', ['Sands with the grain', 'Mixes a stain', 'Cleans the brushes', 'Lays a French polish'])]));
    const layouts = [sheet('wide-columns.csv'), sheet('wide-rows.csv'), sheet('long.csv'), levelSheets, sheet('two-row-header.csv'), sheet('grouped-axes.csv'), sheet('level-ids/crew.csv'), formSheets];
    const sources = [readFileSync(join(root, 'ladder.yaml'), 'utf8'), ...layouts.map((file) => ladder(['import', file]).stdout)];
    const source = join(dir, 'source.yaml');
    const workbook = join(dir, 'ladder.xlsx');
    const cycle = (yaml: string) => {
      writeFileSync(source, yaml);
      expect(ladder(['-f', source, 'export', '--format', 'xlsx', '-o', workbook, '--force']).status).toBe(0);
      const imported = ladder(['import', workbook]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stderr).toMatch(/no words left out\n$/);
      return imported.stdout;
    };
    sources.forEach((yaml, index) => {
      const once = cycle(yaml);
      expect(body(cycle(once))).toBe(body(once));
      // A ladder that came from a spreadsheet comes back whole.
      if (index > 0) expect(body(once)).toBe(body(yaml));
    });
  }, 120_000);

  it('keeps ids, grades, aliases, equivalent labels, peers and track axes: export then import gives the same ladder', () => {
    const workbook = join(dir, 'kept.xlsx');
    const imported = join(dir, 'kept.yaml');
    const asYaml = (source: string) => body(ladder(['-f', source, 'export', '--format', 'yaml']).stdout);
    // The shipped ladder (aliases, labels), a graded one, an organisation whose titles repeat across tracks, front-matter disciplines,
    // and an organisation whose first level's title (`Operator`) has none of the words levels are known by.
    for (const source of [join(root, 'ladder.yaml'), fixture('page/data-platform.yaml'), fixture('organisation-repeated'), fixture('markdown/front-matter-disciplines'), fixture('organisation-markdown')]) {
      expect(ladder(['-f', source, 'export', '--format', 'xlsx', '-o', workbook, '--force']).status).toBe(0);
      const outcome = ladder(['import', workbook, '-o', imported, '--force']);
      expect(outcome.status, outcome.stderr).toBe(0);
      expect(asYaml(imported), source).toBe(asYaml(source));
    }
  }, 120_000);

  it('will not write a workbook to a terminal', async () => {
    const outcome = await ladderInProcess(['export', '--format', 'xlsx'], { tty: true });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('--format xlsx is a binary file, not for a terminal');
  });
});
