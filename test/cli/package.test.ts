import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

describe('the published package', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

  it('has no runtime dependencies, since dist/ bundles everything it loads', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const bundle of ['cli', 'check', 'explore', 'authoring', 'yaml-output', 'cache-directory']) {
      const code = readFileSync(join(root, 'dist', `${bundle}.js`), 'utf8');
      // Only Node's own modules and the other bundles are required.
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string);
      expect(required.filter((name) => !name.startsWith('./') && !name.startsWith('node:') && !/^[a-z_]+$/.test(name)), bundle).toEqual([]);
    }
  });

  it('ships the licence and the bundled packages’ notices', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/cli.js', 'bin/ladder.js', 'schema/ladder.schema.json', 'ladder.yaml']));
    expect(files.some((file) => file.includes('metafile'))).toBe(false);
    expect(readFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toMatch(/^commander \d+\.\d+\.\d+ \(MIT\)$/m);
  }, 60_000);
});
