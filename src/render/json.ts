/** The one JSON writer every command uses: two-space indent, keys in the order the result object defines them. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
