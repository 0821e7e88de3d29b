import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium, headless, and without the background traffic a closed network would refuse. The
 * browser tests never skip: without Chromium they fail, and say how to install it (.ci/run does).
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}, and the browser tests need it: install it with \`apt-get install --no-install-recommends chromium\` (Debian, as .ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page opened from a file, with what it logged as errors or warnings and every request it made. */
export async function openFile(browser: Browser, file: string, width: number, options: { javaScriptEnabled?: boolean; hash?: string } = {}): Promise<{ tab: Page; url: string; problems: string[]; requests: string[] }> {
  // A context of its own (axe needs one made with newContext), closed with its page.
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const tab = await context.newPage();
  // The browser may close first, at the end of a file: then the context is gone already.
  tab.on('close', () => context.close().catch(() => undefined));
  const problems: string[] = [];
  const requests: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await tab.goto(url + (options.hash ?? ''));
  return { tab, url, problems, requests };
}

/**
 * A test file's browser and scratch folder: Chromium launched once before its tests and closed
 * after them, the folder removed, so the file leaves nothing behind.
 */
export function browserSuite(prefix: string): { folder: string; browser: () => Browser } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    folder,
    browser: () => {
      if (!browser) throw new Error('the browser was used before it was launched');
      return browser;
    },
  };
}
