import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ladderData } from '../../src/model/model.js';
import { readLadderFolder } from '../../src/read/folder.js';
import { checkLadderSource } from '../../src/read/load.js';
import { fixture } from '../helpers/cli.js';
import { RUNS } from './arbitraries.js';

const FILES = ['backend.yaml', 'data.yaml', 'sre.yaml'];

/** An edit of one file of the folder, as a person might make it (or its removal): most keep it valid, some break it across files. */
type Edit =
  | { kind: 'reword' | 'retitle' | 'clash-id' | 'clash-title' | 'managers' | 'comment' | 'touch' | 'revert' | 'remove'; file: number; line: number; word: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('reword', 'retitle', 'clash-id', 'clash-title', 'managers', 'comment', 'touch', 'revert', 'remove'),
  file: fc.nat({ max: FILES.length - 1 }),
  line: fc.nat(),
  word: fc.constantFrom('reliably', 'teams', 'platform', 'several'),
});

/** The file's text after the edit: a line of the matching kind, chosen by `line`, changed. */
function applied(text: string, original: string, { kind, line, word }: Edit): string {
  const lines = text.split('\n');
  const change = (pattern: RegExp, replace: (found: string) => string) => {
    const at = lines.flatMap((content, index) => (pattern.test(content) ? [index] : []));
    const index = at[line % Math.max(1, at.length)];
    if (index !== undefined) lines[index] = replace(lines[index] as string);
    return lines.join('\n');
  };
  switch (kind) {
    case 'reword':
      return change(/^\s+Craft: /, (found) => `${found} ${word}`);
    case 'retitle':
      return change(/^\s+title: /, (found) => `${found} ${word}`);
    case 'clash-id':
      return change(/^\s+- id: \w+-engineer$/, (found) => found.replace(/\w+-engineer$/, 'backend-engineer'));
    case 'clash-title':
      return change(/^\s+title: Engineer$/, (found) => found.replace('Engineer', 'data-lead'));
    case 'managers':
      return change(/^\s+People: /, (found) => `${found} ${word}`);
    case 'comment':
      return `${text}# ${word}\n`;
    case 'touch':
      return text;
    case 'revert':
    case 'remove':
      return original;
  }
}

/** What a check of the folder says (or the error it ends in: a folder with every file removed), in a form two checks can be compared by. */
async function outcome(folder: string, cacheDirectory?: string) {
  try {
    const { ladder, diagnostics } = await checkLadderSource(readLadderFolder({ kind: 'path', path: folder, display: 'folder', reason: 'command line' }), { cacheDirectory });
    return { data: ladder && ladderData(ladder), diagnostics: diagnostics.map(({ file, line, col, message }) => ({ file, line, col, message })) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the cache of a folder', () => {
  it('answers after any sequence of edits exactly as the files checked without it do', async () => {
    const originals = FILES.map((name) => readFileSync(join(fixture('organisation-repeated'), name), 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const folder = mkdtempSync(join(tmpdir(), 'ladder-folder-property-'));
        const cache = mkdtempSync(join(tmpdir(), 'ladder-folder-property-cache-'));
        try {
          cpSync(fixture('organisation-repeated'), folder, { recursive: true });
          const cacheDirectory = join(cache, 'ladder');
          await outcome(folder, cacheDirectory);
          for (const change of edits) {
            const path = join(folder, FILES[change.file] as string);
            const original = originals[change.file] as string;
            // A file removed comes back as it was with the next edit of it.
            if (change.kind === 'remove') rmSync(path, { force: true });
            else writeFileSync(path, applied(existsSync(path) ? readFileSync(path, 'utf8') : original, original, change));
            // Twice from the cache: once after the edit, once unchanged since.
            expect(await outcome(folder, cacheDirectory)).toEqual(await outcome(folder));
            expect(await outcome(folder, cacheDirectory)).toEqual(await outcome(folder));
          }
        } finally {
          rmSync(folder, { recursive: true, force: true });
          rmSync(cache, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
