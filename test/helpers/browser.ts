import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium from Debian (.ci/run); elsewhere the browser tests run when it is there.
export const hasChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** Chromium, headless, and without the background traffic a closed network would refuse. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page opened from a file, with what it logged as errors or warnings and every request it made. */
export async function openFile(browser: Browser, file: string, width: number): Promise<{ tab: Page; url: string; problems: string[]; requests: string[] }> {
  const tab = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await tab.goto(url);
  return { tab, url, problems, requests };
}
