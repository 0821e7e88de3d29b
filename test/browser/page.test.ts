import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { browserSuite, openFile } from '../helpers/browser.js';
import { fixture, ladder, root } from '../helpers/cli.js';

/**
 * The views of `export --format html`, driven in Chromium on three ladders: the shipped one, the
 * starter organisation, and a graded data-platform ladder. What the page shows is checked against
 * what the CLI says of the same ladder. With LADDER_SCREENSHOTS=1 the run also writes the
 * screenshots in docs/screenshots/ that the README shows.
 */
interface Case {
  name: string;
  args: string[];
  compare: [string, string];
  search: string;
  level: string;
  assess: [string, string];
  screenshots?: boolean;
}

const CASES: Case[] = [
  { name: 'the shipped ladder', args: [], compare: ['engineer', 'lead'], search: 'on call', level: 'principal', assess: ['engineer', 'lead'], screenshots: true },
  // Across disciplines: a backend level against an SRE level.
  { name: 'the starter organisation', args: ['-f', join(root, 'examples', 'organisation')], compare: ['backend-senior', 'sre-staff'], search: 'review', level: 'backend-staff', assess: ['sre-2', 'sre-senior'] },
  // `role` finds "rôle": accents folded, as `ladder search` folds them.
  { name: 'a data-platform ladder', args: ['-f', fixture('page/data-platform.yaml')], compare: ['data-engineer', 'data-senior'], search: 'role', level: 'data-senior', assess: ['data-engineer', 'data-senior'] },
];

const VIEWS = [
  { name: 'grid', hash: '' },
  { name: 'compare', hash: '#compare' },
  { name: 'level', hash: '#level' },
  { name: 'search', hash: '#search' },
  { name: 'assess', hash: '#assess' },
];
const WIDTHS = [390, 1440];
const { folder, browser } = browserSuite('ladder-page-');

function cli<T>(args: string[], status = 0): T {
  const result = ladder(args);
  expect(result.status, result.stderr).toBe(status);
  return JSON.parse(result.stdout) as T;
}

interface DiffJson {
  summary: Record<string, number>;
  sections: { name: string; clauses: ({ kind: 'added' | 'removed' | 'unchanged'; text: string } | { kind: 'changed'; from: string; to: string })[] }[];
}

/** A diff's clauses by section and kind, in order: how the page groups them (new and changed first, the rest folded). */
function byKind(sections: DiffJson['sections']): Record<string, Record<string, string[]>> {
  const result: Record<string, Record<string, string[]>> = {};
  for (const section of sections) {
    const kinds: Record<string, string[]> = {};
    for (const clause of section.clauses) (kinds[clause.kind] ??= []).push(clause.kind === 'changed' ? `${clause.from} → ${clause.to}` : clause.text);
    result[section.name] = kinds;
  }
  return result;
}

/** The diff the page shows, read from its elements: each clause's text as a reader sees it (the words of a change read both ways). */
function shownDiff(tab: Page): Promise<DiffJson['sections']> {
  return tab.locator('section.diff-section').evaluateAll((sections) =>
    sections.map((section) => ({
      name: (section as HTMLElement).dataset.section ?? '',
      clauses: [...section.querySelectorAll('li[data-kind]')].map((item) => {
        const clause = item.querySelector('.clause') as HTMLElement;
        const kind = (item as HTMLElement).dataset.kind as 'added' | 'removed' | 'unchanged' | 'changed';
        if (kind !== 'changed') return { kind, text: clause.textContent ?? '' };
        const without = (tag: string) => {
          const copy = clause.cloneNode(true) as HTMLElement;
          for (const part of copy.querySelectorAll(tag)) part.remove();
          return copy.textContent ?? '';
        };
        return { kind, from: without('ins'), to: without('del') };
      }),
    })),
  );
}

/**
 * What axe finds serious or critical on the page as it is now (only in contrast, with `contrastOnly`:
 * what the colour scheme changes). In legacy mode axe runs in the page itself: the page has no
 * frames, and the default mode's finishing step in a blank page of its own costs seconds a run.
 */
async function seriousViolations(tab: Page, contrastOnly = false): Promise<string[]> {
  const builder = new AxeBuilder({ page: tab }).setLegacyMode();
  const { violations } = await (contrastOnly ? builder.withRules(['color-contrast']) : builder).analyze();
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Goes to another view as a link in the page does, returning once the page has shown it. */
function followLink(tab: Page, hash: string): Promise<unknown> {
  return tab.evaluate(
    (to) =>
      new Promise((shown) => {
        // After the page's own handler, which shows the view.
        window.addEventListener('hashchange', () => setTimeout(shown), { once: true });
        location.hash = to;
      }),
    hash,
  );
}

describe.each(CASES)('the page of $name', (ladderCase) => {
  const page = join(folder, `${ladderCase.compare[0]}.html`);
  const [from, to] = ladderCase.compare;
  const open = (hash = '', width = 1440) => openFile(browser(), page, width, { hash });

  beforeAll(() => {
    expect(ladder([...ladderCase.args, 'export', '--format', 'html', '-o', page]).status).toBe(0);
  });

  it('compares two levels picked in the page exactly as `ladder diff` does, and the link holds the choice', async () => {
    const { tab, url, problems, requests } = await open('#compare');
    await tab.selectOption('#compare-from', from);
    await tab.selectOption('#compare-to', to);
    expect(new URL(tab.url()).hash).toBe(`#compare=${from}..${to}`);
    const diff = cli<DiffJson>([...ladderCase.args, 'diff', from, to, '--format', 'json']);
    const shown = await shownDiff(tab);
    expect(byKind(shown)).toEqual(byKind(diff.sections));
    expect(shown.map((section) => section.name)).toEqual(diff.sections.map((section) => section.name));
    // Worded as the CLI words it: `N axes: 4 added, …`, or `only in …` between two tracks' levels.
    const summary = ladder([...ladderCase.args, 'diff', from, to]).stdout.trim().split('\n').pop();
    expect(await tab.locator('#compare-summary').textContent()).toBe(summary);

    // The link, opened afresh, is the same comparison; Back returns to it from another view.
    const again = await open(`#compare=${from}..${to}`);
    expect(await again.tab.locator('#compare-from').inputValue()).toBe(from);
    expect(await again.tab.locator('#compare-to').inputValue()).toBe(to);
    expect(await shownDiff(again.tab)).toEqual(shown);
    await again.tab.locator('#views a', { hasText: 'Grid' }).click();
    await again.tab.goBack();
    expect(await shownDiff(again.tab)).toEqual(shown);

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await tab.close();
    await again.tab.close();
  });

  it('shows the grid of peers, with grades, and a click opens a level', async () => {
    const { tab, problems } = await open();
    const grid = cli<{ graded: boolean; tracks: { name: string }[]; rows: { grade: string | null; levels: ({ title: string } | null)[] }[] }>([...ladderCase.args, 'equiv', '--format', 'json']);
    const cells = await tab.locator('table.grid tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(cells).toEqual(grid.rows.map((row) => [...(grid.graded ? [row.grade ?? 'n/a'] : []), ...row.levels.map((level) => level?.title ?? 'n/a')]));
    expect(await tab.locator('table.grid thead th').allTextContents()).toEqual([...(grid.graded ? ['Grade'] : []), ...grid.tracks.map((track) => track.name)]);
    const first = tab.locator('table.grid tbody a').first();
    const title = await first.textContent();
    await first.click();
    expect(await tab.locator('#view-title').evaluate((heading) => heading.firstChild?.textContent)).toBe(title);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('shows one level: every axis, what it means, and the links up, down and across', async () => {
    const { tab, problems } = await open(`#level-${ladderCase.level}`);
    const level = cli<{ title: string; axes: { name: string; clauses: string[]; description?: string }[]; peers: { id: string }[] }>([...ladderCase.args, 'show', ladderCase.level, '--format', 'json']);
    expect(await tab.locator('#view-title').evaluate((heading) => heading.firstChild?.textContent)).toBe(level.title);
    const axes = await tab.locator('.level-view section.axis').evaluateAll((sections) =>
      sections.map((section) => ({ name: section.querySelector('h3')?.textContent, meaning: section.querySelector('.meaning')?.textContent, clauses: [...section.querySelectorAll('li')].map((item) => item.textContent) })),
    );
    expect(axes).toEqual(level.axes.map((axis) => ({ name: axis.name, meaning: axis.description, clauses: axis.clauses.map((clause) => clause.replace(/`([^`\n]+)`/g, '$1')) })));
    for (const peer of level.peers) expect(await tab.locator(`.neighbours a[href="#level-${peer.id}"]`).count()).toBe(1);
    await tab.locator('.neighbours a', { hasText: /./ }).first().click();
    expect(new URL(tab.url()).hash).toMatch(/^#level-/);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('searches as you type, as `ladder search` does, hits grouped by level', async () => {
    const { tab, problems } = await open('#search');
    await tab.locator('#search-text').pressSequentially(ladderCase.search);
    const hits = cli<{ level: { id: string }; clause: string; matches: [number, number][] }[]>([...ladderCase.args, 'search', ladderCase.search, '--format', 'json']);
    expect(hits.length).toBeGreaterThan(0);
    const levels = [...new Set(hits.map((hit) => hit.level.id))];
    await expect.poll(() => tab.locator('section.hits').evaluateAll((groups) => groups.map((group) => (group as HTMLElement).dataset.level))).toEqual(levels);
    expect(await tab.locator('section.hits li mark').allTextContents()).toEqual(hits.flatMap((hit) => hit.matches.map(([start, end]) => hit.clause.slice(start, end))));
    expect(await tab.locator('#search-status').textContent()).toContain(`${hits.length} clause`);
    expect(decodeURIComponent(new URL(tab.url()).hash)).toBe(`#search=${ladderCase.search}`);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('keeps a self-assessment filled in the page, and downloads the file `ladder assess` reads, with the same counts', async () => {
    const { tab, problems, url, requests } = await open('#assess');
    await tab.selectOption('#assess-level', ladderCase.assess[0]);
    await tab.selectOption('#assess-target', ladderCase.assess[1]);
    await tab.getByRole('button', { name: 'Start' }).click();
    const expectations = tab.locator('fieldset.expectation');
    const count = await expectations.count();
    expect(count).toBeGreaterThan(2);
    const choices = ['Consistently', 'Sometimes', 'Not yet', 'Not rated'];
    for (let i = 0; i < count; i += 1) await expectations.nth(i).getByLabel(choices[i % choices.length] as string, { exact: true }).check();
    await expectations.first().getByRole('button', { name: 'Add evidence' }).click();
    await expectations.first().getByLabel('Evidence', { exact: true }).fill('Ran the "March" review; wrote: the # summary');
    await expectations.first().getByLabel('Link').fill('https://example.com/reviews/march');
    await expectations.first().getByLabel('Date').fill('2026-03-14');

    // Kept in the browser: the page opened again shows the same ratings.
    const reopened = await tab.context().newPage();
    await reopened.goto(`${url}#assess`);
    expect(await reopened.locator('input[type=radio]:checked').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value))).toEqual(
      await tab.locator('input[type=radio]:checked').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value)),
    );
    await reopened.close();

    const file = join(folder, `${ladderCase.assess[1]}.assessment.yaml`);
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Download' }).click()]);
    await download.saveAs(file);
    const review = cli<{ axes: { name: string; total: number; met: number; counts: Record<string, number> }[]; gaps: { withoutEvidence: number }; ladderChanged: boolean }>([...ladderCase.args, 'assess', file, '--format', 'json'], 1);
    expect(review.ladderChanged).toBe(false);
    const shown = await tab.locator('table.counts tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ name: row.querySelector('th')?.textContent, ...Object.fromEntries([...row.querySelectorAll('td')].map((cell) => [(cell as HTMLElement).dataset.count, cell.textContent])) })),
    );
    expect(shown).toEqual(review.axes.map((axis) => ({ name: axis.name, met: `${axis.met} of ${axis.total}`, ...Object.fromEntries(Object.entries(axis.counts).map(([rating, n]) => [rating, String(n)])) })));
    expect(await tab.locator('#assess-totals').textContent()).toContain(`${review.gaps.withoutEvidence} without evidence`);
    const written = parseYaml(readFileSync(file, 'utf8')) as { expectations: { evidence: unknown[] }[] };
    expect(written.expectations[0]?.evidence).toEqual([{ text: 'Ran the "March" review; wrote: the # summary', link: 'https://example.com/reviews/march', date: '2026-03-14' }]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await tab.close();
  });

  it('opens an assessment `ladder assess new` wrote, and downloads it again losing nothing', async () => {
    const [level, target] = ladderCase.assess;
    const start = join(folder, `new-${target}.yaml`);
    expect(ladder([...ladderCase.args, 'assess', 'new', '--level', level, '--target', target, '-o', start]).status).toBe(0);
    // Ratings, evidence with a link and a date, and an expectation the ladder no longer has: all kept.
    const headerOf = (text: string) => text.slice(0, text.indexOf('\nladder:'));
    const header = headerOf(readFileSync(start, 'utf8'));
    const original = parseYaml(readFileSync(start, 'utf8')) as { expectations: Record<string, unknown>[]; removed?: unknown[] };
    Object.assign(original.expectations[0] as object, { rating: 'sometimes', evidence: [{ text: 'Paired on the migration', link: 'https://example.com/pr/7', date: '2026-02-01' }] });
    original.removed = [{ axis: 'Retired axis', expectation: 'an expectation the ladder no longer has', rating: 'consistently', evidence: [{ text: 'kept all the same' }] }];
    writeFileSync(start, stringifyYaml(original));

    // A new page has a browser context of its own, with nothing stored.
    const { tab, problems } = await open('#assess');
    // YAML beyond what the page reads (an alias here) is refused, saying where, and sent to the CLI.
    const aliased = join(folder, `aliased-${target}.yaml`);
    writeFileSync(aliased, readFileSync(start, 'utf8').replace(/^level: (.*)$/m, 'level: &mine $1').replace(/^target: .*$/m, 'target: *mine'));
    await tab.setInputFiles('#assess-open', aliased);
    await expect.poll(() => tab.locator('#assess-message').textContent()).toMatch(new RegExp(`^aliased-${target}\\.yaml cannot be opened here: line \\d+: anchors, aliases and tags .* \`ladder assess aliased-${target}\\.yaml\` reads any YAML`));
    await tab.setInputFiles('#assess-open', start);
    await expect.poll(() => tab.locator('#assess-message').textContent()).toContain('Opened');
    await tab.locator('fieldset.expectation').nth(1).getByLabel('Consistently', { exact: true }).check();
    const file = join(folder, `round-trip-${target}.yaml`);
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Download' }).click()]);
    await download.saveAs(file);
    const expected = structuredClone(original);
    (expected.expectations[1] as Record<string, unknown>).rating = 'consistently';
    expect(parseYaml(readFileSync(file, 'utf8'))).toEqual(expected);
    // The same header as the CLI writes, schema modeline first.
    expect(headerOf(readFileSync(file, 'utf8'))).toBe(header);
    const review = cli<{ axes: { counts: Record<string, number> }[]; removed: unknown[] }>([...ladderCase.args, 'assess', file, '--format', 'json'], 1);
    expect(review.removed).toEqual(original.removed);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('prints each view to PDF without its controls', async () => {
    for (const view of VIEWS) {
      const hash = view.name === 'level' ? `#level-${ladderCase.level}` : view.name === 'compare' ? `#compare=${from}..${to}` : view.hash;
      const { tab } = await open(hash);
      await tab.emulateMedia({ media: 'print' });
      expect(await tab.locator('#views').isVisible()).toBe(false);
      expect(await tab.locator('.controls').first().isVisible()).toBe(false);
      const pdf = await tab.pdf({ format: view.name === 'compare' ? 'Letter' : 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A level fits on one page where it can: the shipped ladder's do.
      if (view.name === 'level' && ladderCase.screenshots) expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
      await tab.close();
    }
  });

  it('has no serious or critical accessibility problem in any view, at 390 and 1440 px, light and dark, and fits a phone', async () => {
    for (const width of WIDTHS) {
      // One page a width, going from view to view as its links do (each view opened afresh is the other tests' work).
      const { tab, problems } = await open('', width);
      for (const view of VIEWS) {
        const hash = view.name === 'level' ? `#level-${ladderCase.level}` : view.name === 'compare' ? `#compare=${from}..${to}` : view.name === 'search' ? `#search=${ladderCase.search}` : view.hash;
        if (hash) await followLink(tab, hash);
        if (view.name === 'assess') await tab.getByRole('button', { name: 'Start' }).click();
        // As a fresh load shows it: a link puts the focus on the view's heading, a load does not.
        await tab.evaluate(() => {
          if (document.activeElement?.id === 'view-title') (document.activeElement as HTMLElement).blur();
          window.scrollTo(0, 0);
        });
        await tab.emulateMedia({ colorScheme: 'light' });
        expect(await seriousViolations(tab), `${view.name} at ${width} px, light`).toEqual([]);
        await tab.emulateMedia({ colorScheme: 'dark' });
        expect(await seriousViolations(tab, true), `${view.name} at ${width} px, dark`).toEqual([]);
        // Nothing wider than the screen: wide tables scroll inside their own region.
        expect(await tab.evaluate(() => document.documentElement.scrollWidth), `${view.name} at ${width} px`).toBeLessThanOrEqual(width);
        if (ladderCase.screenshots && process.env.LADDER_SCREENSHOTS) {
          await tab.emulateMedia({ colorScheme: 'light' });
          const shots = join(root, 'docs', 'screenshots');
          mkdirSync(shots, { recursive: true });
          await tab.screenshot({ path: join(shots, `${view.name}-${width}.png`) });
        }
      }
      expect(problems).toEqual([]);
      await tab.close();
    }
  }, 300_000);

  it('shows the whole ladder as a document, with no serious or critical accessibility problem, at 390 and 1440 px', async () => {
    for (const width of WIDTHS) {
      const { tab, problems } = await open('#contents', width);
      expect(await tab.locator('#document').isVisible()).toBe(true);
      expect(await tab.locator('#app').isVisible()).toBe(false);
      expect(await seriousViolations(tab), `the document at ${width} px, light`).toEqual([]);
      await tab.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(tab, true), `the document at ${width} px, dark`).toEqual([]);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      await tab.close();
    }
  }, 120_000);
});

describe('the page with the keyboard alone', () => {
  const page = join(folder, 'keyboard.html');

  beforeAll(() => {
    expect(ladder(['export', '--format', 'html', '-o', page]).status).toBe(0);
  });

  it('reaches every view, picks levels and searches without a mouse', async () => {
    const { tab, problems } = await openFile(browser(), page, 1440);
    // The first stops of Tab are the views; Enter opens one and puts the focus on its heading.
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Compare');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('view-title');
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('compare-from');
    await tab.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(tab.url()).hash).toBe('#compare=engineer..engineer');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('compare-from');
    // Back to the views with Shift+Tab; the Search view takes the typing at once.
    for (let presses = 0; presses < 6 && (await tab.evaluate(() => document.activeElement?.textContent)) !== 'Search'; presses += 1) await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('search-text');
    await tab.keyboard.type('mentor');
    await expect.poll(() => tab.locator('section.hits').count()).toBeGreaterThan(0);
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Enter');
    await expect.poll(() => new URL(tab.url()).hash).toMatch(/^#level-/);
    expect(problems).toEqual([]);
    await tab.close();
  });
});

describe('a hostile ladder in the page', () => {
  const page = join(folder, 'hostile.html');

  beforeAll(() => {
    expect(ladder(['-f', fixture('page/hostile.yaml'), 'export', '--format', 'html', '-o', page]).status).toBe(0);
  });

  it('shows its markup, script and style as text, runs none of it, and fetches nothing', async () => {
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    for (const hash of ['', '#compare=one..two', '#level-one', '#level-boss', '#search=script', '#assess', '#contents']) {
      const { tab, url, problems, requests } = await openFile(browser(), page, 1440, { hash });
      tab.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
      if (hash === '#assess') await tab.getByRole('button', { name: 'Start' }).click();
      expect(await tab.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), hash).toBeUndefined();
      expect(await tab.locator('script').count()).toBe(2);
      expect(await tab.locator('img, iframe, svg, form[action], style').count()).toBe(1);
      expect(await tab.locator('a[href^="javascript:"], a[href^="http"]').count()).toBe(0);
      expect(await tab.locator('h1').textContent()).toBe("</title><script>window.pwned = 'title'</script> career ladder");
      expect(problems, hash).toEqual([]);
      expect(requests).toEqual([url]);
      await tab.close();
    }
  });
});

describe('the size of the page', () => {
  it('is under 150 KB for the shipped ladder, its script under 60 KB', () => {
    const page = join(folder, 'size.html');
    expect(ladder(['export', '--format', 'html', '-o', page]).status).toBe(0);
    expect(statSync(page).size).toBeLessThan(150 * 1024);
    const html = readFileSync(page, 'utf8');
    expect(Buffer.byteLength(html.slice(html.lastIndexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>')))).toBeLessThan(60 * 1024);
  });
});
