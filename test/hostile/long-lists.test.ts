import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * Valid input never ends in exit 70: no list of unbounded length (a level's aliases, a track's
 * levels, a description's paragraphs, a Markdown list's items) is spread into a call's arguments,
 * where some 100,000 overflow the stack. Lists past a limit SECURITY.md sets (100,000 lines of
 * Markdown, 1,000,000 entries in one YAML list) are refused as they are read, at any scale.
 */
const work = scratch('long-lists');
const N = sized(200_000);
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

const aliases = `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: Only\n        aliases: [${range(N).map((i) => `alias-${i}`).join(', ')}]\n        axes: { Craft: x }\n`;
const levels = `tracks:\n  - id: t\n    name: T\n    levels:\n${range(N).map((i) => `      - { id: l${i}, title: L${i}, axes: { Craft: x } }`).join('\n')}\n`;
const paragraphs = `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: only\n        title: Only\n        description: ${JSON.stringify(range(N).map((i) => `p${i}`).join('\n\n'))}\n        axes: { Craft: x }\n`;
const markdownListOf = (count: number) => `# Ladder\n\n## Only\n\n**Equivalent**: n/a\n\n### Craft\n\n${range(count).map((i) => `- does thing ${i}`).join('\n')}\n`;
/** Past 100,000 lines a Markdown file is refused before it is lexed (SECURITY.md). */
const MARKDOWN_LINES = 100_000;
const markdownList = markdownListOf(N);
const longestMarkdownList = sized(MARKDOWN_LINES - 10);

describe(`lists of ${N.toLocaleString('en')} items`, () => {
  // Cases over the bounds carry the cost SECURITY.md states for them.
  const cases: { name: string; files: Record<string, string>; args: string[]; terminal?: boolean; status: number; seconds?: number; mib?: number }[] = [
    { name: 'a level with that many aliases, looked up by words', files: { 'ladder.yaml': aliases }, args: ['show', 'nothing like it'], status: 1 },
    { name: 'a track with that many levels, equiv in a terminal', files: { 'ladder.yaml': levels }, args: ['equiv'], terminal: true, status: 0, seconds: 8, mib: 500 },
    { name: 'a description of that many paragraphs, show as Markdown', files: { 'ladder.yaml': paragraphs }, args: ['show', 'only', '--format', 'md'], status: 0 },
    { name: 'a description of that many paragraphs, export as Markdown', files: { 'ladder.yaml': paragraphs }, args: ['export', '--format', 'md'], status: 0 },
    { name: 'a Markdown list of that many items, imported', files: { 'ladder.md': markdownList }, args: ['import', 'ladder.md'], status: markdownList.split('\n').length - 1 > MARKDOWN_LINES ? 3 : 0 },
    // Refused at any scale, as the file is read: one entry past the limit on a mapping's or list's entries (2 MB).
    { name: 'a list of 1,000,001 aliases', files: { 'ladder.yaml': aliases.replace(/\[.*\]/, `[${'a, '.repeat(1_000_000)}a]`) }, args: ['validate'], status: 3 },
    // Refused at any scale: quickly, as nothing is lexed.
    { name: 'a Markdown file one line past the limit, imported', files: { 'ladder.md': markdownListOf(MARKDOWN_LINES - 7) }, args: ['import', 'ladder.md'], status: 3 },
    { name: `a Markdown list of ${longestMarkdownList.toLocaleString('en')} items, just under the limit on lines, imported`, files: { 'ladder.md': markdownListOf(longestMarkdownList) }, args: ['import', 'ladder.md'], status: 0 },
  ];
  it.each(cases)('$name ends in exit $status, not 70', ({ name, files, args, terminal, status, seconds = 5, mib }) => {
    const run = measure(work.folder(name, files), args, { terminal });
    expect(run.status, run.stderr.slice(0, 500)).toBe(status);
    if (status === 3) expect(run.stderr).toMatch(args[0] === 'import' ? /^ladder\.md:100001:1: error: the file has more than 100,000 lines/m : /^ladder\.yaml:7:\d+: error: YAML: a mapping or list here holds more than 1,000,000/m);
    expectWithinBounds(work, name, run, seconds, mib);
  });
});
