// Compiles the English Hunspell dictionaries (dictionary-en, dictionary-en-gb) into one sorted list
// of every word they accept, affixes applied by nspell (src/generated/english-words.txt, which the
// build copies to dist/). `ladder lint` reads it as text and looks words up by binary search: no
// affix rules to compile at run time, which in nspell takes some 300 ms a dictionary, and no 1.3 MB
// of JavaScript to compile either. Skipped when the list is newer than its inputs.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';

/** The packages whose data the list holds, for dist/THIRD-PARTY-NOTICES.txt. */
const DICTIONARIES = ['dictionary-en', 'dictionary-en-gb'];
const out = new URL('../src/generated/', import.meta.url);
const target = new URL('english-words.txt', out);
// Their exports name only index.js, which reads the files with a top-level await: read them directly.
const folders = DICTIONARIES.map((name) => fileURLToPath(new URL(`../node_modules/${name}/`, import.meta.url)));
const inputs = [fileURLToPath(import.meta.url), ...folders.flatMap((folder) => [join(folder, 'index.aff'), join(folder, 'index.dic')])];

if (!existsSync(target) || inputs.some((input) => statSync(input).mtimeMs > statSync(target).mtimeMs)) {
  const words = new Set();
  for (const folder of folders) {
    const spell = nspell(readFileSync(join(folder, 'index.aff')), readFileSync(join(folder, 'index.dic')));
    // Only what the checker itself accepts: words marked as parts of compounds alone are left out.
    for (const word of Object.keys(spell.data)) if (!/\n/.test(word) && spell.correct(word)) words.add(word);
  }
  // Sorted by UTF-16 code units, the order the run-time binary search compares in.
  const list = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n');
  mkdirSync(out, { recursive: true });
  writeFileSync(target, list);
  writeFileSync(new URL('data-packages.json', out), `${JSON.stringify(DICTIONARIES)}\n`);
}
