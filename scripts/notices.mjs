// Writes dist/THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text of every
// package bundled into dist/, found from esbuild's metafile, since the package ships their code.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const metafiles = readdirSync(dist).filter((name) => name.startsWith('metafile') && name.endsWith('.json'));
const packages = new Set();
for (const name of metafiles) {
  const { inputs } = JSON.parse(readFileSync(join(dist, name), 'utf8'));
  for (const input of Object.keys(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  // The metafile has served its purpose; it is not part of the package.
  rmSync(join(dist, name));
}
// Packages whose data, rather than code, is compiled into a bundle (the spelling dictionaries).
const dataPackages = join(root, 'src', 'generated', 'data-packages.json');
if (existsSync(dataPackages)) for (const name of JSON.parse(readFileSync(dataPackages, 'utf8'))) packages.add(name);
const sections = [...packages].sort().map((name) => {
  const folder = join(root, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
  const text = licenceFile && existsSync(join(folder, licenceFile)) ? readFileSync(join(folder, licenceFile), 'utf8').trim() : `(no licence file; package.json says ${manifest.license})`;
  return `${manifest.name} ${manifest.version} (${manifest.license})\n${'-'.repeat(72)}\n${text}\n`;
});
writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), `ladder bundles the following packages into dist/. Their licences follow.\n\n${sections.join('\n')}`);
console.log(`build: dist/ is ready (the bundles, the man page, and the notices of ${packages.size} bundled packages)`);
