import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, fixture, ladder, node, root, SCHEMA_URL } from '../helpers/cli.js';

const seed = fixture('operations-ladder.md');
const scratch = () => mkdtempSync(join(tmpdir(), 'ladder-authoring-'));

describe('ladder init', () => {
  it('writes a starter ladder that validates, creating the folder', () => {
    const target = join(scratch(), 'new', 'ladder.yaml');
    const { stderr, status } = ladder(['init', target]);
    expect(status).toBe(0);
    expect(stderr).toBe(`ladder: wrote ${target}; check it with: ladder -f ${target} validate\n`);
    expect(ladder(['-f', target, 'validate']).stdout).toBe(`${target}: valid (11 levels, 2 tracks)\n`);
    const text = readFileSync(target, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(text).toContain('# A career ladder for `ladder`');
    expect(text).toContain('title: Principal Operations Engineer');
  });

  it('with --schema, copies the schema beside the file and names the copy in the modeline', () => {
    const dir = scratch();
    const target = join(dir, 'ladders', 'platform.yaml');
    const { stderr, status } = ladder(['init', '--schema', target]);
    expect(status).toBe(0);
    expect(stderr).toBe(`ladder: wrote ${target} and ${join(dir, 'ladders', 'ladder.schema.json')}; check it with: ladder -f ${target} validate\n`);
    expect(readFileSync(target, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./ladder.schema.json');
    expect(readFileSync(join(dir, 'ladders', 'ladder.schema.json'), 'utf8')).toBe(readFileSync(join(root, 'schema', 'ladder.schema.json'), 'utf8'));
    // A copy that is there already is not replaced without --force.
    expect(ladder(['init', '--schema', join(dir, 'ladders', 'other.yaml')]).status).toBe(2);
  });

  it('refuses to overwrite, leaving the file untouched, unless --force', () => {
    const dir = scratch();
    const target = join(dir, 'ladder.yaml');
    writeFileSync(target, 'my precious ladder\n');
    const before = statSync(target).mtimeMs;
    expect(ladder(['init', target])).toEqual({ stdout: '', stderr: `ladder: error: ${target} already exists; it was left as it is\nhint: use --force to replace it\n`, status: 2 });
    expect(readFileSync(target, 'utf8')).toBe('my precious ladder\n');
    expect(statSync(target).mtimeMs).toBe(before);
    expect(ladder(['init', target, '--force']).status).toBe(0);
    expect(ladder(['-f', target, 'validate']).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['ladder.yaml']);
  });

  it('writes ./ladder.yaml by default', () => {
    const dir = scratch();
    expect(ladder(['init'], { cwd: dir }).status).toBe(0);
    expect(ladder(['validate'], { cwd: dir }).stdout).toBe('ladder.yaml: valid (11 levels, 2 tracks)\n');
  });
});

describe('ladder import', () => {
  it('turns the seed into a valid ladder, with a warning per loosely named equivalent', () => {
    const { stdout, stderr, status } = ladder(['import', seed]);
    expect(status).toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(5);
    expect(stderr).toMatch(/\nimport: 2 tracks, 11 levels, 6 axes; no words left out\n$/);
    expect(stderr).toContain(`${seed}:119:1: warning: equivalent \`Lead Engineer\` of \`Manager\` taken to be \`Lead Operations Engineer\``);
    expect(ladder(['-f', '-', 'validate'], { input: stdout }).stdout).toBe('<stdin>: valid (11 levels, 2 tracks)\n');
  });

  it('matches the shipped ladder in content', () => {
    const dir = scratch();
    const out = join(dir, 'imported.yaml');
    expect(ladder(['import', seed, '-o', out]).status).toBe(0);
    const normalise = (file: string) => {
      const levels = JSON.parse(ladder(['-f', file, 'list', '--json']).stdout) as { id: string; title: string; equivalent: { title: string } | null }[];
      const shown = levels.map((level) => JSON.parse(ladder(['-f', file, 'show', level.id, '--json']).stdout));
      // Ids are generated on import, so the comparison leaves them out.
      return shown.map((level) => ({ ...level, id: undefined, equivalent: level.equivalent?.title ?? null, peers: level.peers.map((peer: { title: string }) => peer.title), track: level.track.name }));
    };
    // The seed names `Operations Fellow` as `Fellow`; the import keeps that name as the level's alias.
    const shipped = normalise(join(root, 'ladder.yaml')).map((level) => (level.title === 'Operations Fellow' ? { ...level, aliases: ['Fellow'] } : level));
    expect(normalise(out)).toEqual(shipped);
  });

  it('reads standard input, and refuses to overwrite an output without --force', () => {
    const dir = scratch();
    const out = join(dir, 'out.yaml');
    expect(ladder(['import', '-', '-o', out], { input: readFileSync(seed) }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Imported from standard input by `ladder import`.');
    expect(ladder(['import', seed, '-o', out]).status).toBe(2);
    expect(ladder(['import', seed, '-o', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Imported from operations-ladder.md by `ladder import`.');
  });

  it('never writes over its own input', () => {
    const dir = scratch();
    const input = join(dir, 'ladder.md');
    writeFileSync(input, readFileSync(seed));
    const { stderr, status } = ladder(['import', input, '-o', input, '--force']);
    expect(status).toBe(2);
    expect(stderr).toContain('refusing to write');
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(seed, 'utf8'));
  });

  it('never writes over the file it reads from standard input, and writes to stdout with -o -', () => {
    const dir = scratch();
    const file = join(dir, 'ladder.yaml');
    writeFileSync(file, readFileSync(join(root, 'ladder.yaml')));
    const before = readFileSync(file, 'utf8');
    const shell = (command: string) => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    const refused = shell(`"${node}" "${bin}" -f - export --format yaml -o ladder.yaml --force < ladder.yaml`);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to write ladder.yaml: it is the file being read');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(ladder(['export', '--format', 'md', '-o', '-']).stdout).toBe(ladder(['export', '--format', 'md']).stdout);
    expect(ladder(['import', seed, '-o', '-']).stdout).toContain('tracks:');
  });

  it('exits 3 naming an equivalent that matches nothing', () => {
    const file = fixture('import/unmatched-equivalent.md');
    expect(ladder(['import', file])).toEqual({ stdout: '', stderr: `${file}:5:1: error: equivalent \`Wizard\` of \`Engineer\` matches no level on another track (name the equivalent by its title or code, or write _n/a_; \`ladder import --keep-unresolved\` imports the level without it)\n`, status: 3 });
  });
});

describe('ladder export', () => {
  it('writes Markdown that imports back to the same ladder (a fixed point)', () => {
    const dir = scratch();
    const first = join(dir, 'first.yaml');
    ladder(['import', seed, '-o', first]);
    const markdown = ladder(['-f', first, 'export', '--format', 'md']).stdout;
    expect(markdown.split('\n').slice(0, 1)).toEqual(['# Individual Contributors']);
    const second = join(dir, 'second.yaml');
    expect(ladder(['import', '-', '-o', second], { input: markdown }).status).toBe(0);
    const json = (file: string) => ladder(['-f', file, 'export', '--format', 'json']).stdout;
    expect(json(second)).toBe(json(first));
    expect(ladder(['-f', second, 'export', '--format', 'md']).stdout).toBe(markdown);
  });

  it('writes JSON and YAML that are ladder files themselves', () => {
    for (const format of ['json', 'yaml']) {
      const out = ladder(['export', '--format', format]).stdout;
      expect(ladder(['-f', '-', 'validate'], { input: out }).stdout).toBe('<stdin>: valid (11 levels, 2 tracks)\n');
    }
  });

  it('writes CSV, one row per level and axis, description and note, quoted per RFC 4180', () => {
    const csv = ladder(['-f', fixture('awkward-text.yaml'), 'export', '--format', 'csv']).stdout;
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['track', 'level_id', 'level', 'code', 'position', 'equivalent', 'section', 'axis', 'text']);
    // Two levels of two axes; a third with a description, a note and one axis.
    expect(rows).toHaveLength(1 + 2 + 2 + 3);
    expect(rows.every((row) => row.length === 9)).toBe(true);
    expect(rows[1]).toEqual(['Engineers | with: pipes', 'one', 'Engineer "One"', '', '1', '', 'axis', 'Craft *and* care', 'writes\tcode; reads\ncode carefully; says "hi"; uses | pipes']);
    expect(rows.slice(1).filter((row) => row[6] !== 'axis').map((row) => [row[1], row[6], row[8]])).toEqual([
      ['lead', 'description', 'Leads; the team'],
      ['lead', 'note', 'a note\twith a tab'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // A carriage return or a bell in the text is written as the text `\x0d`, `\x07`, as the README says.
    const control = ladder(['-f', '-', 'export', '--format', 'csv'], { input: 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: a\n        title: A\n        axes:\n          Craft: "one\\rtwo\\athree"\n' });
    expect(parseCsv(control.stdout)[1]?.[8]).toBe('one\\x0dtwo\\x07three');
    const shipped = parseCsv(ladder(['export', '--format', 'csv']).stdout);
    // A header; five IC levels with four axes and four managers with three; Fellow's description and note, SVP's description.
    expect(shipped).toHaveLength(1 + 5 * 4 + 4 * 3 + 3);
  });

  it('writes a file with -o, never over its input, never over a file without --force', () => {
    const dir = scratch();
    const out = join(dir, 'ladder.html');
    expect(ladder(['export', '--format', 'html', '-o', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(ladder(['export', '--format', 'html', '-o', out]).status).toBe(2);
    const own = join(dir, 'own.yaml');
    writeFileSync(own, readFileSync(join(root, 'ladder.yaml')));
    expect(ladder(['-f', own, 'export', '--format', 'yaml', '-o', own, '--force']).status).toBe(2);
    expect(readFileSync(own, 'utf8')).toBe(readFileSync(join(root, 'ladder.yaml'), 'utf8'));
    // A missing folder is created, as `init` creates one, and the run says what it wrote.
    expect(ladder(['export', '-o', join(dir, 'new', 'x.md')])).toEqual({ stdout: '', stderr: `ladder: wrote ${join(dir, 'new', 'x.md')}\n`, status: 0 });
    expect(readFileSync(join(dir, 'new', 'x.md'), 'utf8')).toMatch(/^## Individual Contributors/m);
    writeFileSync(join(dir, 'a-file'), '');
    expect(ladder(['export', '-o', join(dir, 'a-file', 'x.md')])).toMatchObject({ status: 3 });
  });
});

describe('validation that teaches', () => {
  const file = fixture('warnings.yaml');

  it('warns about a missing axis, a near-duplicate axis name and empty text, and still passes', () => {
    const { stdout, stderr, status } = ladder(['validate', file]);
    expect(status).toBe(0);
    expect(stdout).toBe(`${file}: valid (4 levels, 1 track, 3 warnings)\n`);
    expect(stderr).toBe(
      [
        `${file}:13:11: warning: axis \`Craft\` of \`senior\` is empty`,
        `${file}:14:11: warning: axis \`Customer Sucess\` is nearly \`Customer Success\` (did you mean \`Customer Success\`?)`,
        `${file}:22:9: warning: \`principal\` has no \`Customer Success\` axis, which other levels of track \`ic\` have`,
        '',
      ].join('\n'),
    );
  });

  it('turns warnings into errors with --strict', () => {
    const { stdout, stderr, status } = ladder(['validate', file, '--strict']);
    expect({ stdout, status }).toEqual({ stdout: '', status: 3 });
    expect(stderr.split('\n').filter(Boolean).every((line) => line.includes(': error: '))).toBe(true);
  });

  it('finds nothing to warn about in the shipped ladder', () => {
    expect(ladder(['validate', '--strict'])).toEqual({ stdout: 'ladder.yaml: valid (11 levels, 2 tracks)\n', stderr: '', status: 0 });
  });
});

/** A small RFC 4180 reader, to check the export from the reader's side. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

describe('writing into a folder that cannot be written', () => {
  it('fails cleanly and leaves the old file as it was', async () => {
    const { ladderAsNobody } = await import('../helpers/unprivileged.js');
    const { chmodSync } = await import('node:fs');
    const dir = scratch();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'LADDER.md'), 'old\n');
    chmodSync(join(dir, 'LADDER.md'), 0o644);
    for (const args of [['export', '-o', 'LADDER.md', '--force'], ['init', 'new.yaml'], ['import', seed, '-o', 'LADDER.md', '--force']]) {
      const outcome = ladderAsNobody(args, dir);
      expect(outcome.status, args.join(' ')).toBe(3);
      expect(outcome.stderr).toMatch(/^ladder: error: cannot write (LADDER\.md|new\.yaml): permission denied$/m);
    }
    expect(readFileSync(join(dir, 'LADDER.md'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['LADDER.md']);
  });
});
