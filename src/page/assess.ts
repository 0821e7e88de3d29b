import { LadderError } from '../errors.js';
import { RATINGS } from '../model/assessment.js';
import type { AssessedExpectation, Assessment, Evidence, Rating } from '../model/assessment.js';
import type { Level } from '../model/model.js';
import { resolveLevel } from '../model/resolve.js';
import { expectationsOf, review, updatedAssessment } from '../query/assessment.js';
import type { Review } from '../query/assessment.js';
import { assessmentFile, assessmentOf, LINK, readAssessmentText } from './assessment-file.js';
import type { PageContext } from './context.js';
import { neighbours } from './context.js';
import { el, inline, scrollRegion } from './dom.js';
import { levelSelect } from './level-select.js';

/** Where this ladder's assessment is kept in the browser: one per ladder, by its fingerprint. */
const storageKey = (context: PageContext) => `ladder-assessment:${context.fingerprint}`;

function stored(context: PageContext): Assessment | undefined {
  try {
    const text = localStorage.getItem(storageKey(context));
    return text === null ? undefined : assessmentOf(JSON.parse(text), false);
  } catch {
    return undefined;
  }
}

/** Kept as JSON, read back in the shape a file is taken in. */
function store(context: PageContext, assessment: Assessment | undefined): boolean {
  try {
    if (assessment) localStorage.setItem(storageKey(context), JSON.stringify(withoutBlankEvidence(assessment)));
    else localStorage.removeItem(storageKey(context));
    return true;
  } catch {
    return false;
  }
}

interface Draft {
  assessment: Assessment;
  level: Level;
  target: Level;
  review: Review;
}

/** An assessment brought up to date with this ladder, as `ladder assess --update` would (every rating and piece of evidence kept). */
function draftOf(context: PageContext, assessment: Assessment): Draft {
  const level = resolveLevel(context.ladder, assessment.level);
  const target = resolveLevel(context.ladder, assessment.target);
  const current = updatedAssessment(assessment, review(context.ladder, level, target, assessment, context.fingerprint), context.fingerprint);
  return { assessment: current, level, target, review: review(context.ladder, level, target, current, context.fingerprint) };
}

const PRIVACY = 'Private by construction: this page sends nothing anywhere and loads nothing. Your ratings and evidence stay in this browser, kept for this ladder only, until you clear them. Download saves them as a file that `ladder assess` reads.';

/** The Self-assessment view: rate each expectation of a target level, with evidence; kept in the browser, downloaded as the CLI's file. */
export function assessView(context: PageContext, rerender: () => void): HTMLElement {
  const message = el('p', { class: 'message', role: 'status', id: 'assess-message' });
  const say = (text: string) => (message.textContent = text);
  const saved = stored(context);
  let draft: Draft | undefined;
  if (saved) {
    try {
      draft = draftOf(context, saved);
    } catch (error) {
      if (!(error instanceof LadderError)) throw error;
      say(`The assessment kept in this browser names a level this ladder does not have: ${error.message}`);
    }
  }
  const open = el('input', { type: 'file', id: 'assess-open', accept: '.yaml,.yml,text/yaml,application/yaml' });
  open.addEventListener('change', async () => {
    const file = open.files?.[0];
    if (!file) return;
    const read = readAssessmentText(await file.text());
    if ('problem' in read) return say(`${file.name} cannot be opened here: ${read.problem}. The page reads assessment files as \`ladder assess new\` writes them; \`ladder assess ${file.name}\` reads any YAML, and says where a problem is.`);
    const { assessment } = read;
    try {
      const opened = draftOf(context, assessment);
      store(context, opened.assessment);
      rerender();
      const changed = assessment.ladder.fingerprint !== context.fingerprint ? ' The ladder has changed since it was written: it is brought up to date, every rating and piece of evidence kept.' : '';
      document.getElementById('assess-message')?.replaceChildren(`Opened ${file.name}.${changed}`);
    } catch (error) {
      if (!(error instanceof LadderError)) throw error;
      say(`${file.name}: ${error.message}`);
    }
  });
  const openField = el('p', { class: 'field' }, el('label', { for: 'assess-open' }, 'Open an assessment file'), open);
  return el(
    'section',
    { class: 'view assess', 'aria-labelledby': 'view-title' },
    el('h2', { id: 'view-title', tabindex: '-1' }, draft ? `Self-assessment: ${draft.level.title} → ${draft.target.title}` : 'Self-assessment'),
    el('p', { class: 'privacy' }, inline(PRIVACY)),
    message,
    draft ? assessmentForm(context, draft, openField, say, rerender) : startForm(context, openField, rerender),
  );
}

function startForm(context: PageContext, openField: HTMLElement, rerender: () => void): HTMLElement {
  const first = context.ladder.levels[0] as Level;
  let level = first.id;
  let target = (neighbours(context, first).above ?? first).id;
  const start = el('button', { type: 'submit' }, 'Start');
  const form = el(
    'form',
    { class: 'controls' },
    levelSelect(context.ladder, 'assess-level', 'My level', level, (id) => (level = id)),
    levelSelect(context.ladder, 'assess-target', 'Target level', target, (id) => (target = id)),
    el('p', { class: 'field' }, start),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = context.ladder.levelById.get(level) as Level;
    const to = context.ladder.levelById.get(target) as Level;
    const expectations = expectationsOf(context.ladder, from, to).map((entry) => ({ ...entry, rating: null, evidence: [] }));
    // The keys `ladder assess new` writes, the optional ones left empty for filling in.
    store(context, { ladder: { file: context.file, fingerprint: context.fingerprint }, name: null, date: null, reviewer: null, level, target, expectations });
    rerender();
  });
  return el('div', {}, el('p', {}, 'Pick your level and the level you are working towards, or open a file that `ladder assess new` wrote.'), form, openField);
}

const RATING_LABELS: Record<Rating, string> = { 'not yet': 'Not yet', sometimes: 'Sometimes', consistently: 'Consistently' };

function assessmentForm(context: PageContext, draft: Draft, openField: HTMLElement, say: (text: string) => void, rerender: () => void): HTMLElement {
  const summary = el('div', { class: 'assess-summary' });
  const changed = () => {
    store(context, draft.assessment);
    draft.review = review(context.ladder, draft.level, draft.target, draft.assessment, context.fingerprint);
    summary.replaceChildren(...summaryOf(draft.review));
  };
  changed();
  const download = el('button', { type: 'button' }, 'Download');
  download.addEventListener('click', () => {
    const bad = draft.assessment.expectations.flatMap((entry) => entry.evidence ?? []).find((evidence) => evidence.link && !LINK.test(evidence.link));
    if (bad) return say(`The link “${bad.link ?? ''}” does not begin with http:// or https://: \`ladder assess\` would refuse the file. Correct it, then download again.`);
    const file = new Blob([assessmentFile(withoutBlankEvidence(draft.assessment))], { type: 'application/yaml' });
    const link = el('a', { href: URL.createObjectURL(file), download: `${draft.level.id}-to-${draft.target.id}.assessment.yaml` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
    say('Downloaded. Run `ladder assess FILE` on it for the same summary in the terminal.');
  });
  const clear = el('button', { type: 'button' }, 'Clear this assessment');
  clear.addEventListener('click', () => {
    // Two presses: one alone would throw away every rating.
    if (clear.dataset.armed === undefined) {
      clear.dataset.armed = '';
      clear.textContent = 'Press again to clear every rating and piece of evidence';
      return;
    }
    store(context, undefined);
    rerender();
  });
  // The expectations axis by axis, each editor bound to its entry in the assessment by index.
  const groups = new Map<string, number[]>();
  draft.assessment.expectations.forEach((entry, i) => {
    const list = groups.get(entry.axis);
    if (list) list.push(i);
    else groups.set(entry.axis, [i]);
  });
  const sections = [...groups].map(([axis, indexes]) =>
    el('section', { class: 'axis' }, el('h3', {}, axis), indexes.map((i) => expectationEditor(draft.assessment.expectations[i] as AssessedExpectation, i, changed))),
  );
  return el('div', {}, summary, el('p', { class: 'actions' }, download, ' ', clear), openField, sections);
}

/** Evidence without text is an empty row of the form, not evidence: the file leaves it out. */
function withoutBlankEvidence(assessment: Assessment): Assessment {
  return { ...assessment, expectations: assessment.expectations.map((entry) => ({ ...entry, evidence: (entry.evidence ?? []).filter((evidence) => evidence.text.trim() !== '') })) };
}

function summaryOf(reviewed: Review): HTMLElement[] {
  const total = reviewed.expectations.length;
  const met = total - reviewed.gaps.notMet;
  const table = el(
    'table',
    { class: 'counts' },
    el('caption', {}, 'Expectations by axis'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Axis'), el('th', { scope: 'col' }, 'Met'), [...RATINGS].reverse().map((rating) => el('th', { scope: 'col' }, RATING_LABELS[rating])), el('th', { scope: 'col' }, 'Unrated'))),
    el(
      'tbody',
      {},
      reviewed.axes.map((axis) =>
        el(
          'tr',
          { 'data-axis': axis.name },
          el('th', { scope: 'row' }, axis.name),
          el('td', { 'data-count': 'met' }, `${axis.met} of ${axis.total}`),
          [...RATINGS].reverse().map((rating) => el('td', { 'data-count': rating }, String(axis.counts[rating]))),
          el('td', { 'data-count': 'unrated' }, String(axis.counts.unrated)),
        ),
      ),
    ),
  );
  return [el('p', { class: 'summary', id: 'assess-totals' }, `${met} of ${total} expectations met; ${reviewed.gaps.withoutEvidence} without evidence`), scrollRegion('Expectations by axis', table)];
}

function expectationEditor(entry: AssessedExpectation, i: number, changed: () => void): HTMLElement {
  const name = `rating-${i}`;
  const choice = (value: Rating | null, label: string) => {
    const id = `${name}-${value ?? 'none'}`.replace(/\s+/g, '-');
    const radio = el('input', { type: 'radio', name, id, value: value ?? '', checked: (entry.rating ?? null) === value });
    radio.addEventListener('change', () => {
      entry.rating = value;
      changed();
    });
    return el('span', { class: 'choice' }, radio, el('label', { for: id }, label));
  };
  const evidenceList = el('ol', { class: 'evidence' });
  const evidence = (entry.evidence ??= []);
  const showEvidence = (focus?: number) => {
    evidenceList.replaceChildren(...evidence.map((item, e) => evidenceEditor(item, `${name}-evidence-${e}`, changed, () => {
      evidence.splice(e, 1);
      changed();
      showEvidence();
      add.focus();
    })));
    if (focus !== undefined) evidenceList.querySelectorAll('input')[focus * 3]?.focus();
  };
  const add = el('button', { type: 'button', class: 'add' }, 'Add evidence');
  add.addEventListener('click', () => {
    evidence.push({ text: '' });
    showEvidence(evidence.length - 1);
    changed();
  });
  showEvidence();
  return el(
    'fieldset',
    { class: 'expectation', 'data-index': String(i) },
    el('legend', {}, inline(entry.expectation), entry.new && el('span', { class: 'badge' }, ' new'), entry.changed && el('span', { class: 'badge' }, ' changed')),
    el('div', { class: 'ratings' }, choice(null, 'Not rated'), RATINGS.map((rating) => choice(rating, RATING_LABELS[rating]))),
    evidenceList,
    add,
  );
}

function evidenceEditor(item: Evidence, id: string, changed: () => void, remove: () => void): HTMLElement {
  const field = (key: 'text' | 'link' | 'date', label: string, type: string) => {
    const input = el('input', { type, id: `${id}-${key}`, value: item[key] ?? '' });
    input.addEventListener('input', () => {
      // An emptied link or date is no link or date: the file leaves the key out.
      if (key === 'text') item.text = input.value;
      else item[key] = input.value || undefined;
      changed();
    });
    return el('span', { class: `evidence-${key}` }, el('label', { for: input.id }, label), input);
  };
  const removeButton = el('button', { type: 'button' }, 'Remove');
  removeButton.addEventListener('click', remove);
  return el('li', {}, field('text', 'Evidence', 'text'), field('link', 'Link', 'url'), field('date', 'Date', 'date'), removeButton);
}
