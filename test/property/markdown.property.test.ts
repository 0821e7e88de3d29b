import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, ladderInProcess } from '../helpers/cli.js';
import { missingWords } from '../helpers/words.js';
import { applyMarkdownMutation, markdownLadderArbitrary, markdownMutation } from './markdown-arbitraries.js';
import { RUNS } from './arbitraries.js';

/**
 * `ladder import -` on a Markdown text, in-process: it must end in exit 0 or 3, never 70 (an
 * internal error), and when it imports, every word of the text must be in the ladder it wrote
 * (read back through `export --format md`) or in a warning.
 */
async function importLosesNothing(markdown: string): Promise<void> {
  const imported = await ladderInProcess(['import', '-'], { stdin: markdown });
  expect([0, 3], imported.stderr).toContain(imported.status);
  if (imported.status !== 0) return;
  const exported = await ladderInProcess(['-f', '-', 'export', '--format', 'md'], { stdin: imported.stdout });
  expect(exported.status, exported.stderr).toBe(0);
  expect(missingWords(markdown, `${exported.stdout}\n${imported.stderr}`)).toEqual([]);
}

const fixtures = [fixture('operations-ladder.md'), ...readdirSync(fixture('markdown')).filter((name) => name.endsWith('.md')).map((name) => fixture(`markdown/${name}`))].map((path) => readFileSync(path, 'utf8'));

describe('reading Markdown ladders', () => {
  it('imports every generated ladder, in every structure, without an internal error or a lost word', async () => {
    await fc.assert(fc.asyncProperty(markdownLadderArbitrary, importLosesNothing), { numRuns: RUNS });
  });

  it('survives edits to every fixture the same way', async () => {
    const edited = fc
      .constantFrom(...fixtures)
      .chain((text) => fc.array(markdownMutation(text.split('\n').length), { minLength: 1, maxLength: 4 }).map((changes) => changes.reduce(applyMarkdownMutation, text)));
    await fc.assert(fc.asyncProperty(edited, importLosesNothing), { numRuns: RUNS });
  });
});

describe('edits the fuzz found, kept as cases', () => {
  const table = (cells: string) => `# Ladder\n\n<table>\n<tr><th>Area</th><th>Senior Engineer</th><th>Staff Engineer</th></tr>\n<tr>${cells}</tr>\n</table>\n`;
  it.each([
    // A cell that starts with `<` and a word, cut by a blank line: the block ends inside what would be a tag.
    ['a cell opening with `<Word`, cut by a blank line', table('<td>Craft</td><td><Careful work\n\nwith more words</td><td>Deep work</td>')],
    ['a first cell opening with `<Word`, cut by a blank line', table('<td><Craft\n\nstill craft</td><td>Careful</td><td>Deep work</td>')],
    ['an HTML block that ends inside a tag', '# Ladder\n\n## Senior Engineer\n\n<p>Owns the <Release train\n'],
    ['a last cell opening with `<Word`, up to the `>` of its row', table('<td>Craft</td><td>Careful</td><td><Keeps the lamp log for the coast\n')],
    // `</t<d>` is one end tag, named `t<d`, as in HTML: no word of it is content.
    ['an end tag with `<` in its name', table('<td>Craft</td><td>Careful</td><td>Deep work</t<d>')],
    ['a header cell with `<` inside a word', table('<td>Craft</td><td>Care<ful</td><td>Deep work</td>').replace('<th>Area</th>', '<th>Ar<ea</th>')],
    // A header that lost its first cell puts the titles in another order on one track: levels of one title are then no peers, never crossing ones.
    ['tables of one set of titles, one of them shifted by a broken header cell', "# \n\n## Skills\n\n### Dough\n\n<table>\n  <thead>\n    <th>Novice</th>\n    <th>Intermediate</th>\n    <th>Master Baker</th>\n  </thead>\n  <tbody>\n    <tr>\n      <td>Weighs flour.</td>\n      <td>Adjusts hydration.</td>\n      <td>Writes the recipes.</td>\n    </tr>\n  </tbody>\n</table>\n\n### Ovens\n\n<table>\n  <thead>\n    <#th>Novice</th>\n    <th>Intermediate</th>\n    <th>Master Baker</th>\n  </thead>\n  <tbody>\n    <tr>\n      <td>Loads a deck oven.</td>\n      <td>Runs a full bake.</td>\n      <td>Plans the firing.</td>\n    </tr>\n  </tbody>\n</table>\n### Shop\n\n| Novice | Intermediate | Master Baker |\n| --- | --- | --- |\n| Sweeps the store. | Orders flour. | Chooses the mills. |\n"],
    // `level: >1` folds to an empty text: the level is named by its place, never with no title.
    ['a front-matter level whose name folds to nothing', '---\ntitle: Survey Crew\ntopics:\n  - name: mapping\n    title: Map Making\n    content:\n      - level: 1\n        criteria:\n          - Draws a site plan\n      - level: >1\n        criteria:\n          - Plans the survey of a small site\n---\n'],
  ])('%s', async (_, markdown) => {
    await importLosesNothing(markdown);
  });
});
