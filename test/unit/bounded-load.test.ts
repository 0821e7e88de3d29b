import { describe, expect, it } from 'vitest';
import { loadBounded, MAX_ENTRIES, YamlLimitError } from '../../src/read/bounded-load.js';

/** What js-yaml is stopped at as it reads a large ladder file (the anchors' limit is tested through the CLI, in test/hostile). */
describe('loadBounded', () => {
  const limitOf = (text: string) => {
    try {
      loadBounded(text);
      return undefined;
    } catch (error) {
      if (!(error instanceof YamlLimitError)) throw error;
      return { ...error.position, message: error.message };
    }
  };

  it('reads a list of exactly MAX_ENTRIES items, and stops at the item after', () => {
    expect(limitOf(`items: [${'0,'.repeat(MAX_ENTRIES - 1)}0]\n`)).toBeUndefined();
    expect(limitOf(`items: [${'0,'.repeat(MAX_ENTRIES)}0]\n`)).toEqual({ line: 1, col: 9 + 2 * MAX_ENTRIES, message: 'YAML: a mapping or list here holds more than 1,000,000 keys, values and items' });
  });
});
