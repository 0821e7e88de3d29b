import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readBlockYaml, YamlSubsetError } from '../../src/page/block-yaml.js';

/**
 * The page's reader of assessment files against js-yaml, which `ladder assess` reads them with:
 * on the YAML a person editing a file by hand writes, the same value; on the rest, a refusal that
 * names the line.
 */
const SAME_AS_JS_YAML: Record<string, string> = {
  'keys and plain values': 'level: engineer\ntarget: lead # the next one\n',
  'nested mappings': 'ladder:\n  file: ladder.yaml\n  fingerprint: sha256:0c988b346ca2cbc5\nlevel: a\n',
  'a list under a key, indented or not': 'a:\n  - one\n  - two\nb:\n- three\n- four\n',
  'compact mappings in list items': 'expectations:\n  - axis: Craft\n    expectation: ships code\n    new: true\n    rating:\n    evidence: []\n  - axis: Impact\n    expectation: leads\n',
  'evidence nested two deep': 'e:\n  - axis: A\n    evidence:\n      - text: did it\n        link: https://example.com/a#b\n        date: 2026-03-14\n      - text: again\n',
  'nulls and booleans of the core schema': 'a:\nb: ~\nc: null\nd: NULL\ne: true\nf: False\ng: yes\nh: no\ni: on\n',
  'numbers of the core schema': 'a: 12\nb: -3.5\nc: 0x1F\nd: 1e3\ne: .inf\nf: 2026-03-14\ng: 1_000\nh: 0o17\ni: 12abc\nj: +7\n',
  'a plain value over several lines': 'expectation: up to date on evolving standards, platform features, and critical vendor and\n      community-provided technologies\nnext: x\n',
  'a plain value with an empty line inside': 'a: one\n  two\n\n  three\nb: c\n',
  'a plain value that a comment ends': 'a: one # note\nb: two\n  # a comment\nc: three\n',
  'double quotes with every escape': 'a: "tab\\there \\"q\\" back\\\\slash \\u00e9 \\x41 \\U0001F600 \\/ \\0 \\e \\N \\_ \\L \\P \\a \\b \\v \\f \\r \\n \\ "\n',
  'double quotes over several lines': 'a: "one\n  two   \n\n  three \\\n  four\\t\n  five"\nb: x\n',
  'single quotes': "a: 'it''s # not a comment: really'\nb: 'one\n  two'\nc: ''\n",
  'quoted keys': '"axis": A\n\'expectation\': B\n"with \\"quote\\"": C\n',
  'a literal block': 'a: |\n  line one\n    indented\n\n  line three\nb: |-\n  stripped\n\nc: |+\n  kept\n\nd: x\n',
  'a folded block': 'a: >\n  one\n  two\n\n  three\n    more indented\n  four\nb: >-\n  x\n  y\n',
  'a block with an indentation indicator': 'a: |2\n    two spaces kept\n  none\nb: x\n',
  'empty blocks': 'a: |\nb: >-\nc: x\n',
  'a document marker, comments and blank lines': '# head\n\n---\n# more\nlevel: a   \n\n\n...\n',
  'Windows line ends and a byte-order mark': '\ufeffa: 1\r\nb:\r\n  - x\r\n',
  'empty flow collections': 'a: []\nb: {}\nc: [ ]   # none\n',
  'keys with spaces, colons and dashes': 'a key: v\nurl:http: v2\n-x: 3\nk: http://example.com:80/x\n',
  'a list of lists': '- - a\n  - b\n- c\n',
  'the key __proto__': '__proto__: x\nlevel: y\n',
  'a value that is a colon and more': 'a: ":"\nb: x:y\n',
  'a tab in a value': 'a: one\ttwo\n',
  'list items whose content is on the next line': 'a:\n  -\n    b: c\n  -\n  - d\n',
  'plain text that is only a scalar': 'just text\n',
  'a folded block with lines of white space and indented lines': 'a: >\n  one\n   \n  two\n\n    code\n    more\n  three\nb: |\n\n  after an empty line\n',
  'a plain value continued by a dash or a quote': 'a: one\n  - two\n  "three"\n',
  'space before a colon, and comments between list items': 'level  : a\nlist:\n  # first\n  - one   # note\n\n  # second\n  - two\n',
  'an assessment edited by hand': '# mine\nladder:\n  file: ladder.yaml\n  fingerprint: sha256:0c988b346ca2cbc5\nname: Alex Doe\ndate: 2026-03-31\nlevel: engineer\ntarget: lead\nexpectations:\n- axis: Domain Knowledge\n  expectation: participates in an on-call rotation.\n  new: false\n  changed: true\n  rating: Sometimes   # getting there\n  evidence:\n  - text: Took the March rota, and wrote up \'what went wrong\'\n    link: https://example.com/rota#march\n  - text: >\n      Ran the review\n      of the outage\n',
  'nothing at all': '',
  'only comments': '# nothing\n',
};

const REFUSED: Record<string, [string, number]> = {
  'an anchor and an alias': ['a: &x one\nb: *x\n', 1],
  'a tag': ['a: b\nc: !!str 1\n', 2],
  'a flow list with content': ['a:\n  b: [one, two]\n', 2],
  'a flow mapping with content': ['a: {b: c}\n', 1],
  'two documents': ['a: 1\n---\nb: 2\n', 2],
  'a directive': ['%YAML 1.2\n---\na: 1\n', 1],
  'a tab for indentation': ['a:\n\tb: 1\n', 2],
  'a key given twice': ['a: 1\nb: 2\na: 3\n', 3],
  'a colon inside a plain value': ['expectation: owns it: end to end\n', 1],
  'a line indented too far': ['a: 1\n  b: 2\n', 2],
  'a double-quoted value not closed': ['a: "one\nb: two\n', 1],
  'an escape YAML does not know': ['a: "\\q"\n', 1],
  'text after a closing quote': ['a: "one" two\n', 1],
  'a list item where a key belongs': ['a: 1\n- b\n', 2],
  'lists nested deeper than any assessment': [`${'- '.repeat(200)}a\n`, 1],
};

describe('the page’s reader of block YAML', () => {
  it.each(Object.entries(SAME_AS_JS_YAML))('reads %s as js-yaml does', (_, text) => {
    expect(readBlockYaml(text)).toEqual(load(text, { schema: CORE_SCHEMA }) ?? null);
  });

  it('keeps __proto__ as a key, not a prototype', () => {
    const value = readBlockYaml('__proto__: x\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it.each(Object.entries(REFUSED))('refuses %s, naming the line', (_, [text, line]) => {
    let thrown: unknown;
    try {
      readBlockYaml(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(YamlSubsetError);
    expect((thrown as YamlSubsetError).line).toBe(line);
  });

  it('reads a quoted value of 100,000 lines', () => {
    const text = `a: "${Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n  ')}"\n`;
    expect(readBlockYaml(text)).toEqual(load(text, { schema: CORE_SCHEMA }));
  });

  it('reads a file of 20,000 expectations, each with a folded block', () => {
    const entry = (i: number) => `  - axis: Axis ${i}\n    expectation: "does thing ${i}"\n    rating: sometimes\n    evidence:\n      - text: >-\n          did it\n          well\n`;
    const file = (n: number) => `expectations:\n${Array.from({ length: n }, (_, i) => entry(i)).join('')}`;
    expect((readBlockYaml(file(20_000)) as { expectations: unknown[] }).expectations).toHaveLength(20_000);
  });
});
