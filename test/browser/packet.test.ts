import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { browserSuite, openFile } from '../helpers/browser.js';
import { ladder } from '../helpers/cli.js';

/** The promotion packet (`ladder assess FILE --format html`) on a phone and a desktop screen. */
const { folder, browser } = browserSuite('ladder-packet-');

describe('the promotion packet in a browser', () => {
  it('fits a phone and a desktop screen, its table scrolling in its own region, with no serious or critical accessibility problem', async () => {
    const file = join(folder, 'lead.yaml');
    expect(ladder(['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', file]).status).toBe(0);
    // Rated, with evidence whose link is one long word: what overflowed a phone's screen.
    const long = `https://example.com/${'reviews/'.repeat(12)}march`;
    const filled = readFileSync(file, 'utf8')
      .replace(/^name:$/m, 'name: Alex Doe')
      .replace(/^ {4}rating:$/gm, '    rating: sometimes')
      .replace(/^ {4}evidence: \[\]$/m, `    evidence:\n      - text: ${long}\n        link: ${long}`);
    writeFileSync(file, filled);
    const packet = ladder(['assess', file, '--format', 'html']);
    expect(packet.status, packet.stderr).toBe(0);
    const page = join(folder, 'packet.html');
    writeFileSync(page, packet.stdout);
    for (const width of [390, 1440]) {
      const { tab, problems, requests, url } = await openFile(browser(), page, width);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBeLessThanOrEqual(width);
      const { violations } = await new AxeBuilder({ page: tab }).setLegacyMode().analyze();
      expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id), `at ${width} px`).toEqual([]);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      await tab.close();
    }
  });
});
