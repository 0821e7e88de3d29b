import { $id as SCHEMA_URL } from '../../schema/assessment.schema.json';
import { RATINGS } from '../model/assessment.js';
import { quoteList } from '../model/names.js';

const HEADER = [
  '',
  'A self-assessment for `ladder assess` (run `ladder assess --help`). It is yours: nothing leaves',
  'this file, and ladder writes nothing but it.',
  '',
  `Rate each expectation ${quoteList([...RATINGS])},`,
  'and add evidence: `- text: what happened`, with `link:` (http or https) and `date:` (YYYY-MM-DD)',
  'if you like. `new: true` marks what is new since your current level, `changed: true` what changed',
  'from it. `name`, `date` (YYYY-MM-DD) and `reviewer` are optional and shown in the packet. When',
  'the ladder changes, `ladder assess FILE --update` brings this file up to date, losing no rating',
  'or evidence.',
];

/**
 * The comment an assessment file opens with, each line without its `#`: the schema modeline (the
 * published schema, or the copy `schema` names), then what the file is. One text for the CLI's
 * writer and the HTML page's, which write the same file.
 */
export const assessmentComment = (schema: string = SCHEMA_URL): string[] => [` yaml-language-server: $schema=${schema}`, ...HEADER.map((line) => (line ? ` ${line}` : ''))];
