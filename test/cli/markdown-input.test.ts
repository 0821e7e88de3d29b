import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, ladder } from '../helpers/cli.js';

const seedMd = fixture('operations-ladder.md');
const versions = (name: string) => fixture(`markdown-versions/${name}`);

// The seed's ids are its whole titles (`principal-operations-engineer`); the shipped YAML's are the
// short ones its authors chose (`principal`). Output is compared with the one put for the other.
const idsOf = (args: string[]) => ladder([...args, 'list', '--ids']).stdout.trim().split('\n');
const markdownIds = idsOf(['-f', seedMd]);
const yamlIds = idsOf([]);
const asYaml = (text: string) =>
  markdownIds
    .map((id, index) => [id, yamlIds[index] as string])
    .sort(([a], [b]) => (b as string).length - (a as string).length)
    .reduce((out, [id, yamlId]) => out.replaceAll(id as string, yamlId as string), text);

describe('a Markdown ladder as the input of every command', () => {
  it('answers show as its YAML twin does', () => {
    const fromMarkdown = ladder(['-f', seedMd, 'show', 'principal']);
    expect(fromMarkdown.status).toBe(0);
    expect(asYaml(fromMarkdown.stdout)).toBe(ladder(['show', 'principal']).stdout);
  });

  it('is found through $LADDER_FILE, for diff, equiv, list, search, next and path, named as briefly as the YAML ids', () => {
    const env = { LADDER_FILE: seedMd };
    expect(asYaml(ladder(['diff', 'engineer', 'lead'], { env }).stdout)).toBe(ladder(['diff', 'engineer', 'lead']).stdout);
    expect(asYaml(ladder(['equiv', 'director'], { env }).stdout)).toBe(ladder(['equiv', 'director']).stdout);
    for (const args of [['list'], ['search', 'mentor'], ['next', 'engineer'], ['path', 'admin', 'lead']]) {
      const result = ladder(args, { env });
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('is validated, with what the reader noticed as warnings (errors under --strict)', () => {
    const file = fixture('markdown/non-level-sections.md');
    const result = ladder(['validate', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${file}: valid (3 levels, 1 track, 4 warnings)\n`);
    expect(result.stderr).toContain(`${file}:53:1: warning: \`When do I get promoted?\` is not a level (its title is a question); kept as prose\n`);
    expect(ladder(['validate', '--strict', file]).status).toBe(3);
  });

  it('reports problems at their line in the Markdown', () => {
    const file = versions('duplicate-titles.md');
    const result = ladder(['-f', file, 'list']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`${file}:15:1: error: title \`Engineer\` is already the title of the level at line 3`);
  });

  it('is recognised on standard input by its content', () => {
    const piped = ladder(['-f', '-', 'list', '--ids'], { input: readFileSync(seedMd) });
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n')).toContain('principal-operations-engineer');
  });

  it('shows what changed between two versions', () => {
    const result = ladder(['changes', versions('old.md'), versions('new.md'), '--format', 'json']);
    expect(result.status).toBe(0);
    const changes = JSON.parse(result.stdout) as { added: { id: string }[] };
    expect(changes.added.map((level) => level.id)).toEqual(['staff-engineer']);
    expect(ladder(['changes', versions('old.md'), versions('new.md')]).stdout).toContain('Craft: + Leads incident reviews');
  });

  it('finds a level by its code', () => {
    const result = ladder(['-f', fixture('markdown/level-codes.md'), 'show', 'IC 3a', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'engineer-ii', title: 'Engineer II', code: 'IC 3a' });
  });
});
