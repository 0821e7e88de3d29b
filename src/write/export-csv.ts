import { sanitize } from '../io.js';
import type { Ladder } from '../model/model.js';
import { peersOf } from '../model/model.js';

const COLUMNS = ['track', 'level_id', 'level', 'code', 'position', 'equivalent', 'section', 'axis', 'text'];

/**
 * One row per level and axis, quoted per RFC 4180 (CRLF line ends, fields with commas, quotes or
 * line breaks in double quotes, quotes doubled), for spreadsheets. A level's description and note
 * have rows of their own (`section` says which; `axis` is then empty), so no text is left out.
 */
export function exportCsv(ladder: Ladder): string {
  const rows: string[][] = [COLUMNS];
  for (const level of ladder.levels) {
    const base = [ladder.trackById.get(level.trackId)?.name ?? level.trackId, level.id, level.title, level.code ?? '', String(level.position), peersOf(level).map((peer) => peer.id).join(' ')];
    if (level.description) rows.push([...base, 'description', '', level.description]);
    if (level.note) rows.push([...base, 'note', '', level.note]);
    for (const axis of level.axes) rows.push([...base, 'axis', axis.name, axis.text]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A field, quoted when it must be; control characters other than tab and newline are shown
 * escaped. A field a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return) gets a leading `'`, as OWASP advises, so it is shown as text.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${sanitize(value)}` : sanitize(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
