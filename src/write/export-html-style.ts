/**
 * The style of the HTML export, for the document and for the views its script adds: light and
 * dark (the reader's setting), readable from 390 px wide (wide tables scroll in their own
 * region), and printed without the controls, folded clauses printed open.
 */
export const STYLE = `
:root { color-scheme: light dark; --ink: #1d2433; --muted: #4f586b; --line: #d3d8e2; --accent: #2450c4; --wash: #f3f5fa; --page: #ffffff;
  --added: #e3f4e6; --added-ink: #155724; --removed: #fbe7e9; --removed-ink: #8a1c24; --mark: #fff0a8; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e4e8f1; --muted: #aab2c4; --line: #3a4152; --accent: #9dbbff; --wash: #1c212d; --page: #12151d;
    --added: #173822; --added-ink: #a9e5b6; --removed: #45191e; --removed-ink: #ffc2c8; --mark: #6b5a00; }
}
* { box-sizing: border-box; }
html { background: var(--page); color: var(--ink); }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem 1.5rem 3rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; overflow-wrap: break-word; }
h1 { font-size: 2rem; margin: 0 0 .5rem; line-height: 1.2; }
h2 { font-size: 1.5rem; margin: 2rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); line-height: 1.25; }
h3 { font-size: 1.2rem; margin: 1.25rem 0 .25rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
h2 code, h3 code { font-size: .8rem; color: var(--muted); background: var(--wash); padding: .1rem .35rem; border-radius: 4px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: var(--wash); padding: 0 .2rem; border-radius: 3px; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
[tabindex="-1"]:focus { outline: none; }
[hidden] { display: none !important; }
/* With the script on, the views replace the document, which shows only as the Whole ladder view: it is not laid out before then. */
@media (scripting: enabled) { #document:not(.shown) { display: none; } }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
#views ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; margin: 1rem 0; padding: 0; }
#views a { display: inline-block; padding: .4rem .8rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
#views a[aria-current] { background: var(--accent); border-color: var(--accent); color: var(--page); font-weight: 600; }
#contents { background: var(--wash); border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1.25rem 1rem; }
#contents h2 { border: 0; margin: .75rem 0 .25rem; font-size: 1.1rem; }
#contents ol ol { columns: 2 14rem; margin: .25rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: .25rem 0 .5rem; }
th, td { border: 1px solid var(--line); padding: .5rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--wash); }
.scroll { overflow-x: auto; max-width: 100%; }
.matrix { font-size: .9rem; min-width: 48rem; }
.matrix th[scope=row] { width: 12rem; }
ul { padding-left: 1.3rem; }
.matrix ul, .level ul { margin: 0; padding-left: 1.1rem; }
.none { color: var(--muted); }
.level { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
.level:target { border-color: var(--accent); box-shadow: 0 0 0 3px var(--wash); }
.level h3 { margin-top: 0; }
.meta, .meaning, caption { color: var(--muted); }
.meta { margin: 0 0 .5rem; }
.meaning { font-style: italic; margin: 0 0 .25rem; }
.note { background: var(--wash); padding: .5rem .75rem; border-radius: 6px; }
.back { font-size: .85rem; margin: 1rem 0 0; }
.page-footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
.controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: flex-end; margin: 0 0 1rem; }
.field { display: flex; flex-direction: column; gap: .2rem; margin: 0; min-width: 0; max-width: 100%; }
.field.wide { flex: 1 1 18rem; }
.field label { font-weight: 600; font-size: .9rem; }
select, input, button { font: inherit; color: inherit; max-width: 100%; }
select, input[type=search], input[type=text], input[type=url], input[type=date] { background: var(--page); border: 1px solid var(--muted); border-radius: 6px; padding: .35rem .5rem; }
button { background: var(--wash); border: 1px solid var(--muted); border-radius: 6px; padding: .4rem .8rem; cursor: pointer; }
.summary { font-weight: 600; }
.neighbours ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.clauses { list-style: none; padding: 0; margin: .25rem 0; }
.clauses li { display: flex; gap: .5rem; padding: .2rem .4rem; border-radius: 4px; margin: .15rem 0; }
.clauses .mark { font-weight: 700; width: 1rem; flex: none; text-align: center; }
.clauses .added { background: var(--added); color: var(--added-ink); }
.clauses .removed { color: var(--muted); }
ins { background: var(--added); color: var(--added-ink); text-decoration: none; font-weight: 600; }
del { background: var(--removed); color: var(--removed-ink); }
details { margin: .25rem 0; }
summary { cursor: pointer; color: var(--muted); }
mark { background: var(--mark); color: inherit; }
.hits h3 .meta { font-size: .9rem; font-weight: normal; }
.section-name { color: var(--muted); }
.privacy { background: var(--wash); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
.message:empty { display: none; }
.counts { max-width: 40rem; }
.counts td { text-align: right; white-space: nowrap; }
fieldset.expectation { border: 1px solid var(--line); border-radius: 8px; margin: .75rem 0; padding: .5rem 1rem .75rem; min-width: 0; }
fieldset.expectation legend { padding: 0 .25rem; font-weight: 600; }
.badge { font-size: .8rem; font-weight: normal; color: var(--muted); border: 1px solid var(--muted); border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; }
.ratings { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0 .5rem; }
.choice { display: inline-flex; gap: .3rem; align-items: center; }
.evidence { padding-left: 1.3rem; }
.evidence li { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin: .4rem 0; }
.evidence li > span { display: flex; flex-direction: column; font-size: .9rem; }
.evidence-text { flex: 1 1 14rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
@media (max-width: 40rem) {
  body { padding: 1rem .9rem 2rem; font-size: 15px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  .level { padding: .75rem .8rem; }
}
@media print {
  html { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  #views, #contents, .back, .controls, .actions, .field, .privacy, .page-footer, .neighbours, button, .add { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
  .matrix { min-width: 0; font-size: 8.5pt; }
  .track { break-before: page; }
  .level, tr, .level-view, fieldset.expectation, .clauses li { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  @page { margin: 1.5cm; }
}
`;
