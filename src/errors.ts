/** One problem found in a ladder file, with its position when one is known. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** What kind of problem it is, as a rule id (`schema`, `missing-axis`, `spelling`): SARIF's ruleId. */
  rule?: string;
  file: string;
  line?: number;
  col?: number;
  message: string;
  hint?: string;
  /** The source line the problem is on, shown under the message in a terminal. */
  excerpt?: string;
}

/**
 * The diagnostics with the line each one points at, from the texts they were found in. Each
 * text's line starts are found once, so many diagnostics cost no more than one pass.
 */
export function withExcerpts(diagnostics: Diagnostic[], sources: { name: string; text: string }[]): Diagnostic[] {
  const lineStarts = new Map<string, number[]>();
  const linesOf = (text: string, name: string): number[] => {
    let starts = lineStarts.get(name);
    if (!starts) {
      starts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      lineStarts.set(name, starts);
    }
    return starts;
  };
  return diagnostics.map((diagnostic) => {
    const source = sources.find((candidate) => candidate.name === diagnostic.file);
    if (!source || diagnostic.line === undefined) return diagnostic;
    const starts = linesOf(source.text, source.name);
    const start = starts[diagnostic.line - 1];
    if (start === undefined) return diagnostic;
    const end = starts[diagnostic.line] ?? source.text.length;
    return { ...diagnostic, excerpt: source.text.slice(start, Math.min(end, start + 500)).replace(/\r?\n$/, '') };
  });
}

/**
 * What went wrong, in terms a caller can branch on:
 * - `not-found` / `ambiguous`: a level, axis or track name did not pick exactly one thing;
 * - `usage`: the command line itself is wrong;
 * - `file`: the ladder file cannot be read;
 * - `invalid`: the ladder file was read but is not a valid ladder (see `diagnostics`).
 */
export type ErrorCode = 'not-found' | 'ambiguous' | 'usage' | 'file' | 'invalid';

export interface Candidate {
  id: string;
  title: string;
}

export interface LadderErrorDetails {
  hint?: string;
  diagnostics?: Diagnostic[];
  candidates?: Candidate[];
}

// Commands loaded on demand are bundled separately, each with its own copy of this class; a
// registered symbol lets `instanceof` recognise a LadderError from any of them.
const BRAND = Symbol.for('ladder.LadderError');

/** The one error type the core throws; only the CLI decides how it is shown and which exit code it gets. */
export class LadderError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly diagnostics: Diagnostic[];
  readonly candidates: Candidate[];

  constructor(code: ErrorCode, message: string, details: LadderErrorDetails = {}) {
    super(message);
    this.name = 'LadderError';
    this.code = code;
    this.hint = details.hint;
    this.diagnostics = details.diagnostics ?? [];
    this.candidates = details.candidates ?? [];
  }
}
