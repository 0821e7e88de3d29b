import { sanitize } from '../io.js';
import type { Decision } from '../read/markdown/draft.js';

/** Headings longer than this are cut in the outline, so the role and the rule stay in view. */
const MAX_WHAT = 48;

/**
 * The outline `--explain` prints: for each file, one line per heading, table and list, with its
 * line, what it was read as, and the rule that decided it.
 *
 *     career.md
 *        5  ## Senior Engineer      level        level depth: headings of depth 2 hold the equivalent lines
 */
export function renderOutline(decisions: Decision[], files: string[]): string {
  const order = new Map(files.map((file, index) => [file, index]));
  const sorted = decisions
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) => (order.get(a.decision.file) ?? 0) - (order.get(b.decision.file) ?? 0) || a.decision.line - b.decision.line || a.index - b.index)
    .map(({ decision }) => decision);
  const what = (decision: Decision) => {
    const text = sanitize(decision.what);
    return text.length > MAX_WHAT ? `${text.slice(0, MAX_WHAT - 1)}…` : text;
  };
  const lineWidth = Math.max(4, ...sorted.map((decision) => String(decision.line).length));
  const whatWidth = Math.max(0, ...sorted.map((decision) => what(decision).length));
  const roleWidth = Math.max(0, ...sorted.map((decision) => decision.role.length));
  const lines: string[] = [];
  let file: string | undefined;
  for (const decision of sorted) {
    if (decision.file !== file) {
      file = decision.file;
      lines.push(sanitize(file));
    }
    lines.push(`${String(decision.line).padStart(lineWidth)}  ${what(decision).padEnd(whatWidth)}  ${decision.role.padEnd(roleWidth)}  ${sanitize(decision.rule)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
