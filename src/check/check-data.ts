import type { Diagnostic } from '../errors.js';
import { fileShape } from '../model/model.js';
import type { LadderData } from '../model/model.js';
import { checkCrossReferences } from './crossref.js';
import type { Locate } from './crossref.js';
import { matchesSchema } from './schema.js';

/**
 * Ladder data a reader made (from Markdown, a spreadsheet, a job family), put through the rules a
 * ladder file gets: the schema, then the cross-references. No text is parsed, so this is the check
 * for data that never was a file, and it loads neither YAML parser.
 */
export function checkLadderData(data: LadderData, file: string, locate?: Locate): Diagnostic[] {
  const raw = fileShape(data);
  if (!matchesSchema(raw)) return [{ severity: 'error', rule: 'schema', file, line: 1, col: 1, message: 'the data read does not make a valid ladder' }];
  return checkCrossReferences(raw, file, locate).map((problem) => ({ rule: 'cross-reference', ...problem }));
}
