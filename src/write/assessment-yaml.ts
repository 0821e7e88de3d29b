import { Document } from 'yaml';
import { $id as SCHEMA_URL } from '../../schema/assessment.schema.json';
import { quoteList } from '../model/names.js';
import { RATINGS } from '../model/assessment.js';
import type { Assessment } from '../model/assessment.js';
import { safeYaml } from '../render/yaml.js';

const HEADER = [
  '',
  'A self-assessment for `ladder assess` (run `ladder assess --help`). It is yours: nothing leaves',
  'this file, and ladder writes nothing but it.',
  '',
  `Rate each expectation ${quoteList([...RATINGS])},`,
  'and add evidence: `- text: what happened`, with `link:` (http or https) and `date:` (YYYY-MM-DD)',
  'if you like. `new: true` marks what is new or changed since your current level. When the ladder',
  'changes, `ladder assess FILE --update` brings this file up to date, losing no rating or evidence.',
];

/** An assessment file: the schema modeline, a header that explains it, then the assessment, empty ratings left empty for filling in. */
export function assessmentYaml(assessment: Assessment): string {
  const doc = new Document(assessment, { aliasDuplicateObjects: false });
  doc.commentBefore = [` yaml-language-server: $schema=${SCHEMA_URL}`, ...HEADER.map((line) => (line ? ` ${line}` : ''))].join('\n');
  return safeYaml(doc, { lineWidth: 100, minContentWidth: 40, nullStr: '' });
}
