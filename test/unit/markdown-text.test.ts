import { describe, expect, it } from 'vitest';
import { mdText } from '../../src/render/markdown.js';
import { imported } from '../helpers/import.js';

describe('ladder text written as Markdown', () => {
  it('escapes what Markdown would read as emphasis, code, links, HTML, tables or a heading', () => {
    expect(mdText('*bold* `code` [link](x) <b> a|b ~~gone~~ \\ _em_')).toBe('\\*bold\\* \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~\\~gone\\~\\~ \\\\ \\_em\\_');
    expect(mdText('# Title')).toBe('\\# Title');
  });

  it('leaves an underscore between letters and a hash after the start as written, as Markdown does', () => {
    expect(mdText('see https://example.com/effective_go.html#style and snake_case #tags')).toBe('see https://example.com/effective_go.html#style and snake_case #tags');
    expect(mdText('__init__')).toBe('\\_\\_init\\_\\_');
  });

  it('reads back as the same text', () => {
    for (const text of ['effective_go.html#style', '__init__ is _private_', '# not a heading, #tag', 'a_b_ _c']) {
      const markdown = `# Track\n\n## First\n\n### Craft\n\n- ${mdText(text)}\n\n## Second\n\n### Craft\n\n- more\n`;
      expect(imported(markdown).data?.tracks[0]?.levels[0]?.axes).toEqual([['Craft', [text]]]);
    }
  });
});
