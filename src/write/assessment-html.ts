import { expectationsByAxis, THRESHOLD } from '../query/assessment.js';
import type { Review } from '../query/assessment.js';
import type { AssessedExpectation, Evidence } from '../model/assessment.js';
import { changeLine, changeMark, reworded, whoLine } from '../render/assessment.js';
import { html, htmlPage, scrollRegion } from './html-text.js';

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
.summary { font-size: 1.05rem; } .who { color: #444; margin: 0; } .changed { background: #fff6d6; padding: .5rem .75rem; border-left: 4px solid #d9a400; }
.scroll { overflow-x: auto; max-width: 100%; } table { border-collapse: collapse; width: 100%; overflow-wrap: normal; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
.bar { display: inline-block; width: 8rem; height: .7rem; background: #e4e4e4; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.rating { font-weight: 600; } .rating.consistently { color: #2e7d32; } .rating.sometimes { color: #8a5800; } .rating.not-yet, .rating.unrated { color: #b00020; }
.new { font-size: .8rem; color: #555; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; }
ul.evidence { margin: .2rem 0 .8rem; color: #333; } li.expectation { margin-bottom: .4rem; }
@media (max-width: 40rem) { body { margin: 1rem auto; } .bar { width: 4rem; } }
@media print { body { margin: 0; max-width: none; } .scroll { overflow: visible; } h2 { break-after: avoid; } li.expectation { break-inside: avoid; } a { color: inherit; } a[href]::after { content: " (" attr(href) ")"; font-size: .8em; } }
`;

function evidenceItem(evidence: Evidence): string {
  const text = html(evidence.text);
  const link = evidence.link && /^https?:\/\//.test(evidence.link) ? `<a href="${html(evidence.link)}">${text}</a>` : text;
  return `<li>${link}${evidence.date ? ` <time datetime="${html(evidence.date)}">${html(evidence.date)}</time>` : ''}</li>`;
}

function expectationItem(entry: AssessedExpectation): string {
  const rating = entry.rating ?? 'unrated';
  const evidence = (entry.evidence ?? []).length > 0 ? `<ul class="evidence">${(entry.evidence ?? []).map(evidenceItem).join('')}</ul>` : '';
  return `<li class="expectation">${html(entry.expectation)}${changeMark(entry) ? `<span class="new">${changeMark(entry).slice(2, -1)}</span>` : ''} — <span class="rating ${rating.replace(' ', '-')}">${html(rating)}</span>${evidence}</li>`;
}

/** The promotion packet as one self-contained, printable HTML page: a summary, then each axis's expectations with ratings and evidence. */
export function assessmentHtml(review: Review): string {
  const title = `${review.target.heading}: self-assessment`;
  const verdict = review.met ? `Every expectation is rated ${THRESHOLD}.` : `${review.gaps.notMet} of ${review.expectations.length} expectations are not yet rated ${THRESHOLD}; ${review.gaps.withoutEvidence} have no evidence.`;
  const change = changeLine(review);
  const rows = review.axes
    .map((axis) => `<tr><th scope="row">${html(axis.name)}</th><td><span class="bar" role="img" aria-label="${axis.met} of ${axis.total} met"><span style="width:${Math.round((axis.met / Math.max(1, axis.total)) * 100)}%"></span></span></td><td>${axis.met} of ${axis.total}</td><td>${axis.counts.sometimes}</td><td>${axis.counts['not yet']}</td><td>${axis.counts.unrated}</td></tr>`)
    .join('\n');
  const byAxis = expectationsByAxis(review);
  const axes = review.axes
    .map((axis) => `<section>\n<h2>${html(axis.name)}</h2>\n<ul>${(byAxis.get(axis.name) ?? []).map(expectationItem).join('\n')}</ul>\n</section>`)
    .join('\n');
  const removed = review.removed.length > 0 ? `<section>\n<h2>No longer in the ladder</h2>\n<ul>${review.removed.map(expectationItem).join('\n')}</ul>\n</section>` : '';
  return htmlPage(
    title,
    STYLE,
    `<header>
<h1>${html(title)}</h1>
${whoLine(review) ? `<p class="who">${html(whoLine(review))}</p>` : ''}
<p class="summary">From ${html(review.level.heading)} to ${html(review.target.heading)}. ${html(verdict)}</p>
${change ? `<p class="changed">${html(change)}</p>` : ''}
${reworded(review).length > 0 ? `<ul class="reworded">${reworded(review).map((entry) => `<li>${html(entry.axis)}: reworded from <del>${html(entry.reworded)}</del> to <ins>${html(entry.expectation)}</ins></li>`).join('')}</ul>` : ''}
${scrollRegion(
  'Expectations by axis',
  `<table>
<thead><tr><th scope="col">Axis</th><th scope="col">Progress</th><th scope="col">Met</th><th scope="col">Sometimes</th><th scope="col">Not yet</th><th scope="col">Unrated</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}
</header>
<main>
${axes}
${removed}
</main>`,
  );
}
