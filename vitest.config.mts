import { defineConfig } from 'vitest/config';

// The CLI suite runs twice, with the cache of checked ladders on and off: a cached ladder must
// answer every command byte for byte as an uncached one does (see test/helpers/cli.ts). The files
// whose point is another program reading ladder's output (LibreOffice, Chromium, the YAML language
// server, PyYAML, npm pack, the shells) run once: what they read is what the other files compare.
// So do the cache's own tests, which set the cache themselves.
const ONCE = ['spreadsheet', 'html', 'editor', 'yaml-1-1', 'package', 'completion', 'cache', 'examples'].map((name) => `test/cli/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // A few cases each in `npm test`; `npm run fuzz` runs this project with FUZZ_RUNS=10000.
      { extends: true, test: { name: 'property', include: ['test/property/**/*.test.ts'], testTimeout: 0 } },
      // Small in `npm test`; `npm run stress` runs this project at full size (HOSTILE_SCALE=1).
      { extends: true, test: { name: 'hostile', include: ['test/hostile/**/*.test.ts'], testTimeout: 0 } },
      // The HTML page's views in Chromium: once, not with the cache on and off (the page reads no cache).
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'cli, cache on', include: ['test/cli/**/*.test.ts'], env: { LADDER_TEST_CACHE: 'on' } } },
      { extends: true, test: { name: 'cli, cache off', include: ['test/cli/**/*.test.ts'], exclude: ONCE, env: { LADDER_TEST_CACHE: 'off' } } },
    ],
  },
});
