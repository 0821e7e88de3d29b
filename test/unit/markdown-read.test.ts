import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareMarkdown, readMarkdown } from '../../src/read/markdown/read-markdown.js';

// The HTML reader is loaded on demand; these tests read HTML synchronously.
await prepareMarkdown(['<p>']);
import { sourceFormat } from '../../src/read/source.js';
import { matchName } from '../../src/model/match.js';

const read = (text: string, name = 'test.md') => readMarkdown([{ name, text }]);
const levelsOf = (text: string) => read(text).data?.tracks.flatMap((track) => track.levels) ?? [];

describe('ids from titles', () => {
  it('fold accents into the slug of the whole title', () => {
    const ids = levelsOf('# T\n\n## Ingénieur\n\n### A\n\nx\n\n## Ingénieur principal\n\n### A\n\ny\n\n# U\n\n## Engineer I\n\n### A\n\nx\n\n## Engineer II (IC 3a)\n\n### A\n\ny\n').map((level) => [level.id, level.title, level.code]);
    expect(ids).toEqual([
      ['ingenieur', 'Ingénieur', undefined],
      ['ingenieur-principal', 'Ingénieur principal', undefined],
      ['engineer-i', 'Engineer I', undefined],
      ['engineer-ii', 'Engineer II', 'IC 3a'],
    ]);
  });

  it('fold the Latin letters Unicode does not decompose (ß, ø, Ł, Æ, Œ), keeping the slug rules', () => {
    const titles = ['Søren', 'Straße', 'Łódź', 'Æble', 'Œuvre', 'Þórﬁ'];
    const ids = levelsOf(`# T\n\n${titles.map((title) => `## ${title}\n\n### A\n\nx\n`).join('\n')}`).map((level) => level.id);
    expect(ids).toEqual(['soren', 'strasse', 'lodz', 'aeble', 'oeuvre', 'thorfi']);
  });

  it('are unique and the same on every import for titles with no Latin letters', () => {
    const text = '# 轨道\n\n## 工程师\n\n### 技能\n\n写代码\n\n## 高级工程师\n\n### 技能\n\n设计系统\n';
    const first = levelsOf(text).map((level) => level.id);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    for (const id of first) expect(id).toMatch(/^level-[0-9a-f]{6}$/);
    expect(levelsOf(text).map((level) => level.id)).toEqual(first);
  });

  it('never read as another level’s title', () => {
    const levels = levelsOf('# T\n\n## QA Engineer#\n\n### A\n\nx\n\n## QA Engineer\n\n### A\n\ny\n');
    expect(levels.map((level) => level.id)).toEqual(['qa-engineer-2', 'qa-engineer']);
  });
});

describe('names that clash', () => {
  it('drops an alias another level has as its title, or that two levels claim, with a warning', () => {
    const result = read('# T\n\n## Eng / Lead\n\n### A\n\nx\n\n## Lead\n\n### A\n\ny\n\n## Alpha / Shared\n\n### A\n\nz\n\n## Beta / Shared\n\n### A\n\nw\n');
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks[0]?.levels.map((level) => level.aliases ?? [])).toEqual([[], [], [], []]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'alias `Lead` of `Eng / Lead` is already a name of `Lead`; not kept as an alias',
      'alias `Shared` is claimed by 2 levels (`Alpha / Shared`, `Beta / Shared`); kept by none',
    ]);
  });

  it('makes a duplicate title an error at its line that names the first', () => {
    expect(read('# T\n\n## Lead\n\n### A\n\nx\n\n## lead\n\n### A\n\ny\n').errors.map((error) => `${error.line}: ${error.message}`)).toEqual(['9: title `lead` is already the title of the level at line 3']);
  });
});

describe('front matter', () => {
  it('names the ladder, and is never content', () => {
    const result = read('---\ntitle: Data Ladder\nlayout: page\n---\n\n## Data Engineer\n\n### Pipelines\n\nBuilds them.\n\n## Senior Data Engineer\n\n### Pipelines\n\nDesigns them.\n');
    expect(result.data?.name).toBe('Data Ladder');
    expect(result.data?.tracks.map((track) => track.levels.map((level) => level.title))).toEqual([['Data Engineer', 'Senior Data Engineer']]);
    expect(result.warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual(['3: front matter `layout` is not ladder content; left out: “layout page”']);
  });

  it('names the level in a file of one level', () => {
    const result = read('---\ntitle: Staff Engineer\n---\n\n## Technical Skills\n\nSets direction.\n\n## Teamwork\n\nBuilds consensus.\n');
    expect(result.data?.tracks[0]?.levels.map((level) => [level.title, level.axes.map(([name]) => name)])).toEqual([['Staff Engineer', ['Technical Skills', 'Teamwork']]]);
  });
});

describe('hostile shapes', () => {
  it('matches a long run of repeated words in polynomial time, with the right answer', () => {
    const sixteen = Array.from({ length: 16 }, () => 'a').join(' ');
    const entries = [{ item: 'title', ids: [], names: [sixteen] }];
    expect(matchName(entries, 'a a a a a a a a z').kind).toBe('none');
    expect(matchName(entries, 'a a a a a a a a').kind).toBe('one');
  });

  it('counts lines as it goes, so the last of 40,000 paragraphs is placed at its line', () => {
    const text = `# T\n\n## Senior Engineer\n\n### A\n\n${'word\n\n'.repeat(40_000)}## When?\n\nprose\n`;
    const result = read(text);
    expect(result.warnings.at(-1)?.line).toBe(6 + 80_000 + 1);
  });

  it('reads a list of 99,990 items (a file may have 100,000 lines), a line of a million characters and 5,000 tables', () => {
    const head = '# T\n\n## Senior Engineer\n\n### Craft\n\n';
    expect(levelsOf(`${head}${'- item\n'.repeat(99_990)}`)[0]?.axes[0]?.[1]).toHaveLength(99_990);
    expect(read(`${head}${'- item\n'.repeat(99_995)}`).errors.map(({ line, message }) => `${line}: ${message}`)).toEqual(['100001: the file has more than 100,000 lines']);
    expect(levelsOf(`${head}${'word '.repeat(200_000)}\n`)[0]?.axes[0]?.[1]).toHaveLength(999_999);
    const tables = read(`${head}${'| a | b |\n|---|---|\n| c | d |\n\n'.repeat(5_000)}`);
    expect(tables.errors).toEqual([]);
    expect(tables.warnings).toHaveLength(5_000);
  });

  it('ends a <table> that is never closed where CommonMark ends its HTML block, so the headings after it are read', () => {
    const result = read('# T\n\n<table><tr><td>Level</td><td>Craft</td></tr>\n\n## Senior Engineer\n\n**Craft:** Designs systems.\n\n## Staff Engineer\n\n**Craft:** Sets direction.\n');
    expect(result.data?.tracks.flatMap((track) => track.levels.map((level) => level.title))).toEqual(['Senior Engineer', 'Staff Engineer']);
  });

  it('leaves out in a warning, at its line, the text after a comment opened inside a <table> and never closed', () => {
    const result = read('# T\n\n## Senior Engineer\n\n**Craft:** Designs systems.\n\n## Managers\n\n<table>\n<tr><td>Lead</td><td>Runs the team</td></tr>\n<!--\n<tr><td>Head</td><td>Runs the teams</td></tr>\n</table>\n');
    const warning = result.warnings.find((one) => one.message.includes('never closed'));
    expect(warning?.line).toBe(11);
    expect(warning?.message).toContain('Runs the teams');
  });

  it('keeps the title of a competency-first section with no text for any level (a line a stray `-` made a heading) as prose', () => {
    const skill = (name: string, extra = '') => `## ${name}\n\n**Beginner**: Starts ${name}.\n\n**Intermediate**: Does ${name}.\n\n**Expert**: Leads ${name}.${extra}\n\n`;
    const result = read(`# Skills\n\n${skill('Sawing', '\n-')}${skill('Sanding')}${skill('Varnishing')}`);
    expect(result.data?.tracks[0]?.levels.map((level) => level.title)).toEqual(['Beginner', 'Intermediate', 'Expert']);
    expect(result.data?.tracks[0]?.description).toContain('Expert: Leads Sawing.');
  });

  it('reads rows under a tag that only looks like a table’s (<t-able>) as a table, so the words of its cells never run together', () => {
    const result = read('# Crew\n\n<t-able>\n<tr><th>Level</th><th>Rigging</th></tr>\n<tr><td>Deckhand</td><td>Coils ropes</td></tr>\n<tr><td>Bosun</td><td>Checks the rigging</td></tr>\n</table>\n');
    expect(result.data?.tracks[0]?.levels.map((level) => level.title)).toEqual(['Deckhand', 'Bosun']);
    expect(result.data?.tracks[0]?.levels.map((level) => level.axes.map(([name]) => name))).toEqual([['Rigging'], ['Rigging']]);
  });

  it('reads what an empty <summary> folds away as text, never as an axis with no name', () => {
    const details = (summary: string, item: string) => `<details>\n  <summary>${summary}</summary>\n  <ul>\n    <li>${item}</li>\n  </ul>\n</details>\n\n`;
    const result = read(`---\nladder:\n  level-depth: 2\n---\n<h1>Crew</h1>\n\n<h2>Deckhand</h2>\n\n${details('\n  ', 'Coils ropes.')}${details('<b>Rigging</b>', 'Checks knots.')}<h2>Bosun</h2>\n\n${details('<b>Rigging</b>', 'Checks the rigging.')}`);
    expect(result.errors).toEqual([]);
    expect(result.data?.tracks[0]?.levels.flatMap((level) => level.axes.map(([name]) => name))).toEqual(['Rigging', 'Rigging']);
    expect(result.data?.tracks[0]?.levels[0]?.description).toBe('Coils ropes.');
  });

  it('reads 10,000 unclosed <table> blocks and a table of 10,000 rows cut by blank lines, each in one pass', () => {
    const unclosed = read(`# T\n\n## Senior Engineer\n\n**Craft:** x\n\n${'<table><tr><td>a\n\n'.repeat(10_000)}`);
    expect(unclosed.errors).toEqual([]);
    const rows = Array.from({ length: 10_000 }, (_, index) => `<tr><td>Level ${index}</td><td>does ${index}</td></tr>\n\n`).join('');
    const long = read(`# T\n\n<table>\n<tr><th>Level</th><th>Craft</th></tr>\n\n${rows}</table>\n`);
    expect(long.data?.tracks[0]?.levels).toHaveLength(10_000);
  });

  it('never reads a comment, a style, a script or an attribute of an HTML table as text', () => {
    const html = '<table>\n<tr><th>Level</th><th title="a > b">Craft</th></tr>\n<tr><td>Senior Engineer</td><!-- <td>hidden</td> --><td>Designs <span style="x">systems</span></td></tr>\n</table>\n<style>td { color: red }</style>\n<script>alert(1)</script>\n';
    const result = read(`# T\n\n${html}`);
    const text = JSON.stringify(result.data);
    expect(result.data?.tracks[0]?.levels.map((level) => level.title)).toEqual(['Senior Engineer']);
    for (const word of ['hidden', 'color', 'alert', 'a > b']) expect(text).not.toContain(word);
    expect(text).toContain('Designs systems');
  });

  it('refuses quotes and lists nested too deep, at the line', () => {
    expect(read(`# T\n\n## Senior\n\n### A\n\n${'> '.repeat(1500)}deep\n`).errors.map((error) => `${error.line}: ${error.message}`)).toEqual(['7: quotes and lists are nested more than 16 deep']);
  });
});

describe('the format of a file without an extension', () => {
  it('is YAML with a top-level `tracks:` key, Markdown with headings or front matter', () => {
    expect(sourceFormat({ name: '<stdin>', text: '# yaml-language-server: x\ntracks:\n  - id: a\n' })).toBe('yaml');
    expect(sourceFormat({ name: '<stdin>', text: '# Engineers\n\n## Senior\n' })).toBe('markdown');
    expect(sourceFormat({ name: '<stdin>', text: '---\ntitle: x\n---\n' })).toBe('markdown');
    expect(sourceFormat({ name: 'ladder.md', text: 'tracks:\n' })).toBe('markdown');
  });
});

describe('a folder of one level per page, titled by name and rank', () => {
  const page = (name: string, mark: string) => ({ name: `${name}.md`, text: `### Glazing\n\n#### ${mark}\n\n- fires a batch of bowls\n\n### Kiln\n\n#### Loading\n\n- stacks the shelves\n` });
  const tracksOf = (files: { name: string; text: string }[]) => readMarkdown(files).data?.tracks.map((track) => [track.name, track.levels.map((level) => level.title)]);

  it('keeps one track where one name holds the others’ words (`Engineer 1`, `Senior Engineer 1`)', () => {
    const tracks = tracksOf([page('Engineer 1', 'Copies'), page('Engineer 2', 'Varies'), page('Senior Engineer 1', 'Copies'), page('Senior Engineer 2', 'Invents')]);
    expect(tracks).toHaveLength(1);
  });

  it('makes a track of each name that shares no word with the others', () => {
    const tracks = tracksOf([page('Engineer 1', 'Copies'), page('Engineer 2', 'Varies'), page('Product Manager 1', 'Copies'), page('Product Manager 2', 'Invents')]);
    expect(tracks).toEqual([
      ['Engineer', ['Engineer 1', 'Engineer 2']],
      ['Product Manager', ['Product Manager 1', 'Product Manager 2']],
    ]);
  });

  it('reads a sub-heading that changes from page to page as the mark on its axis, and one every page repeats as an axis', () => {
    const levels = readMarkdown([page('Engineer 1', 'Copies'), page('Engineer 2', 'Varies')]).data?.tracks[0]?.levels ?? [];
    expect(levels.map((level) => level.axes.map(([name]) => name))).toEqual([
      ['Glazing', 'Kiln / Loading'],
      ['Glazing', 'Kiln / Loading'],
    ]);
    expect(levels[1]?.axes[0]).toEqual(['Glazing', ['Varies', 'fires a batch of bowls']]);
  });
});

describe("each rule turned off under the front matter's `ladder:` key", () => {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'markdown');
  const file = (name: string) => ({ name, text: readFileSync(join(fixtures, name), 'utf8') });
  /** The pages of a fixture folder, the first given the settings in its front matter. */
  const pages = (folder: string, settings: string) =>
    readdirSync(join(fixtures, folder))
      .sort()
      .map((name, index) => ({ name: `${folder}/${name}`, text: (index === 0 && settings ? `---\nladder: { ${settings} }\n---\n` : '') + readFileSync(join(fixtures, folder, name), 'utf8') }));
  const withSettings = (name: string, settings: string) => ({ name, text: `---\nladder: { ${settings} }\n---\n${file(name).text}` });
  const trackNames = (files: { name: string; text: string }[]) => readMarkdown(files).data?.tracks.map((track) => track.name);

  it('introduction: false reads the README as a page, so it names no ladder', () => {
    expect(readMarkdown(pages('pages-with-intro-and-ranks', '')).data?.name).toBe('Bakery Ladders');
    expect(readMarkdown(pages('pages-with-intro-and-ranks', 'introduction: false')).data?.name).toBeUndefined();
  });

  it('navigation: false keeps the headings over links to pages, with no word left out', () => {
    expect(readMarkdown(pages('pages-with-intro-and-ranks', '')).summary.wordsLeftOut).toBeGreaterThan(0);
    expect(readMarkdown(pages('pages-with-intro-and-ranks', 'navigation: false')).summary.wordsLeftOut).toBe(0);
  });

  it('tracks-by-name: false keeps the pages titled a name and a rank in one track', () => {
    expect(trackNames(pages('pages-with-intro-and-ranks', ''))).toEqual(['Baker', 'Pastry Chef']);
    expect(trackNames(pages('pages-with-intro-and-ranks', 'tracks-by-name: false'))).toHaveLength(1);
  });

  it('group-row: false reads the header row as the titles, so a table under a row of groups holds no levels', () => {
    expect(readMarkdown([file('table-grouped-header.md')]).errors).toEqual([]);
    expect(readMarkdown([withSettings('table-grouped-header.md', 'group-row: false')]).errors[0]?.message).toMatch(/no ladder found/);
  });

  it('summary-tables: false reads a table of level titles as levels', () => {
    const titles = (files: { name: string; text: string }[]) => readMarkdown(files).data?.tracks.flatMap((track) => track.levels.map((level) => level.title));
    expect(titles([file('summary-of-level-tables.md')])).not.toContain('Step 1');
    expect(titles([withSettings('summary-of-level-tables.md', 'summary-tables: false')])).toContain('Step 1');
  });
});
