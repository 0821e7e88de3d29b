import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ladder, ladderInProcess, stripAnsi } from '../helpers/cli.js';

/** Escape sequences a hostile ladder might carry: clear screen, a hyperlink, clipboard write, 8-bit CSI, bidi override. */
const HOSTILE = {
  clear: '\u001b[2J',
  link: '\u001b]8;;http://example.invalid\u0007click\u001b]8;;\u0007',
  clipboard: '\u001b]52;c;cm0gLXJmIH4=\u0007',
  csi: '\u009b31m',
  bidi: '\u202egnp.exe',
  isolate: '\u2066x\u2069',
  letterMark: '\u061c',
  bell: '\u0007',
};
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function hostileLadder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-hostile-'));
  const q = (text: string) => JSON.stringify(text);
  writeFileSync(
    join(dir, 'ladder.yaml'),
    [
      'tracks:',
      '  - id: ic',
      // Names are one line of text (control characters in them are refused); bidi marks are allowed there and shown escaped.
      `    name: ${q(`Engineers ${HOSTILE.bidi}`)}`,
      `    description: ${q(`Intro ${HOSTILE.csi}`)}`,
      '    levels:',
      '      - id: evil',
      `        title: ${q(`Evil ${HOSTILE.isolate}`)}`,
      `        aliases: [${q(`alias ${HOSTILE.bidi}`)}]`,
      `        description: ${q(`Click ${HOSTILE.link}`)}`,
      `        note: ${q(`note ${HOSTILE.bell} ${HOSTILE.clipboard}`)}`,
      '        axes:',
      `          ${q(`Axis ${HOSTILE.letterMark}`)}: ${q(`one ${HOSTILE.clear}; two ${HOSTILE.csi}`)}`,
      '      - id: plain',
      '        title: Plain',
      '        axes:',
      `          ${q(`Axis ${HOSTILE.letterMark}`)}: ${q(`one; three ${HOSTILE.bidi}`)}`,
    ].join('\n'),
  );
  return join(dir, 'ladder.yaml');
}

describe('ladder text is data, never terminal commands', () => {
  const file = hostileLadder();
  const commands = [['show', 'evil'], ['diff', 'evil', 'plain', '--all'], ['list'], ['equiv'], ['validate']];

  it.each(['text', 'tsv', 'md', 'json', 'yaml'])('sends no raw control character in %s', (format) => {
    for (const args of commands) {
      for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
        const { stdout, status } = ladder(['-f', file, ...args, '--format', format], { env });
        expect(status, args.join(' ')).toBe(0);
        // Colour codes are ladder's own; everything else must be escaped.
        expect(stripAnsi(stdout), `${args.join(' ')} ${format}`).not.toMatch(RAW);
      }
    }
  });

  it('shows the escapes visibly in text', () => {
    const { stdout } = ladder(['-f', file, 'show', 'evil']);
    expect(stdout).toContain('evil: title: Evil \\u2066x\\u2069');
    expect(stdout).toContain('evil: description: Click \\x1b]8;;http://example.invalid\\x07click\\x1b]8;;\\x07');
    expect(stdout).toContain('evil: Axis \\u061c: one \\x1b[2J');
    expect(stdout).toContain('evil: note: note \\x07 \\x1b]52;c;cm0gLXJmIH4=\\x07');
    expect(stdout).toContain('evil: alias: alias \\u202egnp.exe');
  });

  it('keeps JSON and YAML exact: the escaped text reads back to the original', () => {
    const json = JSON.parse(ladder(['-f', file, 'show', 'evil', '--json']).stdout);
    const yaml = parseYaml(ladder(['-f', file, 'show', 'evil', '--format', 'yaml']).stdout);
    for (const value of [json, yaml]) {
      expect(value.title).toBe(`Evil ${HOSTILE.isolate}`);
      expect(value.description).toBe(`Click ${HOSTILE.link}`);
      expect(value.aliases).toEqual([`alias ${HOSTILE.bidi}`]);
      expect(value.axes[0].clauses).toEqual([`one ${HOSTILE.clear}`, `two ${HOSTILE.csi}`]);
    }
  });

  it('escapes them in exports (md, csv, html) and in error messages', () => {
    for (const format of ['md', 'csv', 'html', 'json', 'yaml']) {
      // CSV's own CRLF line ends are part of the format; a web page keeps the three bidi marks,
      // which only order text, and drops the overrides and isolates, which can disguise it.
      const exported = ladder(['-f', file, 'export', '--format', format]).stdout.replace(/\r\n/g, '\n');
      expect(format === 'html' ? exported.replace(/[\u061c\u200e\u200f]/g, '') : exported, format).not.toMatch(RAW);
    }
    const notFound = ladder(['-f', file, 'show', `x${HOSTILE.clear}`]);
    expect(notFound.status).toBe(1);
    expect(notFound.stderr).not.toMatch(RAW);
    expect(notFound.stderr).toContain('x\\x1b[2J');
    const dir = mkdtempSync(join(tmpdir(), 'ladder-hostile-'));
    writeFileSync(join(dir, 'ladder.yaml'), `tracks:\n  - id: ic\n    name: x\n    levels:\n      - id: a\n        title: a\n        equivalent: ${JSON.stringify(`b${HOSTILE.clipboard}`)}\n`);
    const invalid = ladder(['validate'], { cwd: dir });
    expect(invalid.status).toBe(3);
    expect(invalid.stderr).not.toMatch(RAW);
    expect(ladder([`sh${HOSTILE.clear}ow`]).stderr).not.toMatch(RAW);
  });
});

describe('names are one line, so no output can be forged', () => {
  const forged = (name: string, where: 'title' | 'axis' | 'label') => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-forged-'));
    const q = JSON.stringify;
    const lines = ['tracks:', '  - id: ic', '    name: Engineers', ...(where === 'label' ? [`    equivalentLabel: ${q(name)}`] : []), '    levels:', '      - id: a', `        title: ${q(where === 'title' ? name : 'A')}`, '        axes:', `          ${q(where === 'axis' ? name : 'Craft')}: one`];
    writeFileSync(join(dir, 'ladder.yaml'), `${lines.join('\n')}\n`);
    return ladder(['show', 'a'], { cwd: dir });
  };

  it.each([
    ['title', 'Engineer\nadmin: title: Admin'],
    ['axis', 'Craft\nladder.yaml:1:1: error: forged diagnostic'],
    ['label', 'Peer\r\nadmin: peer: forged'],
    ['axis', 'Craft \u001b[2J'],
  ] as const)('refuses a %s holding a control character, naming it escaped', (where, name) => {
    const outcome = forged(name, where);
    expect(outcome.status).toBe(3);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/holds a control character/);
    expect(outcome.stderr).not.toMatch(RAW);
    expect(outcome.stderr.split('\n').filter((line) => /^(admin:|ladder\.yaml:1:1: error: forged)/.test(line))).toEqual([]);
  });
});

describe('columns line up whatever the text', () => {
  it('measures emoji, joined emoji and wide characters as a terminal shows them (two columns each)', async () => {
    const input = ['tracks:', '  - id: ic', '    name: IC', '    levels:', ...[['rocket', '🚀 Rocket'], ['done', '✅ Done'], ['family', '👩‍👩‍👧 Family'], ['wide', '東京 Office'], ['plain', 'Plain']].flatMap(([id, title]) => [`      - id: ${id}`, `        title: "${title}"`]), ''].join('\n');
    const piped = ladder(['-f', '-', 'list'], { input }).stdout;
    expect(piped.split('\n')).toEqual(['rocket  🚀 Rocket    ic  n/a', 'done    ✅ Done      ic  n/a', 'family  👩‍👩‍👧 Family    ic  n/a', 'wide    東京 Office  ic  n/a', 'plain   Plain        ic  n/a', '']);
    // In a terminal too: the same rows under a header.
    const shown = (await ladderInProcess(['-f', '-', 'list'], { tty: true, columns: 100, env: { NO_COLOR: '1' }, stdin: input })).stdout;
    expect(shown).toBe(`ID      TITLE        TRACK  EQUIVALENT\n${piped.replaceAll(' ic  n/a', ' ic     n/a')}`);
  });
});
