import { splitParagraphs } from '../../model/model.js';
import type { LevelView } from '../../query/views.js';
import { hanging, levelName, paragraphs, safe, visibleLength } from './layout.js';
import type { TextOptions } from './layout.js';
import { pushAll } from '../../lists.js';

export function renderLevelsText(views: LevelView[], options: TextOptions): string {
  if (options.lines) return views.map(levelLines).join('');
  return views.map((view) => renderLevelText(view, options)).join('\n');
}

function renderLevelText(view: LevelView, { style, wrap }: TextOptions): string {
  const equivalent = view.equivalent ? levelName(view.equivalent, style) : 'n/a';
  const lines = [
    style.title(levelName(view, style)),
    hanging(
      style.muted(`${safe(view.track.name)} · level ${view.position} of ${view.trackSize} · ${view.code ? `code ${safe(view.code)} · ` : ''}${view.grade ? `grade ${safe(view.grade)} · ` : ''}`) +
        `${safe(view.equivalentLabel).toLowerCase()}: ${equivalent}`,
      '',
      '',
      wrap,
    ),
  ];
  // On an organisation's ladder a level has peers on several tracks: each is named with its track.
  if (view.peers.length > 1) lines.push(peerLines(view, style, wrap));
  if (view.aliases.length > 0) lines.push(hanging(style.muted(`also known as: ${view.aliases.map(safe).join(', ')}`), '', '', wrap));
  if (view.description) pushAll(lines, ['', ...paragraphs(view.description, '', wrap)]);
  if (view.note) lines.push('', hanging(safe(view.note), style.muted('Note: '), '      ', wrap));
  for (const axis of view.axes) {
    lines.push('', style.heading(safe(axis.name)));
    if (axis.description) lines.push(hanging(style.muted(safe(axis.description)), '  ', '  ', wrap));
    if (axis.clauses.length === 0) lines.push(style.muted('  (empty)'));
    for (const clause of axis.clauses) lines.push(hanging(safe(clause), '  • ', '    ', wrap));
  }
  for (const name of view.absentAxes ?? []) lines.push('', style.muted(`(no ${safe(name)} axis)`));
  return `${lines.join('\n')}\n`;
}

/** `peers: A (a) · Track; B (b) · Track` on one line where it fits, else a peer a line, under the first. */
function peerLines(view: LevelView, style: TextOptions['style'], wrap: TextOptions['wrap']): string {
  const first = style.muted('peers: ');
  const rest = ' '.repeat(visibleLength(first));
  const peers = view.peers.map((peer) => `${levelName(peer, style)} ${style.muted(`· ${safe(peer.track.name)}`)}`);
  const together = peers.join(style.muted('; '));
  if (!wrap || visibleLength(first) + visibleLength(together) <= wrap.width) return first + together;
  return peers.map((peer, index) => hanging(peer, index === 0 ? first : rest, `${rest}  `, wrap)).join('\n');
}

/** For grep: `principal: Domain Knowledge: Expert Linux system administration`, one clause per line. */
function levelLines(view: LevelView): string {
  const records: [string, string][] = [
    ['title', view.title],
    ['track', `${view.track.name} (level ${view.position} of ${view.trackSize})`],
    ...(view.code ? [['code', view.code] as [string, string]] : []),
    ...(view.grade ? [['grade', view.grade] as [string, string]] : []),
    [view.equivalentLabel.toLowerCase(), view.equivalent ? `${view.equivalent.title} (${view.equivalent.id})` : 'n/a'],
    ...(view.peers.length > 1 ? view.peers.map((peer): [string, string] => ['peer', `${peer.title} (${peer.id}) · ${peer.track.name}`]) : []),
    ...view.aliases.map((alias): [string, string] => ['alias', alias]),
    ...splitParagraphs(view.description ?? undefined).map((paragraph): [string, string] => ['description', paragraph]),
    ...splitParagraphs(view.note ?? undefined).map((paragraph): [string, string] => ['note', paragraph]),
    ...view.axes.flatMap((axis) => axis.clauses.map((clause): [string, string] => [axis.name, clause])),
    ...(view.absentAxes ?? []).map((name): [string, string] => ['absent axis', name]),
  ];
  return records.map(([label, text]) => `${safe(view.id)}: ${safe(label)}: ${oneLine(text)}\n`).join('');
}

/** Ladder text on one line: newlines folded to spaces, control characters escaped. */
export function oneLine(text: string): string {
  return safe(text.replace(/\s*\n\s*/g, ' '));
}
