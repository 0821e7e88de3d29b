import { UNSAFE_IN_STRINGS, unicodeEscape } from '../io.js';

/**
 * The one JSON writer every command uses: two-space indent, keys in the order the result object
 * defines them. C1 controls and bidirectional overrides are escaped as well as C0 controls, so the
 * output is safe to show in a terminal and still reads back to the same strings.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_STRINGS, unicodeEscape)}\n`;
}
