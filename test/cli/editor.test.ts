import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder } from '../helpers/cli.js';
import { YamlLanguageServer } from '../helpers/language-server.js';

// A file written by `ladder init --schema` opened in an editor's YAML support, offline: the
// modeline's relative path finds the schema copied beside the file.
describe('a ladder written by init, in yaml-language-server', () => {
  let folder: string;
  let file: string;
  let text: string;
  const server = new YamlLanguageServer();

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ladder-editor-'));
    file = join(folder, 'ladder.yaml');
    expect(ladder(['init', '--schema', file]).status).toBe(0);
    text = readFileSync(file, 'utf8');
    await server.start(folder);
  }, 30_000);
  afterAll(() => {
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const lineOf = (content: string, pattern: RegExp) => content.split('\n').findIndex((line) => pattern.test(line));

  it('has no diagnostics as written', async () => {
    expect(await server.open(file, text)).toEqual([]);
  });

  it('gets a diagnostic at the line of a misspelt key, as ladder validate does', async () => {
    const edited = join(folder, 'edited.yaml');
    const misspelt = text.replace('    title: Principal Operations Engineer', '    titel: Principal Operations Engineer');
    const diagnostics = await server.open(edited, misspelt);
    const line = lineOf(misspelt, /^\s+titel:/);
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message])).toEqual(expect.arrayContaining([[line, 'Property titel is not allowed.']]));
    expect(diagnostics.some((diagnostic) => diagnostic.message === 'Missing property "title".')).toBe(true);
    expect(ladder(['validate', '-'], { input: misspelt }).stderr).toContain(`<stdin>:${line + 1}:9: error: unknown key \`titel\` in a level (did you mean \`title\`?)`);
  });

  it('shows the schema’s description, default and examples on hover', async () => {
    const line = lineOf(text, /^\s+equivalentLabel:/);
    const hover = await server.hover(file, line, 6);
    expect(hover).toContain("How this track's levels label their equivalent on another track (for example `Management Equivalent`). Defaults to `Equivalent`.");
    expect(hover).toContain('IC Equivalent');
  });
});
