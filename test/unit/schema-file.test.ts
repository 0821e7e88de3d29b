import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(join(root, 'schema', 'ladder.schema.json'), 'utf8')) as { $id: string; definitions: Record<string, object> };

/** Every subschema with its JSON pointer. */
function* subschemas(node: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [pointer, node as Record<string, unknown>];
  for (const [key, child] of Object.entries(node)) if (key !== 'examples' && key !== 'default') yield* subschemas(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

describe('the schema file', () => {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  ajv.addSchema(schema);

  it('is refused by strict mode for its editors\' keyword alone, and checks the shipped ladder with strict mode off, as the README tells ajv-cli users', async () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).toThrow(/markdownDescription/);
    const { parse } = await import('yaml');
    const lenient = new Ajv({ strict: false });
    expect(lenient.validate(schema, parse(readFileSync(join(root, 'ladder.yaml'), 'utf8'))), JSON.stringify(lenient.errors)).toBe(true);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('npx ajv-cli validate --strict=false -s schema/ladder.schema.json -d ladder.yaml');
  });

  it('says titles and aliases are unique on their track, as the tool checks, and ids across the ladder', () => {
    const level = (schema.definitions.level as { properties: Record<string, { description: string }> }).properties;
    expect(level.title?.description).toContain('unique on its track');
    expect(level.aliases?.description).toContain('Unique on its track');
    expect(level.id?.description).toContain('unique in the whole ladder');
  });

  it('is published at a versioned URL on the npm CDN', () => {
    expect(schema.$id).toBe('https://unpkg.com/career-ladder@0/schema/ladder.schema.json');
  });

  it('has a title on each definition, and a markdownDescription wherever a description would use code', () => {
    for (const [name, definition] of Object.entries(schema.definitions)) expect(definition, name).toHaveProperty('title');
    for (const [pointer, node] of subschemas(schema)) {
      if (typeof node.markdownDescription === 'string') expect(node.description, pointer).toBe((node.markdownDescription as string).replace(/`([^`]*)`/g, '"$1"'));
      else if (typeof node.description === 'string') expect(node.description, pointer).not.toContain('`');
    }
  });

  it('gives examples and defaults that its own rules accept', () => {
    let checked = 0;
    for (const [pointer, node] of subschemas(schema)) {
      for (const value of [...((node.examples as unknown[]) ?? []), ...('default' in node ? [node.default] : [])]) {
        expect(ajv.validate({ $ref: `${schema.$id}#${pointer}` }, value), `${pointer}: ${JSON.stringify(value)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('holds an equivalent to the id pattern', () => {
    const level = (equivalent: unknown) => ajv.validate({ $ref: `${schema.$id}#/definitions/level` }, { id: 'a', title: 'A', equivalent });
    expect([level('senior-manager'), level(null), level('Senior Manager'), level('')]).toEqual([true, true, false, false]);
  });
});

describe('what the schema says is unique', () => {
  it('is what validate requires: ids in the whole ladder, titles and aliases on their track', () => {
    const level = (schema.definitions as Record<string, { properties: Record<string, { description: string }> }>).level?.properties;
    expect(level?.id?.description).toContain('unique in the whole ladder');
    expect(level?.title?.description).toContain('unique on its track');
    expect(level?.aliases?.description).toContain('Unique on its track');
  });
});
