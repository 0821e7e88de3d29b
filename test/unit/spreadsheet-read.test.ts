import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LadderData } from '../../src/model/model.js';
import { cellParts } from '../../src/read/spreadsheet/cells.js';
import { explainSpreadsheet, readDelimitedBook, readSpreadsheet, readWorkbook } from '../../src/read/spreadsheet/read-spreadsheet.js';
import type { SpreadsheetOptions } from '../../src/read/spreadsheet/read-spreadsheet.js';
import { fixture } from '../helpers/cli.js';
import { dateCell, formula, numberCell, testWorkbook } from '../helpers/xlsx.js';

const csv = (text: string, name = 'ladder.csv', options: SpreadsheetOptions = {}) => readSpreadsheet(readDelimitedBook(name, Buffer.from(text), 'csv'), options);
const xlsx = async (bytes: Uint8Array, options: SpreadsheetOptions = {}) => readSpreadsheet(await readWorkbook('team.xlsx', bytes, 'xlsx'), options);
const fixtureCsv = (name: string, options: SpreadsheetOptions = {}) => csv(readFileSync(fixture(`spreadsheet/${name}`), 'utf8'), name, options);
const axesOf = (data: LadderData | undefined, track: number, level: number) => Object.fromEntries(data?.tracks[track]?.levels[level]?.axes ?? []);
const titles = (data: LadderData | undefined) => data?.tracks.map((track) => ({ track: track.name, levels: track.levels.map((level) => level.title) }));
const messages = (result: { errors: { file: string; line?: number; col?: number; message: string }[] }) => result.errors.map((error) => `${[error.file, error.line, error.col].filter((part) => part !== undefined).join(':')}: ${error.message}`);

describe('cells', () => {
  it('reads a one-line cell as a text, and lines, bullets and numbers as one clause each', () => {
    expect(cellParts('Bakes bread; sells it')).toEqual([{ kind: 'paragraph', text: 'Bakes bread; sells it' }]);
    expect(cellParts('• Bakes bread\n• Sells it\n  to the shop')).toEqual([{ kind: 'item', text: 'Bakes bread' }, { kind: 'item', text: 'Sells it to the shop' }]);
    expect(cellParts('1. Kneads\n2) Proves')).toEqual([{ kind: 'item', text: 'Kneads' }, { kind: 'item', text: 'Proves' }]);
    expect(cellParts('Kneads\r\nProves')).toEqual([{ kind: 'item', text: 'Kneads' }, { kind: 'item', text: 'Proves' }]);
  });
});

describe('layouts', () => {
  it('wide, levels as columns: a header that names levels, a title above it, an axis description column', () => {
    const result = fixtureCsv('wide-columns.csv');
    expect(result.errors).toEqual([]);
    expect(titles(result.data)).toEqual([{ track: 'Wide columns', levels: ['Apprentice Baker', 'Baker', 'Head Baker'] }]);
    expect(result.data?.name).toBe('Skills for the bakery team');
    expect(axesOf(result.data, 0, 1)).toEqual({ Dough: ['Adjusts hydration to the flour', 'Proves by feel, not the clock'], Ovens: 'Runs a full bake alone' });
    expect(result.data?.axes).toEqual([{ name: 'Dough', description: 'Mixing and proving' }, { name: 'Ovens', description: 'Firing and baking' }]);
    expect(result.summary.wordsLeftOut).toBe(0);
    expect(explainSpreadsheet(result)[0]).toMatch(/wide \(levels as columns\); header in row 2; title above it/);
  });

  it('wide, levels as rows: a grade column becomes the code', () => {
    const result = fixtureCsv('wide-rows.csv');
    expect(result.data?.tracks[0]?.levels.map((level) => [level.title, level.code])).toEqual([['Apprentice Baker', 'B1'], ['Baker', 'B2'], ['Head Baker', 'B3']]);
    expect(axesOf(result.data, 0, 1)).toEqual({ Craft: ['Adjusts hydration', 'Proves by feel'], Teamwork: 'Shows new starters the morning routine' });
  });

  it('long and sparse: blanks read as the value above, said once; an unknown column kept in the note; a group column describes the axis', () => {
    const result = fixtureCsv('long.csv');
    expect(titles(result.data)).toEqual([{ track: 'Bakers', levels: ['Apprentice Baker', 'Baker'] }, { track: 'Counter', levels: ['Server', 'Shift Lead'] }]);
    expect(axesOf(result.data, 0, 0)).toEqual({ Dough: ['Follows the recipe card', 'Asks before changing a step'], Ovens: 'Loads trays as shown' });
    expect(result.data?.tracks[0]?.levels[0]?.note).toBe('Owner: Ana');
    expect(result.data?.axes?.[0]).toEqual({ name: 'Dough', description: 'Area: Craft' });
    const sparse = result.warnings.filter((warning) => warning.message.startsWith('sparse layout'));
    expect(sparse).toHaveLength(1);
    expect(sparse[0]?.message).toMatch(/^sparse layout: \d+ empty cells in `Track`, `Level`, `Area`, `Competency` read as the value above/);
  });

  it('one sheet per level, from an XLSX: formulas by their cached value, dates and numbers as the sheet shows them', async () => {
    const rows = (clause: string) => [
      ['Theme', 'Competency', 'Proficiency', 'Evidence'],
      ['Craft', 'Dough', 'Working', clause],
      ['', 'Ovens', formula('CONCAT("Pract","itioner")', 'Practitioner'), '- Fires the oven\n- Checks the heat'],
      ['', 'Stock', numberCell('0.30000000000000004'), dateCell(45292)],
    ];
    const result = await xlsx(testWorkbook([{ name: 'Junior Baker', rows: rows('Kneads by hand') }, { name: 'Senior Baker', rows: rows('Teaches kneading') }]));
    expect(result.errors).toEqual([]);
    expect(titles(result.data)).toEqual([{ track: 'Team', levels: ['Junior Baker', 'Senior Baker'] }]);
    expect(axesOf(result.data, 0, 0)).toEqual({ Dough: ['Proficiency: Working', 'Kneads by hand'], Ovens: ['Proficiency: Practitioner', 'Fires the oven', 'Checks the heat'], Stock: ['Proficiency: 0.3', '2024-01-01'] });
    expect(explainSpreadsheet(result)[0]).toMatch(/^team\.xlsx:Junior Baker: level-sheet/);
  });

  it('never follows a link out of the workbook: a formula over another workbook is read as the value saved with it', async () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="http://example.invalid/other.xlsx" TargetMode="External"/></Relationships>';
    const book = testWorkbook([{ name: 'Team', rows: [['Level', 'Craft'], ['Baker', formula('[1]Sheet1!A1', 'Kneads by hand')]] }], { 'xl/_rels/workbook.xml.rels': rels });
    expect(axesOf((await xlsx(book)).data, 0, 0)).toEqual({ Craft: 'Kneads by hand' });
  });

  it('the layout can be named: --layout long reads a wide-looking sheet by its level and clause columns, --levels-are columns names the levels', () => {
    const text = 'Who,Alpha,Beta\nDough,Kneads,Shapes\n';
    expect(titles(csv(text).data)).toBeUndefined();
    expect(titles(csv(text, 'ladder.csv', { levelsAre: 'columns' }).data)).toEqual([{ track: 'Ladder', levels: ['Alpha', 'Beta'] }]);
    const rows = 'Alpha,Kneads\nBeta,Shapes\n';
    expect(titles(csv(`Who,What\n${rows}`, 'ladder.csv', { levelsAre: 'rows' }).data)).toEqual([{ track: 'Ladder', levels: ['Alpha', 'Beta'] }]);
  });

  it('a sheet read as no layout leaves its words in warnings that name their cells', () => {
    const result = csv('Who,Alpha,Beta\nDough,Kneads,Shapes\n');
    expect(result.summary.wordsLeftOut).toBe(6);
    expect(result.data).toBeUndefined();
    expect(result.warnings.map((warning) => `${warning.file}:${warning.line}:${warning.col}`)).toContain('ladder.csv:2:3');
  });
});

describe('errors name their cells', () => {
  it('a duplicate level', async () => {
    expect(messages(csv('Competency,Baker,Baker\nDough,Kneads,Shapes\n'))).toEqual(['ladder.csv:1:3: duplicate level `Baker`: column 2 has the same title']);
    expect(messages(await xlsx(testWorkbook([{ name: 'Engineers', rows: [['Level', 'Craft'], ['Baker', 'Kneads'], ['Baker', 'Shapes']] }])))).toEqual(['team.xlsx:Engineers!A3: duplicate level `Baker`: row 2 has the same title']);
  });

  it('an empty title', () => {
    expect(messages(csv('Level,Craft\nBaker,Kneads\n,Shapes\n'))).toEqual(['ladder.csv:3:1: empty title: this row has text but no level title']);
  });

  it('a level column with no header', async () => {
    const result = await xlsx(testWorkbook([{ name: 'Engineers', rows: [['Competency', 'Junior Engineer', 'Senior Engineer'], ['Craft', 'Builds', 'Designs', 'Leads'], ['Care', 'Tests', 'Reviews', '', 'Mentors']] }]));
    expect(messages(result)).toEqual(['team.xlsx:Engineers!D2: a level column with no header: this cell has text but its column names no level', 'team.xlsx:Engineers!E3: a level column with no header: this cell has text but its column names no level']);
  });

  it('a clause in an unknown level', () => {
    expect(messages(csv('Level,Competency,Behaviour\n,Dough,Kneads\nBaker,Dough,Shapes\n'))).toEqual(['ladder.csv:2:1: a clause in an unknown level: `Level` is empty here and in every row above']);
  });

  it('a catalogue of skills (each axis and its description, no text per level) is refused as not a ladder, with a hint (a group’s own row counts as one of its axes)', () => {
    const result = csv('area,skill,description\nBaking,,Making bread and cakes\n,Kneading,Working dough until it is smooth\n,Proving,Letting dough rise before the oven\n', 'skills.csv');
    expect(result.data).toBeUndefined();
    expect(messages(result)).toEqual(['skills.csv: no levels found: not a ladder but a catalogue of 3 axes, each with its description, and no text for any level']);
    expect(result.errors[0]?.hint).toMatch(/a level column .* or a column per level/);
  });

  it('a CSV that cannot be parsed names its line', () => {
    expect(() => csv('Level,Craft\n"Baker,Kneads\n')).toThrow(/^ladder\.csv:2: cannot read as CSV: /);
  });

  it('a multi-line cell places the rows after it at their own lines', () => {
    expect(messages(csv('Level,Craft\nBaker,"Kneads\nShapes"\n,Bakes\n'))).toEqual(['ladder.csv:4:1: empty title: this row has text but no level title']);
  });
});

describe('structures of real spreadsheets', () => {
  it('a header of two rows: the second names the axes, the label above each says what it is; a tenure after a title goes to the note; notes under the table describe the ladder', () => {
    const result = fixtureCsv('two-row-header.csv');
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks[0]?.levels.map((level) => [level.title, level.note])).toEqual([['K1', '~ 6 mths'], ['K2', '~ 1 - 2 yrs'], ['K3', undefined]]);
    expect(axesOf(result.data, 0, 0)).toEqual({ Reach: 'Works one station', 'Kitchen Craft': ['Knows every knife by name', 'Keeps the station clean'], 'Care for the Team': 'Asks before guessing', Links: 'http://example.invalid/knives' });
    expect(result.data?.axes).toEqual([{ name: 'Kitchen Craft', description: 'Hands' }, { name: 'Care for the Team', description: 'Heart' }]);
    expect(result.data?.description).toMatch(/^Reading the ranks\n\n\* Each rank keeps what the rank below asked for\.\n\nHands and Heart grow at different speeds\.$/);
    expect(result.summary.wordsLeftOut).toBe(0);
    expect(explainSpreadsheet(result)[0]).toMatch(/the header is rows 1 and 2: the second names the columns it fills\); the rows from 14 on, one cell each under a blank row, are notes/);
  });

  it('a last level with only its title, under a blank row, is a level, not a note', () => {
    const result = csv('Level,Craft\nBaker,Kneads\n\nHead Baker,Plans the menu\n\nMaster Baker\n');
    expect(titles(result.data)).toEqual([{ track: 'Ladder', levels: ['Baker', 'Head Baker', 'Master Baker'] }]);
    expect(result.data?.description).toBeUndefined();
  });

  it('a wide sheet whose axis column repeats a few names: the column beside it with a name on every row names the axes, the repeated one groups them', () => {
    const result = fixtureCsv('grouped-axes.csv');
    expect(result.errors).toEqual([]);
    expect(Object.keys(axesOf(result.data, 0, 2))).toEqual(['Timing', 'Guests', 'Sauces']);
    expect(result.data?.axes?.[2]).toEqual({ name: 'Sauces', description: 'Category: Craft\n\nThe mother sauces and their children' });
    expect(explainSpreadsheet(result)[0]).toMatch(/each row's axis named in column `Aspect`/);
  });

  it('a level header the later ones grow from is a level, though no level word is in it: `Operator` before `Lead Operator`', () => {
    const result = csv('Axis,Operator,Lead Operator,Principal Operator\nCraft,Follows the runbook,Writes the runbook,Plans capacity\n');
    expect(titles(result.data)).toEqual([{ track: 'Ladder', levels: ['Operator', 'Lead Operator', 'Principal Operator'] }]);
    expect(result.data?.axes).toBeUndefined();
  });

  it('levels named by id with no table of levels beside the file keep their ids as titles, and --explain says where the titles would come from', async () => {
    const result = csv('level_id,area,details\n1,Ropes,Ties a knot\n2,Ropes,Splices an eye\n');
    expect(titles(result.data)).toEqual([{ track: 'Ladder', levels: ['1', '2'] }]);
    expect(explainSpreadsheet(result)[0]).toMatch(/the levels are ids in `level_id`, and no table of levels beside the file \(`levels` or `niveis`, with `id` and `name`\) names them$/);
  });

  it('a workbook of a sheet per competency (an assessment form): each sheet one axis, numbered level headers, the form\'s answers and labels left out by cell', async () => {
    const form = (axis: string, meaning: string, clauses: string[][]) => ({
      name: axis,
      rows: [
        ['', axis],
        ['', meaning],
        [],
        ['', '1/ Apprentice', '', '', '2/ Journeyman', '', '', '3/ Master'],
        ...clauses.map((row) => ['', row[0] ?? '', row[0] ? 'No' : '', '', row[1] ?? '', row[1] ? 'No' : '', '', row[2] ?? '', row[2] ? 'No' : '']),
        [],
        ['', 'Result', 'Pending', '', 'Result', 'Pending', '', 'Result', 'Pending'],
      ],
    });
    const book = testWorkbook([
      form('Joinery', 'Cutting and fitting wood', [['Cuts a straight tenon', 'Fits a dovetail by eye', 'Designs a new joint'], ['Sharpens a chisel', 'Chooses the timber', '']]),
      form('Finishing', 'Oils, waxes and lacquers', [['Sands with the grain', 'Mixes a stain to match', 'Restores an antique finish'], ['Cleans the brushes', 'Lays a French polish', '']]),
      { name: 'Score', rows: [['', 'Weighting'], [], ['', 'Area', 'Weight'], ['', 'Joinery', numberCell('70')], ['', 'Finishing', numberCell('30')]] },
    ]);
    const result = await xlsx(book);
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks[0]?.levels.map((level) => [level.title, level.code])).toEqual([['Apprentice', '1'], ['Journeyman', '2'], ['Master', '3']]);
    expect(axesOf(result.data, 0, 1)).toEqual({ Joinery: ['Fits a dovetail by eye', 'Chooses the timber'], Finishing: ['Mixes a stain to match', 'Lays a French polish'] });
    expect(result.data?.axes).toEqual([{ name: 'Joinery', description: 'Cutting and fitting wood' }, { name: 'Finishing', description: 'Oils, waxes and lacquers' }]);
    const warnings = result.warnings.map((warning) => `${warning.file}: ${warning.message}`);
    expect(warnings).toContain('team.xlsx:Joinery!C5: the 2 answers of the assessment form in this column (rows 5–6), each left out: “No”');
    expect(warnings).toContain('team.xlsx:Joinery!B8: a label of the assessment form left out: “Result”');
    expect(warnings).toContain('team.xlsx:Score!C3: a cell of a sheet read as no layout (beside the sheets of one competency each, a sheet whose columns are not their levels) left out: “Weight”');
    // Every word of the form's answers, labels and score sheet is counted as left out.
    expect(result.summary.wordsLeftOut).toBe(2 * (5 + 6) + 7);
    expect(explainSpreadsheet(result)[0]).toMatch(/^team\.xlsx:Joinery: one axis; header in row 4; title above it; one axis, `Joinery`/);
    // Named as wide, each sheet is read as a table of axes again, and the answers are a level column with no header, at their cell.
    expect(messages(await xlsx(book, { layout: 'wide' }))[0]).toMatch(/^team\.xlsx:Joinery!C5: a level column with no header/);
  });
});
