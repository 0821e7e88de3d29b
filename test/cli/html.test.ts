import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openFile } from '../helpers/browser.js';
import { ladder, root } from '../helpers/cli.js';

// The export read as a document, with JavaScript off: what it is to a reader whose browser runs no
// script. The views the script adds are tested in test/browser/page.test.ts.
describe('the HTML export in a real browser, without its script', () => {
  let browser: Browser;
  const folder = mkdtempSync(join(tmpdir(), 'ladder-html-'));
  const page = join(folder, 'ladder.html');

  beforeAll(async () => {
    expect(ladder(['export', '--format', 'html', '-o', page]).status).toBe(0);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('renders with no console errors, fetches nothing, and links work', async () => {
    const { tab, url, problems, requests } = await openFile(browser, page, 1280, { javaScriptEnabled: false });

    expect(problems).toEqual([]);
    // Self-contained: the page itself is the only thing loaded.
    expect(requests).toEqual([url]);
    expect(await tab.title()).toBe('Operations career ladder');

    // One matrix per track, with one row per level.
    expect(await tab.locator('table.matrix[data-track="ic"] tbody tr').count()).toBe(6);
    expect(await tab.locator('table.matrix[data-track="management"] tbody tr').count()).toBe(5);
    expect(await tab.locator('table.equivalence tbody tr').count()).toBe(7);
    expect(await tab.locator('article.level').count()).toBe(11);

    // The views' links wait for the script, hidden; every link of the document leads somewhere, and following one shows its section.
    expect(await tab.locator('nav#views').isVisible()).toBe(false);
    const targets = await tab.locator('#document a[href^="#"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const target of new Set(targets)) expect(await tab.locator(target).count(), target).toBe(1);
    await tab.locator('nav a', { hasText: 'Principal Operations Engineer' }).click();
    expect(new URL(tab.url()).hash).toBe('#level-principal');
    await expect.poll(() => tab.locator('#level-principal').evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(50);
    await tab.locator('#level-lead a', { hasText: 'Manager' }).first().click();
    expect(new URL(tab.url()).hash).toBe('#level-manager');

    const output = join(root, 'test', '.output');
    mkdirSync(output, { recursive: true });
    await tab.goto(url);
    await tab.screenshot({ path: join(output, 'ladder.png'), fullPage: false });
    await tab.close();
  });

  it('prints without the navigation, one track to a page', async () => {
    const tab = await browser.newPage({ javaScriptEnabled: false });
    await tab.goto(pathToFileURL(page).href);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.locator('nav#contents').isVisible()).toBe(false);
    expect(await tab.locator('section.track').first().evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).breakBefore)).toBe('page');
    const pdf = await tab.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await tab.close();
  });
});
