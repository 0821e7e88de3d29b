import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Scalar, ToStringOptions } from 'yaml';
import { UNSAFE_IN_STRINGS, unicodeEscape } from '../io.js';

/**
 * Plain scalars that a YAML 1.1 parser (PyYAML, Ruby's Psych, go-yaml v2 in older yq) reads as
 * something other than a string: booleans (with go-yaml's y and n), null, the merge and value
 * keys, integers in base 2, 8, 16 and 60 or with underscores, floats, and timestamps. The patterns
 * are those of the 1.1 type repository, as PyYAML's resolver spells them. The writer already
 * quotes what YAML 1.2 would read differently.
 */
const YAML_1_1_NOT_A_STRING = new RegExp(
  `^(?:${[
    '[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF',
    '~|null|Null|NULL|<<|=',
    '[-+]?(?:0b[01_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)',
    '[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
    '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?',
  ].join('|')})$`,
);

/** UNSAFE_IN_STRINGS without its `g`, to test a string with (a global expression keeps its place between tests). */
const UNSAFE = new RegExp(UNSAFE_IN_STRINGS.source, UNSAFE_IN_STRINGS.flags.replace('g', ''));

/**
 * The style a string must be written in to be safe to show in a terminal and to read back the same
 * in YAML 1.1 parsers too, or undefined where any style is. Strings holding tabs, C1 controls or
 * bidirectional overrides are double-quoted, so that yamlText can escape those characters (the
 * YAML writer escapes C0 controls itself); strings a 1.1 parser would read as another type (`no`,
 * `2024-01-01`, `1:20`) are quoted. A tab is escaped too (`\t`): PyYAML, ruamel.yaml and yamllint
 * refuse one raw in a plain scalar.
 */
export function safeStyle(text: string): Scalar.Type | undefined {
  if (UNSAFE.test(text) || text.includes('\t')) return 'QUOTE_DOUBLE';
  if (YAML_1_1_NOT_A_STRING.test(text)) return 'QUOTE_SINGLE';
  return undefined;
}

/** A YAML document as text that is safe to show in a terminal and reads back the same in YAML 1.1 parsers: each string, key or value, in its safeStyle. */
export function safeYaml(doc: Document, options: ToStringOptions): string {
  forEachScalar(doc.contents, (node) => {
    if (typeof node.value !== 'string') return;
    const style = safeStyle(node.value);
    if (style) node.type = style;
  });
  return yamlText(doc, options);
}

/**
 * Every scalar of a document's nodes, keys included, in document order. yaml's own `visit` makes
 * a frozen copy of the path to each node, which for a ladder of 100,000 texts is most of the
 * writer's garbage; this walk keeps none. (Nodes a writer makes have no aliases to follow.)
 */
function forEachScalar(root: unknown, each: (node: Scalar) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) each(node);
    else if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) stack.push(node.value, node.key);
  }
}

/** A document whose strings are already in their safeStyle, as text: the characters double quotes hold escaped. */
export function yamlText(doc: Document, options: ToStringOptions): string {
  return doc.toString(options).replace(UNSAFE_IN_STRINGS, unicodeEscape);
}

export function renderYaml(value: unknown): string {
  // Shared sub-objects (a track named by many levels) are written out in full, not as YAML anchors.
  return safeYaml(new Document(value, { aliasDuplicateObjects: false }), { lineWidth: 0 });
}
