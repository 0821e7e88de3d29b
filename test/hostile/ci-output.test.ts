import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectWithinBounds, measure, scratch, sized } from './run.js';

/**
 * CI output that cannot be forged: one file added to `ladders/` in a pull request, with a line
 * break, workflow commands and escape sequences in its name and text, must not print a workflow
 * command of its own (`::add-mask::`, `::stop-commands::`), send a control character to the log,
 * or break a SARIF address; an evidence link in a Markdown packet ends where it should.
 */
const work = scratch('ci-output');
const NAME = 'x\n::stop-commands::token\n::add-mask::secret\n::warning file=forged.yaml::all clear\x1b[2J\u009b31m #?:a';
const broken = (i: number) => `tracks:\n  - id: t${i}\n    name: T${i}\n    levels:\n      - { id: l${i}, title: "L ${i}\\e]52;c;Zm9yZ2Vk\\a\\u0085\\u009b", axes: { Craft: x }, nmae: "\\e[2J::error::forged" }\n`;
const files = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`ladders/${NAME}${i}.yaml`, broken(i)]));

describe('validate output for CI', () => {
  it('--format github prints exactly one ::error or ::warning command per line, with no control character', () => {
    const dir = work.folder('github', files(sized(200)));
    const run = measure(dir, ['validate', 'ladders', '--format', 'github']);
    expect(run.status).toBe(3);
    const lines = run.stdout.split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^:,\n]*(,line=\d+)?(,col=\d+)?::[^\n]*$/);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expectWithinBounds(work, 'validate --format github, hostile file names', run, 3);
  });

  it('--format sarif escapes C1 controls and encodes #, ? and : in file addresses', () => {
    const dir = work.folder('sarif', files(sized(200)));
    const run = measure(dir, ['validate', 'ladders', '--format', 'sarif']);
    expect(run.status).toBe(3);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const log = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = log.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri ?? '') ?? [];
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) {
      expect(uri).toMatch(/^ladders\/[^/#?:]+$/);
      expect(decodeURIComponent(uri.slice('ladders/'.length))).toMatch(/^x\n::stop-commands::/);
    }
    expectWithinBounds(work, 'validate --format sarif, hostile file names', run, 3);
  });
});

describe('the Markdown packet of an assessment', () => {
  it('ends every evidence link at its own `)`: nothing after it is live Markdown, HTML or a terminal sequence', () => {
    const dir = work.folder('packet');
    expect(measure(dir, ['assess', 'new', '--level', 'engineer', '--target', 'lead', '-o', 'me.yaml']).status).toBe(0);
    const link = 'https://example.test/a)<script>alert(1)</script>![t](https://tracker.test/p.gif)\u001b]52;c;Zm9yZ2Vk\u0007';
    const evidence = Array.from({ length: sized(2000) }, (_, i) => `      - text: piece ${i}\n        link: ${JSON.stringify(link)}`).join('\n');
    const text = readFileSync(join(dir, 'me.yaml'), 'utf8').replace('evidence: []', `evidence:\n${evidence}`);
    writeFileSync(join(dir, 'me.yaml'), text);
    const run = measure(dir, ['assess', 'me.yaml', '--format', 'md', '--exit-code']);
    expect(run.status).toBe(1);
    const links = run.stdout.split('\n').filter((line) => line.includes('piece '));
    expect(links).toHaveLength(sized(2000));
    for (const line of links) expect(line).toMatch(/^ {2}- \[piece \d+\]\(https:\/\/example\.test\/a[^()<>\s[\]]*\)$/);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|<script/);
    expectWithinBounds(work, 'assess --format md, hostile evidence links', run, 2);
  });
});
