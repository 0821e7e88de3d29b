import { Document, isScalar, visit } from 'yaml';
import type { ToStringOptions } from 'yaml';
import { UNSAFE_IN_STRINGS, unicodeEscape } from '../io.js';

/**
 * A YAML document as text that is safe to show in a terminal: strings holding C1 controls or
 * bidirectional overrides are double-quoted and those characters escaped (the YAML writer escapes
 * C0 controls itself), so the text still reads back to the same strings.
 */
export function safeYaml(doc: Document, options: ToStringOptions): string {
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && new RegExp(UNSAFE_IN_STRINGS.source).test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(options).replace(UNSAFE_IN_STRINGS, unicodeEscape);
}

export function renderYaml(value: unknown): string {
  // Shared sub-objects (a track named by many levels) are written out in full, not as YAML anchors.
  return safeYaml(new Document(value, { aliasDuplicateObjects: false }), { lineWidth: 0 });
}
