import type { Level } from '../model/model.js';
import { splitParagraphs } from '../model/model.js';
import { levelView } from '../query/views.js';
import { compareHash } from './compare.js';
import type { PageContext } from './context.js';
import { neighbours } from './context.js';
import { el, inline, viewLink } from './dom.js';

/** The Level view: every axis with its clauses and what the axis means, and the way up, down and across. */
export function levelPage(context: PageContext, level: Level): HTMLElement {
  const view = levelView(context.ladder, level);
  const { below, above } = neighbours(context, level);
  const facts = [view.track.name, `level ${view.position} of ${view.trackSize}`, view.grade && `grade ${view.grade}`, view.code && `code ${view.code}`].filter(Boolean).join(' · ');
  const link = (label: string, other: Level | undefined) => other && el('li', {}, `${label}: `, viewLink(`level-${other.id}`, other.title));
  return el(
    'section',
    { class: 'view level-view', 'aria-labelledby': 'view-title' },
    el('h2', { id: 'view-title', tabindex: '-1' }, view.title, ' ', el('code', {}, view.id)),
    el('p', { class: 'meta' }, facts),
    view.aliases.length > 0 && el('p', { class: 'meta' }, `Also known as ${view.aliases.join(', ')}`),
    el(
      'nav',
      { class: 'neighbours', 'aria-label': 'Nearby levels' },
      el(
        'ul',
        {},
        link('Below', below),
        link('Above', above),
        view.peers.map((peer) => el('li', {}, `Peer on ${peer.track.name}: `, viewLink(`level-${peer.id}`, peer.title))),
        above && el('li', {}, viewLink(compareHash(level.id, above.id), `Compare with ${above.title}`)),
      ),
    ),
    splitParagraphs(view.description ?? undefined).map((paragraph) => el('p', {}, inline(paragraph))),
    view.note && el('p', { class: 'note' }, el('strong', {}, 'Note: '), inline(view.note)),
    view.axes.map((axis) =>
      el(
        'section',
        { class: 'axis' },
        el('h3', {}, axis.name),
        axis.description && el('p', { class: 'meaning' }, inline(axis.description)),
        axis.clauses.length > 0 ? el('ul', {}, axis.clauses.map((clause) => el('li', {}, inline(clause)))) : el('p', { class: 'none' }, 'Nothing written for this axis.'),
      ),
    ),
  );
}
