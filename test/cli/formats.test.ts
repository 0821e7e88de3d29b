import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture, ladder } from '../helpers/cli.js';

const FORMATS = ['text', 'json', 'yaml', 'tsv', 'md'];

/** Every command that prints a result, on the awkward fixture, with its documented TSV column count. */
const COMMANDS: { args: string[]; columns: number; rows: number }[] = [
  { args: ['show', 'one'], columns: 4, rows: 6 },
  { args: ['show', 'one', 'lead'], columns: 4, rows: 10 },
  { args: ['diff', 'one', 'two'], columns: 4, rows: 7 },
  { args: ['diff', 'two', 'lead', '--all'], columns: 4, rows: 8 },
  { args: ['equiv', 'two'], columns: 4, rows: 1 },
  // The grid: a column per track, a row per group of peers.
  { args: ['equiv'], columns: 2, rows: 2 },
  { args: ['list'], columns: 5, rows: 3 },
  { args: ['validate'], columns: 6, rows: 0 },
];

const run = (args: string[], format: string, extra: string[] = []) => ladder(['-f', fixture('awkward-text.yaml'), ...args, '--format', format, ...extra]);

describe.each(COMMANDS)('ladder $args', ({ args, columns, rows }) => {
  it.each(FORMATS)('succeeds in %s, with no escape codes on a pipe', (format) => {
    const { stdout, stderr, status } = run(args, format);
    expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
    expect(stdout).not.toContain('\u001b');
    // A valid file has no problems to list in TSV; everything else prints complete lines.
    if (!(format === 'tsv' && rows === 0)) expect(stdout).toMatch(/.\n$/);
  });

  it('writes JSON and YAML that parse to the same value', () => {
    const json = JSON.parse(run(args, 'json').stdout);
    expect(parseYaml(run(args, 'yaml').stdout)).toEqual(json);
  });

  it(`writes TSV rows of exactly ${columns} fields, whatever the text holds`, () => {
    const lines = run(args, 'tsv').stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(rows);
    for (const line of lines) expect(line.split('\t')).toHaveLength(columns);
    const withHeader = run(args, 'tsv', ['--header']).stdout.split('\n');
    expect(withHeader[0]?.split('\t')).toHaveLength(columns);
  });
});

describe('TSV', () => {
  it('escapes tabs, newlines and backslashes so that fields can be recovered', () => {
    const lines = run(['show', 'one'], 'tsv').stdout.split('\n');
    expect(lines).toContain('one\tCraft *and* care\t1\twrites\\tcode');
    expect(lines).toContain('one\tCraft *and* care\t2\treads\\ncode carefully');
    expect(run(['show', 'lead'], 'tsv').stdout).toContain('lead\tPeople\t2\tgrows \\\\ people\n');
  });

  it('has the documented columns', () => {
    const header = (args: string[]) => run(args, 'tsv', ['--header']).stdout.split('\n')[0];
    expect(header(['show', 'one'])).toBe('level\tsection\tn\ttext');
    expect(header(['diff', 'one', 'two'])).toBe('section\tchange\tfrom\tto');
    expect(header(['equiv', 'two'])).toBe('level\ttrack\tequivalent\tequivalent_track');
    expect(header(['equiv'])).toBe('eng\tmgr');
    expect(header(['list'])).toBe('id\ttitle\ttrack\tposition\tequivalent');
    expect(header(['validate'])).toBe('file\tline\tcol\tseverity\tmessage\thint');
  });

  it('starts each show row with the level id', () => {
    const first = ladder(['show', 'principal', '--format', 'tsv']).stdout.split('\n').slice(0, -1).map((line) => line.split('\t')[0]);
    expect(new Set(first)).toEqual(new Set(['principal']));
  });
});

describe('Markdown', () => {
  it('renders a diff as a document with headings, strike-through and bold, and clauses not repeated as not restated', () => {
    const { stdout } = ladder(['diff', 'engineer', 'lead', '--format', 'md']);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['## Operations Engineer → Lead Operations Engineer', '', '**Equivalent**: _n/a_ → Manager']);
    expect(stdout).toContain('### Domain Knowledge\n\n- **changed:** ~~Mid-to-high~~ **High** level Linux system administration\n');
    expect(stdout).toContain('- **not restated:** proficient with UA operations tools/style and contributes to new or updated tooling solutions\n');
    expect(stdout).toContain('- **added:** able to define, create and contribute to operations systems in multiple areas\n');
  });

  it('escapes ladder text that would read as Markdown', () => {
    const { stdout } = run(['show', 'two'], 'md');
    expect(stdout).toContain('## Engineer Two');
    expect(stdout).toContain('- listens well\n- \\[links\\](x)\n');
    expect(run(['show', 'one'], 'md').stdout).toContain('- asks \\<why\\>');
  });

  it('renders a level with its track, equivalent and axes', () => {
    const { stdout } = ladder(['show', 'principal', '--format', 'md']);
    expect(stdout.split('\n').slice(0, 5)).toEqual(['## Principal Operations Engineer', '', '**Track**: Individual Contributors (level 4 of 6)  ', '**Management Equivalent**: Senior Manager', '']);
    expect(stdout).toContain('### Domain Knowledge\n\n- Expert Linux system administration\n- defines and creates new tooling solutions\n');
  });
});

describe('--json', () => {
  it('is a short form of --format json on every command', () => {
    for (const { args } of COMMANDS) {
      expect(ladder(['-f', fixture('awkward-text.yaml'), ...args, '--json']).stdout).toBe(run(args, 'json').stdout);
    }
  });
});
