import { LadderError } from '../errors.js';
import { searchLadder } from '../query/search.js';
import type { SearchHit } from '../query/search.js';
import type { PageContext } from './context.js';
import { el, inline, viewLink } from './dom.js';
import type { Child } from './dom.js';

/** More hits than this are counted, not all shown: a word like `the` matches most of a large ladder. */
const SHOWN_HITS = 500;

/** The Search view: `ladder search` as you type (word forms, accents folded), hits grouped by level. */
export function searchView(context: PageContext, query: string): HTMLElement {
  const input = el('input', { type: 'search', id: 'search-text', name: 'q', value: query, autocomplete: 'off', 'aria-describedby': 'search-hint', 'aria-controls': 'search-results' });
  const status = el('p', { class: 'summary', role: 'status', id: 'search-status' });
  const results = el('div', { id: 'search-results' });
  const update = () => {
    // The hash keeps the query, so a link finds the same; replaceState adds no history entry per key.
    history.replaceState(null, '', `#search=${encodeURIComponent(input.value)}`);
    showHits(context, input.value, status, results);
  };
  input.addEventListener('input', update);
  const form = el('form', { role: 'search', class: 'controls' }, el('p', { class: 'field wide' }, el('label', { for: 'search-text' }, 'Words to find'), input));
  // The results follow the typing; Enter has nothing to send.
  form.addEventListener('submit', (event) => event.preventDefault());
  showHits(context, query, status, results);
  return el(
    'section',
    { class: 'view search', 'aria-labelledby': 'view-title' },
    el('h2', { id: 'view-title', tabindex: '-1' }, 'Search the ladder'),
    form,
    el('p', { class: 'meta', id: 'search-hint' }, inline('As `ladder search` finds them: “mentor” finds mentoring and mentors, “on call” finds on-call, and accents do not matter.')),
    status,
    results,
  );
}

function showHits(context: PageContext, query: string, status: HTMLElement, results: HTMLElement): void {
  let hits: SearchHit[] = [];
  try {
    hits = query.trim() ? searchLadder(context.ladder, query, { mode: 'forms' }) : [];
  } catch (error) {
    if (!(error instanceof LadderError)) throw error;
  }
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits.slice(0, SHOWN_HITS)) {
    const group = groups.get(hit.level.id);
    if (group) group.push(hit);
    else groups.set(hit.level.id, [hit]);
  }
  const levels = new Set(hits.map((hit) => hit.level.id)).size;
  const shown = hits.length > SHOWN_HITS ? ` (the first ${SHOWN_HITS} shown)` : '';
  status.textContent = query.trim() ? `${hits.length} ${hits.length === 1 ? 'clause' : 'clauses'} in ${levels} ${levels === 1 ? 'level' : 'levels'}${shown}` : 'Type a word to search every clause.';
  results.replaceChildren(
    ...[...groups.values()].map((group) => {
      const level = (group[0] as SearchHit).level;
      return el(
        'section',
        { class: 'hits', 'data-level': level.id },
        el('h3', {}, viewLink(`level-${level.id}`, level.title), el('span', { class: 'meta' }, ` · ${level.track.name}`)),
        el('ul', {}, group.map((hit) => el('li', {}, el('span', { class: 'section-name' }, `${hit.section}: `), marked(hit)))),
      );
    }),
  );
}

/** The clause with its matches marked. */
function marked(hit: SearchHit): Child[] {
  const parts: Child[] = [];
  let at = 0;
  for (const [start, end] of hit.matches) {
    parts.push(hit.clause.slice(at, start), el('mark', {}, hit.clause.slice(start, end)));
    at = end;
  }
  parts.push(hit.clause.slice(at));
  return parts;
}
