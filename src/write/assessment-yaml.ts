import type { YAMLMap } from 'yaml';
import { Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { FileMatch } from '../query/assessment.js';
import { canonicalRating } from '../model/assessment.js';
import type { Assessment } from '../model/assessment.js';
import { safeYaml } from '../render/yaml.js';
import { assessmentComment } from './assessment-header.js';

/**
 * An assessment file: the schema modeline (the published schema, or the copy `schema` names), a
 * header that explains it, then the assessment, empty ratings left empty for filling in.
 */
export function assessmentYaml(assessment: Assessment, schema?: string): string {
  const doc = new Document(assessment, { aliasDuplicateObjects: false });
  doc.commentBefore = assessmentComment(schema).join('\n');
  return safeYaml(doc, { lineWidth: 100, minContentWidth: 40, nullStr: '' });
}

/**
 * The person's own file brought up to date as an edit of its YAML document, so every comment they
 * wrote stays where it was: an entry matched to a current expectation keeps its node (comments,
 * rating and evidence included) and takes the ladder's wording and `new` mark; entries that match
 * nothing move under `removed`; expectations new to the file are added.
 */
export function updatedAssessmentYaml(text: string, updated: Assessment, matched: FileMatch): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  const itemsOf = (node: unknown) => (isSeq(node) ? node.items : []);
  const oldNodes = [...itemsOf(doc.get('expectations', true)), ...itemsOf(doc.get('removed', true))];
  const taken = new Set(matched.match.values());
  const expectations = updated.expectations.map((entry, c) => {
    const from = matched.match.get(c);
    const node = from === undefined ? undefined : oldNodes[from];
    if (!isMap(node)) return doc.createNode(entry);
    // A value is set only where it changed, so a comment on an unchanged one stays.
    for (const key of ['axis', 'expectation', 'new'] as const) {
      if (node.get(key) === entry[key]) continue;
      if (entry[key] === undefined) node.delete(key);
      else node.set(key, entry[key]);
    }
    if (!node.has('rating')) node.set('rating', null);
    writeRatingCanonical(node);
    if (!node.has('evidence')) node.set('evidence', doc.createNode([]));
    return node;
  });
  const removed = oldNodes.filter((node, i) => !taken.has(i) && isMap(node));
  for (const node of removed) {
    if (!isMap(node)) continue;
    node.delete('new');
    writeRatingCanonical(node);
  }
  setItems(doc, 'expectations', expectations);
  if (removed.length > 0) setItems(doc, 'removed', removed);
  else doc.delete('removed');
  if (doc.getIn(['ladder', 'fingerprint']) !== updated.ladder.fingerprint) doc.setIn(['ladder', 'fingerprint'], updated.ladder.fingerprint);
  return safeYaml(doc, { lineWidth: 100, minContentWidth: 40, nullStr: '' });
}

/** A rating accepted in another case (`Sometimes`) is written back as the scale has it. */
function writeRatingCanonical(node: YAMLMap): void {
  const rating = node.get('rating');
  const canonical = typeof rating === 'string' ? canonicalRating(rating) : undefined;
  if (canonical && canonical !== rating) node.set('rating', canonical);
}

/** Puts `items` in the document's sequence at `key`, keeping the sequence node (and its comments) when there is one. */
function setItems(doc: Document, key: string, items: unknown[]): void {
  const seq = doc.get(key, true);
  if (isSeq(seq)) seq.items = items;
  else doc.set(key, Object.assign(new YAMLSeq(), { items }));
}
