import { equivalenceGrid } from '../query/equiv.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { peersOf, splitParagraphs } from '../model/model.js';
import { html, htmlPage } from './html-text.js';

const levelAnchor = (level: { id: string }) => `level-${level.id}`;
const trackAnchor = (track: { id: string }) => `track-${track.id}`;

function paragraphs(text: string | undefined, className = ''): string {
  if (!text) return '';
  const attribute = className ? ` class="${className}"` : '';
  return splitParagraphs(text)
    .map((paragraph) => `<p${attribute}>${html(paragraph)}</p>`)
    .join('\n');
}

function clauseList(clauses: string[]): string {
  return clauses.length > 0 ? `<ul>${clauses.map((clause) => `<li>${html(clause)}</li>`).join('')}</ul>` : '';
}

function levelLink(level: { id: string; title: string }): string {
  return `<a href="#${levelAnchor(level)}">${html(level.title)}</a>`;
}

/**
 * The whole ladder as one self-contained HTML page (no external assets): contents, the
 * equivalence between tracks side by side, each track as a matrix of levels by axes, and a
 * section per level, styled for the screen and for print.
 */
export function exportHtml(ladder: Ladder): string {
  const title = ladder.name ? `${ladder.name} career ladder` : 'Career ladder';
  return htmlPage(
    title,
    STYLE,
    `<header>
<h1>${html(title)}</h1>
${paragraphs(ladder.description, 'lead')}
</header>
${contents(ladder)}
<main>
${equivalence(ladder)}
${ladder.tracks.map((track) => trackSection(ladder, track)).join('\n')}
</main>`,
  );
}

function contents(ladder: Ladder): string {
  const tracks = ladder.tracks
    .map((track) => `<li><a href="#${trackAnchor(track)}">${html(track.name)}</a>\n<ol>${track.levels.map((level) => `<li>${levelLink(level)}</li>`).join('')}</ol></li>`)
    .join('\n');
  return `<nav id="contents" aria-label="Contents">
<h2>Contents</h2>
<ol>
<li><a href="#equivalence">Equivalence between tracks</a></li>
${tracks}
</ol>
</nav>`;
}

/** The grid of peers: a column per track, a row per grade (with a Grade column) or group of peers. */
function equivalence(ladder: Ladder): string {
  const { graded, tracks, rows } = equivalenceGrid(ladder);
  const head = [...(graded ? ['<th scope="col">Grade</th>'] : []), ...tracks.map((track) => `<th scope="col">${html(track.name)}</th>`)].join('');
  const none = '<span class="none">n/a</span>';
  const body = rows
    .map((row) => `<tr>${graded ? `<th scope="row">${row.grade ? html(row.grade) : none}</th>` : ''}${row.levels.map((cell) => `<td>${cell ? levelLink(cell) : none}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section id="equivalence">
<h2>Equivalence between tracks</h2>
<table class="equivalence">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
}

/**
 * A matrix has a cell for every level and every axis of its track. Past this many cells (levels
 * that each have axes of their own, say) it would be far larger than the ladder, so the track is
 * shown by its level sections alone, with a note.
 */
const MAX_MATRIX_CELLS = 20_000;

function trackSection(ladder: Ladder, track: Track): string {
  const axes = [...new Set(track.levels.flatMap((level) => level.axes.map((axis) => axis.name)))];
  const levelSections = track.levels.map((level) => levelSection(ladder, track, level)).join('\n');
  if (track.levels.length * axes.length > MAX_MATRIX_CELLS) {
    return `<section id="${trackAnchor(track)}" class="track">
<h2>${html(track.name)}</h2>
${paragraphs(track.description)}
<p class="meta">${track.levels.length} levels and ${axes.length} axes are too many for one table; each level follows on its own.</p>
${levelSections}
</section>`;
  }
  const head = `<tr><th scope="col">Level</th>${axes.map((axis) => `<th scope="col">${html(axis)}</th>`).join('')}</tr>`;
  const rows = track.levels
    .map((level) => {
      const cells =
        level.axes.length === 0 && axes.length > 0
          ? `<td colspan="${axes.length}">${paragraphs(level.description)}</td>`
          : axes.map((name) => `<td>${clauseList(level.axes.find((axis) => axis.name === name)?.clauses ?? [])}</td>`).join('');
      return `<tr><th scope="row">${levelLink(level)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<section id="${trackAnchor(track)}" class="track">
<h2>${html(track.name)}</h2>
${paragraphs(track.description)}
<div class="matrix-scroll">
<table class="matrix" data-track="${html(track.id)}">
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table>
</div>
${levelSections}
</section>`;
}

function levelSection(ladder: Ladder, track: Track, level: Level): string {
  // One peer is labelled as the track labels it; several (an organisation's tracks) each name their track.
  const others = peersOf(level);
  const peers = others.length <= 1 ? `${html(track.equivalentLabel)}: ${others[0] ? levelLink(others[0]) : 'n/a'}` : `Peers: ${others.map((peer) => `${levelLink(peer)} (${html(ladder.trackById.get(peer.trackId)?.name ?? peer.trackId)})`).join(', ')}`;
  const meta = `${html(track.name)} · level ${level.position} of ${track.levels.length}${level.grade ? ` · grade ${html(level.grade)}` : ''} · ${peers}`;
  const aliases = level.aliases.length > 0 ? `<p class="meta">Also known as ${level.aliases.map(html).join(', ')}</p>` : '';
  const note = level.note ? `<p class="note"><strong>Note:</strong> ${html(level.note)}</p>` : '';
  const axes = level.axes.map((axis) => `<h4>${html(axis.name)}</h4>\n${clauseList(axis.clauses)}`).join('\n');
  return `<article id="${levelAnchor(level)}" class="level">
<h3>${html(level.title)} <code>${html(level.id)}</code></h3>
<p class="meta">${meta}</p>
${aliases}
${paragraphs(level.description)}
${note}
${axes}
<p class="back"><a href="#contents">Back to contents</a></p>
</article>`;
}

const STYLE = `
:root { --ink: #1d2433; --muted: #5b6478; --line: #d8dce6; --accent: #2f5bd3; --wash: #f4f6fb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 2rem 1.5rem 4rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.2rem; margin: 0 0 .25rem; }
h3 code { font-size: .8rem; color: var(--muted); background: var(--wash); padding: .1rem .35rem; border-radius: 4px; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: var(--accent); }
nav { background: var(--wash); border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1.25rem 1rem; }
nav h2 { border: 0; margin: .75rem 0 .25rem; font-size: 1.1rem; }
nav ol ol { columns: 2; margin: .25rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .5rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--wash); }
.matrix-scroll { overflow-x: auto; }
.matrix { font-size: .9rem; min-width: 48rem; }
.matrix th[scope=row] { width: 12rem; }
.matrix ul, .level ul { margin: 0; padding-left: 1.1rem; }
.equivalence td { width: 50%; }
.none { color: var(--muted); }
.level { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
.level:target { border-color: var(--accent); box-shadow: 0 0 0 3px rgba(47, 91, 211, .15); }
.meta { color: var(--muted); margin: 0 0 .5rem; }
.note { background: var(--wash); padding: .5rem .75rem; border-radius: 6px; }
.back { font-size: .85rem; margin: 1rem 0 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .back { display: none; }
  a { color: inherit; text-decoration: none; }
  .matrix-scroll { overflow: visible; }
  .matrix { min-width: 0; font-size: 8.5pt; }
  .track { break-before: page; }
  .level, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  @page { margin: 1.5cm; }
}
`;
