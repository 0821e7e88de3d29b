import { createHash } from 'node:crypto';
import { notices, script, scriptHash } from 'page-script';
import { equivalenceGrid } from '../query/equiv.js';
import { ladderFingerprint } from '../query/fingerprint.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { fileShape, ladderData, peersOf, splitParagraphs } from '../model/model.js';
import { STYLE } from './export-html-style.js';
import { html, htmlPage, scrollRegion } from './html-text.js';

const levelAnchor = (level: { id: string }) => `level-${level.id}`;
const trackAnchor = (track: { id: string }) => `track-${track.id}`;

/** Ladder text as HTML, its `code spans` as code (the one bit of markup ladders write inside a clause); everything else escaped. */
function inline(text: string): string {
  return html(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

function paragraphs(text: string | undefined, className = ''): string {
  if (!text) return '';
  const attribute = className ? ` class="${className}"` : '';
  return splitParagraphs(text)
    .map((paragraph) => `<p${attribute}>${inline(paragraph)}</p>`)
    .join('\n');
}

function clauseList(clauses: string[]): string {
  return clauses.length > 0 ? `<ul>${clauses.map((clause) => `<li>${inline(clause)}</li>`).join('')}</ul>` : '';
}

function levelLink(level: { id: string; title: string }): string {
  return `<a href="#${levelAnchor(level)}">${html(level.title)}</a>`;
}

export interface HtmlExportOptions {
  /** The ladder as an assessment downloaded from the page names it. */
  assessmentFile: string;
}

/**
 * The whole ladder as one self-contained HTML file. Without its script it is a document:
 * contents, the equivalence between tracks, each track as a matrix of levels by axes, and a
 * section per level. The script (src/page/) reads the ladder's JSON, embedded as `export --format
 * json` writes it, and adds the views: Compare, the grid, one level, Search and a
 * self-assessment. A Content-Security-Policy allows that one script and that one style and no
 * network origin at all.
 */
export function exportHtml(ladder: Ladder, options: HtmlExportOptions): string {
  const title = ladder.name ? `${ladder.name} career ladder` : 'Career ladder';
  // `<` cannot close the script; controls and bidirectional marks are escaped too, so no character
  // of the ladder reaches the file raw (JSON.parse reads every escape back).
  const data = JSON.stringify(fileShape(ladderData(ladder))).replace(/[<\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const policy = [`default-src 'none'`, `script-src 'sha256-${scriptHash}'`, `style-src 'sha256-${STYLE_HASH}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const body = `<header class="page-header">
<h1>${html(title)}</h1>
${paragraphs(ladder.description, 'lead')}
</header>
<nav id="views" aria-label="Views" hidden>
<ul>
<li><a href="#equivalence">Grid</a></li>
<li><a href="#compare">Compare</a></li>
<li><a href="#search">Search</a></li>
<li><a href="#assess">Self-assessment</a></li>
<li><a href="#contents">Whole ladder</a></li>
</ul>
</nav>
<main id="app" hidden></main>
<div id="document">
${contents(ladder)}
<main>
${equivalence(ladder)}
${ladder.tracks.map((track) => trackSection(ladder, track)).join('\n')}
</main>
</div>
<footer class="page-footer"><p>One file, made by <code>ladder export</code>: it loads nothing and sends nothing anywhere.</p></footer>
<script type="application/json" id="ladder-data" data-fingerprint="${html(ladderFingerprint(ladder))}" data-file="${html(options.assessmentFile)}">${data}</script>
<script>${script}</script>`;
  return `${htmlPage(title, STYLE, body, policy)}<!-- The script above bundles these packages:

${notices}
-->
`;
}

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

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
${scrollRegion('Equivalence between tracks', `<table class="equivalence">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`)}
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
${scrollRegion(`${track.name}: levels by axis`, `<table class="matrix" data-track="${html(track.id)}">
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table>`)}
${levelSections}
</section>`;
}

function levelSection(ladder: Ladder, track: Track, level: Level): string {
  // One peer is labelled as the track labels it; several (an organisation's tracks) each name their track.
  const others = peersOf(level);
  const peers = others.length <= 1 ? `${html(track.equivalentLabel)}: ${others[0] ? levelLink(others[0]) : 'n/a'}` : `Peers: ${others.map((peer) => `${levelLink(peer)} (${html(ladder.trackById.get(peer.trackId)?.name ?? peer.trackId)})`).join(', ')}`;
  const meta = `${html(track.name)} · level ${level.position} of ${track.levels.length}${level.grade ? ` · grade ${html(level.grade)}` : ''} · ${peers}`;
  const aliases = level.aliases.length > 0 ? `<p class="meta">Also known as ${level.aliases.map(html).join(', ')}</p>` : '';
  const note = level.note ? `<p class="note"><strong>Note:</strong> ${inline(level.note)}</p>` : '';
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
