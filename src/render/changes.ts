import type { LadderChanges, Placement } from '../query/changes.js';
import type { LevelRef } from '../query/views.js';
import { diffMarkdownBlocks, diffRows } from './diff.js';
import { mdDocument, mdHeading, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { safe, table } from './text/layout.js';
import type { TextOptions } from './text/layout.js';
import { renderDiffText } from './text/diff.js';

const place = (at: Placement) => `${at.track} level ${at.position}`;
const equivalentName = (ref: LevelRef | null) => (ref ? `${ref.title} (${ref.id})` : 'n/a');
const peerNames = (refs: LevelRef[]) => (refs.length > 0 ? refs.map((ref) => ref.id).join(', ') : 'none');
const gradeScale = (grades: string[]) => (grades.length > 0 ? grades.join(' ') : 'none');

/** Each change as one line: what kind, which level, and what it was and is. */
function records(changes: LadderChanges): { kind: string; level: string; from: string; to: string }[] {
  return [
    ...changes.tracks.added.map((track) => ({ kind: 'track added', level: track.id, from: '', to: track.name })),
    ...changes.tracks.removed.map((track) => ({ kind: 'track removed', level: track.id, from: track.name, to: '' })),
    ...changes.tracks.renamed.map((track) => ({ kind: 'track renamed', level: track.id, from: track.from, to: track.to })),
    ...(changes.grades.scale ? [{ kind: 'grade scale', level: '', from: gradeScale(changes.grades.scale.from), to: gradeScale(changes.grades.scale.to) }] : []),
    ...changes.added.map((level) => ({ kind: 'added', level: level.id, from: '', to: `${level.title} (${level.track.name})` })),
    ...changes.removed.map((level) => ({ kind: 'removed', level: level.id, from: `${level.title} (${level.track.name})`, to: '' })),
    ...changes.renamed.map(({ from, to }) => ({ kind: 'renamed', level: to.id, ...renaming(from, to) })),
    // A level with one peer at most has an equivalent; on an organisation's tracks (or when the
    // labelled equivalent stayed while other peers changed), its peers are listed.
    ...changes.equivalents.map(({ level, from, to, peers }) =>
      peers.from.length <= 1 && peers.to.length <= 1 && equivalentName(from) !== equivalentName(to)
        ? { kind: 'equivalent', level: level.id, from: equivalentName(from), to: equivalentName(to) }
        : { kind: 'peers', level: level.id, from: peerNames(peers.from), to: peerNames(peers.to) },
    ),
    ...changes.grades.levels.map(({ level, from, to }) => ({ kind: 'grade', level: level.id, from: from ?? 'none', to: to ?? 'none' })),
    ...changes.moved.map(({ level, from, to }) => ({ kind: 'moved', level: level.id, from: place(from), to: place(to) })),
  ];
}

/** Only what changed: the title, the id, or both. */
function renaming(from: LevelRef, to: LevelRef): { from: string; to: string } {
  if (from.id === to.id) return { from: from.title, to: to.title };
  if (from.title === to.title) return { from: `id ${from.id}`, to: `id ${to.id}` };
  return { from: `${from.id}: ${from.title}`, to: `${to.id}: ${to.title}` };
}

export function changesSummary(changes: LadderChanges): string {
  const { summary } = changes;
  const parts = [
    [summary.added, 'added'],
    [summary.removed, 'removed'],
    [summary.renamed, 'renamed'],
    [summary.equivalents, 'with a new equivalent'],
    [summary.regraded, 'on a new grade'],
    [summary.moved, 'moved'],
    [summary.edited, 'edited'],
  ].filter(([count]) => (count as number) > 0);
  const { clauses } = summary;
  const levels = parts.length === 0 ? (changes.grades.scale ? 'the grade scale changed' : 'no level changed') : parts.map(([count, what]) => `${count} ${count === 1 ? 'level' : 'levels'} ${what}`).join(', ');
  const edits = summary.edited > 0 ? `; clauses: ${clauses.added} added, ${clauses.removed} removed, ${clauses.changed} changed` : '';
  return `${levels}${edits}`;
}

function changesText(changes: LadderChanges, options: TextOptions): string {
  const { style } = options;
  const diffs = (separator: string) => changes.edited.map((diff) => renderDiffText(diff, { ...options, all: false })).join(separator);
  if (options.lines) {
    const lines = records(changes).map((record) => `${record.kind}: ${record.level ? `${safe(record.level)}: ` : ''}${safe(record.from)}${record.from && record.to ? ' → ' : ''}${safe(record.to)}\n`);
    return `${safe(changes.old)} → ${safe(changes.new)}\n${lines.join('')}${diffs('')}${changesSummary(changes)}\n`;
  }
  const rows = table(
    records(changes).map((record) => {
      const mark = record.kind.includes('added') ? style.added('+') : record.kind.includes('removed') ? style.removed('-') : style.changed('~');
      const change = record.from && record.to ? `${safe(record.from)} → ${safe(record.to)}` : safe(record.from || record.to);
      return [`  ${mark}`, style.muted(record.kind), style.id(safe(record.level)), change];
    }),
  );
  const edits = changes.edited.length > 0 ? `\n${style.heading('Edits')}\n\n${diffs('\n')}` : '';
  return `${style.title(`${safe(changes.old)} → ${safe(changes.new)}`)}\n${rows.length > 0 ? `\n${rows.join('\n')}\n` : ''}${edits}\n${changesSummary(changes)}\n`;
}

export const changesRenderers: Renderers<LadderChanges> = {
  text: changesText,
  markdown: (changes) => {
    const list = records(changes).map((record) => `- **${record.kind}**${record.level ? ` \`${record.level}\`` : ''}: ${record.from && record.to ? `${mdText(record.from)} → ${mdText(record.to)}` : mdText(record.from || record.to)}`);
    return mdDocument([
      mdHeading(2, `Ladder changes: ${changes.old} → ${changes.new}`),
      `_${changesSummary(changes)}_`,
      ...(list.length > 0 ? [mdHeading(3, 'Levels'), list.join('\n')] : []),
      ...(changes.edited.length > 0 ? [mdHeading(3, 'Edits'), ...changes.edited.flatMap((diff) => diffMarkdownBlocks(diff, false, 4))] : []),
    ]);
  },
  tsv: {
    columns: ['change', 'level', 'section', 'from', 'to'],
    rows: (changes) => [
      ...records(changes).map((record) => [record.kind, record.level, '', record.from, record.to]),
      ...changes.edited.flatMap((diff) => diffRows(diff, false).map(([section, kind, from, to]) => [kind as string, diff.to.id, section as string, from as string, to as string])),
    ],
  },
};
