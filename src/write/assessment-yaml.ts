import { Document } from 'yaml';
import type { Assessment } from '../model/assessment.js';
import { safeYaml } from '../render/yaml.js';
import { ASSESSMENT_COMMENT } from './assessment-header.js';

/** An assessment file: the schema modeline, a header that explains it, then the assessment, empty ratings left empty for filling in. */
export function assessmentYaml(assessment: Assessment): string {
  const doc = new Document(assessment, { aliasDuplicateObjects: false });
  doc.commentBefore = ASSESSMENT_COMMENT.join('\n');
  return safeYaml(doc, { lineWidth: 100, minContentWidth: 40, nullStr: '' });
}
