import { checkCrossReferences } from './crossref.js';
import { LadderError } from './errors.js';
import type { Diagnostic } from './errors.js';
import { buildLadder } from './model.js';
import type { Ladder, RawLadder } from './model.js';
import { parseYaml } from './parse.js';
import { checkSchema } from './schema-check.js';
import type { LadderSource } from './source.js';

/** Parses and checks ladder text: YAML first, then the schema, then cross-references. */
export function checkLadderText(source: LadderSource): { ladder?: Ladder; diagnostics: Diagnostic[] } {
  const { parsed, diagnostics: yamlProblems } = parseYaml(source.text, source.name);
  if (!parsed) return { diagnostics: yamlProblems };
  const schemaProblems = checkSchema(parsed, source.name);
  if (schemaProblems.length > 0) return { diagnostics: schemaProblems.sort(byPosition) };
  const raw = parsed.value as RawLadder;
  const referenceProblems = checkCrossReferences(raw, parsed, source.name);
  if (referenceProblems.length > 0) return { diagnostics: referenceProblems.sort(byPosition) };
  const ladder = buildLadder(raw, source.name, (t, l) => parsed.keysOf(['tracks', t, 'levels', l, 'axes']));
  return { ladder, diagnostics: [] };
}

/** Like `checkLadderText`, but a ladder with errors is thrown as one `invalid` error carrying every problem. */
export function loadLadder(source: LadderSource): Ladder {
  const { ladder, diagnostics } = checkLadderText(source);
  if (!ladder) {
    const count = diagnostics.length;
    throw new LadderError('invalid', `${source.name}: not a valid ladder (${count} ${count === 1 ? 'problem' : 'problems'})`, { diagnostics });
  }
  return ladder;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}
