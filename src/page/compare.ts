import type { Level } from '../model/model.js';
import { diffLevels } from '../query/diff.js';
import type { ClauseChange, LevelDiff, SectionDiff } from '../query/diff.js';
import { levelsHeading, sectionSide, sideWords, summaryLine } from '../render/diff-words.js';
import type { PageContext } from './context.js';
import { neighbours } from './context.js';
import { el, hiddenLabel, inline, viewLink } from './dom.js';
import type { Child } from './dom.js';
import { levelSelect } from './level-select.js';

/** `#compare=FROM..TO`: the levels a link names, or the first level and the one above it. */
export function comparedLevels(context: PageContext, choice: string): [Level, Level] {
  const { ladder } = context;
  const [fromId = '', toId = ''] = choice.split('..');
  const from = ladder.levelById.get(fromId) ?? (ladder.levels[0] as Level);
  const to = ladder.levelById.get(toId) ?? neighbours(context, from).above ?? from;
  return [from, to];
}

export const compareHash = (from: string, to: string) => `compare=${from}..${to}`;

/** The Compare view: two levels chosen, and `ladder diff` between them, one section per axis. */
export function compareView(context: PageContext, choice: string): HTMLElement {
  const [from, to] = comparedLevels(context, choice);
  const go = (a: string, b: string) => (location.hash = compareHash(a, b));
  const diff = diffLevels(context.ladder, from, to);
  const swap = el('button', { type: 'button' }, 'Swap');
  swap.addEventListener('click', () => go(to.id, from.id));
  return el(
    'section',
    { class: 'view compare', 'aria-labelledby': 'view-title' },
    el('h2', { id: 'view-title', tabindex: '-1' }, levelsHeading(diff, (side) => side.heading)),
    el(
      'div',
      { class: 'controls' },
      levelSelect(context.ladder, 'compare-from', 'From', from.id, (id) => go(id, to.id)),
      levelSelect(context.ladder, 'compare-to', 'To', to.id, (id) => go(from.id, id)),
      el('p', { class: 'field' }, swap),
    ),
    el('p', { class: 'meta' }, 'Equivalent: ', diff.from.equivalent?.title ?? 'n/a', diff.kind === 'comparison' ? ' ↔ ' : ' → ', diff.to.equivalent?.title ?? 'n/a', ' · ', viewLink(`level-${from.id}`, diff.from.heading), ' · ', viewLink(`level-${to.id}`, diff.to.heading)),
    el('p', { class: 'summary', id: 'compare-summary' }, summaryLine(diff)),
    diff.sections.map((section) => sectionView(section, diff)),
  );
}

/**
 * One axis: what is new or changed, then, folded away, what stays and what the second level does
 * not restate (between two tracks' levels: what only the first has). Levels are named as the CLI
 * names them, with their track where two tracks share a title.
 */
function sectionView(section: SectionDiff, diff: LevelDiff): HTMLElement {
  const names = { from: diff.from.heading, to: diff.to.heading };
  const side = sectionSide(section, diff, names);
  const words = sideWords(diff, names);
  const shown = section.clauses.filter((clause) => clause.kind === 'added' || clause.kind === 'changed');
  const unchanged = section.clauses.filter((clause) => clause.kind === 'unchanged');
  const notRestated = section.clauses.filter((clause) => clause.kind === 'removed');
  // What the higher level does not repeat, and what stays the same, are folded away: the eye goes to what is new.
  const folded = (clauses: ClauseChange[], summary: string) => clauses.length > 0 && el('details', {}, el('summary', {}, summary), clauseList(clauses));
  return el(
    'section',
    { class: `diff-section ${section.kind}`, 'data-section': section.name },
    el('h3', {}, section.name, side ? ` (${side})` : ''),
    section.note && el('p', { class: 'note' }, section.note),
    shown.length > 0 && clauseList(shown),
    folded(unchanged, `${unchanged.length} ${words.unchanged}`),
    folded(notRestated, diff.kind === 'comparison' ? `${notRestated.length} ${words.removed}` : `${notRestated.length} of ${names.from} not restated`),
  );
}

function clauseList(clauses: ClauseChange[]): HTMLElement {
  return el('ul', { class: 'clauses' }, clauses.map(clauseItem));
}

const MARKS: Record<ClauseChange['kind'], [symbol: string, label: string]> = {
  added: ['+', 'Added: '],
  removed: ['−', 'Not restated: '],
  changed: ['~', 'Changed: '],
  unchanged: ['=', 'Unchanged: '],
};

function clauseItem(clause: ClauseChange): HTMLElement {
  const [symbol, label] = MARKS[clause.kind];
  let body: Child[];
  if (clause.kind === 'changed') {
    body = clause.words.map((part) => (part.kind === 'added' ? el('ins', {}, part.text) : part.kind === 'removed' ? el('del', {}, part.text) : part.text));
  } else body = inline(clause.text);
  const attributes = clause.kind === 'changed' ? { 'data-from': clause.from, 'data-to': clause.to } : { 'data-text': clause.text };
  return el('li', { class: clause.kind, 'data-kind': clause.kind, ...attributes }, el('span', { class: 'mark', 'aria-hidden': 'true' }, symbol), hiddenLabel(label), el('span', { class: 'clause' }, body));
}
