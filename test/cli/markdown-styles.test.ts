import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, fixture, ladder } from '../helpers/cli.js';
import { missingWords } from '../helpers/words.js';

const STYLES = fixture('markdown');

/** Each style's fixture (a file, or a folder of them) and the import options it is read with. */
const cases: { name: string; args: string[] }[] = readdirSync(STYLES)
  .filter((name) => name.endsWith('.md') || statSync(join(STYLES, name)).isDirectory())
  .map((name) => ({ name: name.replace(/\.md$/, ''), args: [name] }));
cases.push({ name: 'discipline-files-kept', args: ['--keep-unresolved', 'discipline-files'] });
// The reader's decisions, overridden on the command line (the front matter's `ladder:` key is in front-matter-settings.md).
cases.push({ name: 'competency-first-plain-transposed', args: ['--transpose', 'competency-first-plain.md'] });
cases.push({ name: 'rowing-club-overridden', args: ['--level-depth', '3', '--not-level', 'Coxswain notes', 'rowing-club.md'] });
cases.push({ name: 'title-and-intro-sections-deeper', args: ['--level-depth', '3', 'title-and-intro-sections.md'] });
cases.push({ name: 'competency-tables-not-transposed', args: ['--no-transpose', 'competency-tables.md'] });
cases.push({ name: 'bold-key-words-as-axes', args: ['--axis-labels', 'bold-key-words.md'] });
cases.push({ name: 'labelled-list-items-as-words', args: ['--no-axis-labels', 'labelled-list-items.md'] });
cases.push({ name: 'pages-with-intro-and-ranks-no-introduction', args: ['--no-introduction', 'pages-with-intro-and-ranks'] });
cases.push({ name: 'pages-with-intro-and-ranks-no-navigation', args: ['--no-navigation', 'pages-with-intro-and-ranks'] });
cases.push({ name: 'pages-with-intro-and-ranks-one-track', args: ['--no-tracks-by-name', 'pages-with-intro-and-ranks'] });
cases.push({ name: 'table-grouped-header-no-group-row', args: ['--no-group-row', 'table-grouped-header.md'] });
cases.push({ name: 'summary-of-level-tables-as-levels', args: ['--no-summary-tables', 'summary-of-level-tables.md'] });

/** The Markdown files a case reads, every file of a folder included. */
function sourceFiles(args: string[]): string[] {
  return args
    .filter((arg) => /\.md$/.test(arg) || (!arg.startsWith('-') && existsSync(join(STYLES, arg)) && statSync(join(STYLES, arg)).isDirectory()))
    .flatMap((arg) => {
      const path = join(STYLES, arg);
      return statSync(path).isDirectory() ? readdirSync(path).map((name) => readFileSync(join(path, name), 'utf8')) : [readFileSync(path, 'utf8')];
    });
}

/** Import output without the modeline, whose schema path is this checkout's. */
const withoutModeline = (yaml: string) => yaml.replace(/^# yaml-language-server: .*\n/, '');

describe.each(cases)('importing the $name style', ({ name, args }) => {
  const imported = ladder(['import', ...args], { cwd: STYLES });

  it('gives the ladder in its golden, with the warnings and summary in its golden', () => {
    expectGolden(`markdown/${name}.yaml`, withoutModeline(imported.stdout));
    expectGolden(`markdown/${name}.stderr.txt`, imported.stderr);
    expect(imported.status === 0 || imported.status === 3).toBe(true);
  });

  it('explains each heading, table and list it read, with its role and rule, in its golden', () => {
    const explained = ladder(['import', '--explain', ...args], { cwd: STYLES });
    expect(explained.status).toBe(imported.status);
    expectGolden(`markdown/${name}.explain.txt`, explained.stdout);
  });

  it('loses no word: each is in the ladder or in a warning', () => {
    if (imported.status !== 0) return;
    const exported = ladder(['-f', '-', 'export', '--format', 'md'], { input: imported.stdout });
    expect(exported.status).toBe(0);
    expect(missingWords(sourceFiles(args), `${exported.stdout}\n${imported.stderr}`)).toEqual([]);
  });

  it('comes back the same through export --format md and import', () => {
    if (imported.status !== 0) return;
    const exported = ladder(['-f', '-', 'export', '--format', 'md'], { input: imported.stdout });
    const again = ladder(['import', '-'], { input: exported.stdout });
    expect(again.stderr).toMatch(/^import: .* no words left out\n$/m);
    const body = (yaml: string) => yaml.replace(/^#.*\n/gm, '');
    expect(body(again.stdout)).toBe(body(imported.stdout));
  });
});

describe('importing a folder named by an absolute path', () => {
  it('reads the same ladder as the relative name does', () => {
    const relative = ladder(['import', 'one-level-per-file'], { cwd: STYLES });
    const absolute = ladder(['import', join(STYLES, 'one-level-per-file')], { cwd: STYLES });
    expect(absolute.status).toBe(0);
    expect(absolute.stdout.replace(/^#.*\n/gm, '')).toBe(relative.stdout.replace(/^#.*\n/gm, ''));
  });
});
