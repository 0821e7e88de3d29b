import wrapAnsi from 'wrap-ansi';

/** Past this length wrap-ansi's per-character work shows (seconds for a megabyte); a plainer wrapper takes over. */
const LONG_TEXT = 10_000;

/** Word-wraps text that may hold colour codes; loaded only when output goes to a terminal. */
export function wrapText(text: string, width: number): string {
  return text.length > LONG_TEXT ? wrapLong(text, width) : wrapAnsi(text, width, { hard: false, trim: true });
}

// eslint-disable-next-line no-control-regex -- colour codes are what it measures around
const COLOUR = /\u001b\[[0-9;]*m/g;

/** Greedy wrapping at spaces in one pass, colour codes counted as no width; a word longer than the width keeps its own line. */
function wrapLong(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      let used = 0;
      for (const word of line.split(' ')) {
        if (!word) continue;
        const size = word.replace(COLOUR, '').length;
        if (used > 0 && used + 1 + size > width) {
          lines.push(current);
          current = '';
          used = 0;
        }
        current = used > 0 ? `${current} ${word}` : word;
        used += (used > 0 ? 1 : 0) + size;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
