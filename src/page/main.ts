import { buildLadder, toLadderData } from '../model/model.js';
import type { RawLadder } from '../model/model.js';
import { assessView } from './assess.js';
import { compareView } from './compare.js';
import type { PageContext } from './context.js';
import { gridView } from './grid.js';
import { levelPage } from './level.js';
import { searchView } from './search.js';

/**
 * The page's script. The HTML it runs in is already the whole ladder as a document, readable
 * without it; the script reads the ladder's JSON from the page, builds the CLI's model from it,
 * and adds the views, each behind a URL hash so that a link opens the same view.
 */
function start(): void {
  const data = document.getElementById('ladder-data');
  const app = document.getElementById('app');
  const whole = document.getElementById('document');
  const tabs = document.getElementById('views');
  if (!data || !app || !whole || !tabs) return;
  const context: PageContext = {
    ladder: buildLadder(toLadderData(JSON.parse(data.textContent ?? '') as RawLadder), 'page'),
    fingerprint: data.dataset.fingerprint ?? '',
    file: data.dataset.file ?? 'ladder.yaml',
  };
  const title = document.title;
  tabs.hidden = false;

  const show = (moveFocus: boolean) => {
    const hash = decodeURIComponent(location.hash.slice(1));
    const cut = hash.indexOf('=');
    const [name, value] = cut < 0 ? [hash, ''] : [hash.slice(0, cut), hash.slice(cut + 1)];
    const level = name.startsWith('level-') ? context.ladder.levelById.get(name.slice('level-'.length)) : undefined;
    let view: HTMLElement | undefined;
    let tab = name;
    if (name === 'compare') view = compareView(context, value);
    else if (name === 'search') view = searchView(context, value);
    else if (name === 'assess') view = assessView(context, () => show(false));
    else if (level) view = levelPage(context, level);
    else if (name === '' || name === 'equivalence') [view, tab] = [gridView(context), 'equivalence'];
    for (const link of tabs.querySelectorAll('a')) {
      if (link.getAttribute('href') === `#${view ? tab : 'contents'}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    app.hidden = !view;
    whole.classList.toggle('shown', !view);
    if (view) {
      // A control that changed the view (a level picked) keeps the focus; a new view puts it on its heading.
      const active = document.activeElement;
      const kept = active instanceof HTMLElement && app.contains(active) ? active.id : '';
      app.replaceChildren(view);
      document.title = `${view.querySelector('h2')?.firstChild?.textContent ?? ''} · ${title}`;
      const again = kept ? document.getElementById(kept) : null;
      if (again) again.focus();
      else if (moveFocus) document.getElementById('view-title')?.focus();
      else if (name !== 'search') window.scrollTo(0, 0);
      if (name === 'search') document.getElementById('search-text')?.focus();
    } else {
      document.title = title;
      // The whole ladder, at the part the hash names (a track, the contents).
      document.getElementById(hash)?.scrollIntoView();
    }
  };
  window.addEventListener('hashchange', () => show(true));
  show(false);
  // When the first view is on screen: `npm run bench` reads it to time the first render.
  performance.mark('ladder-ready');

  // Folded clauses are printed open: paper cannot unfold them.
  const folded = new Set<HTMLDetailsElement>();
  window.addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details:not([open])')) {
      folded.add(details as HTMLDetailsElement);
      (details as HTMLDetailsElement).open = true;
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of folded) details.open = false;
    folded.clear();
  });
}

start();
