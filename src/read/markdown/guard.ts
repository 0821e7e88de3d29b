/**
 * How deeply quotes and lists may nest. Real ladders nest a list two or three deep; the lexer's
 * time grows with the cube of the depth of an indented list, and its stack with any nesting.
 */
export const MAX_NESTING = 16;

/**
 * How many lines a Markdown file may have. The lexer makes objects for every line, and the
 * largest real ladders have under a thousand lines; 16 MiB of one-line list items (530,000 of
 * them) took 10 s and 720 MiB to import, so a file past this is refused before it is lexed.
 */
export const MAX_LINES = 100_000;

/**
 * Finds the first line that opens more than MAX_NESTING quotes and lists, counting `>` markers,
 * list markers and every two columns of indentation before a marker, or the line past MAX_LINES.
 * One pass, no backtracking.
 */
export function guardNesting(text: string): { line: number; message: string; hint: string } | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    if (line > MAX_LINES && start < text.length) return { line, message: `the file has more than ${MAX_LINES.toLocaleString('en')} lines`, hint: 'a Markdown ladder is refused past that many lines; split it into a folder of files, one per track' };
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (nestingOf(text, start, end) > MAX_NESTING) {
      return { line, message: `quotes and lists are nested more than ${MAX_NESTING} deep`, hint: 'flatten the nesting; a ladder needs a few levels of lists at most' };
    }
    line += 1;
    start = end + 1;
  }
  return undefined;
}

function nestingOf(text: string, start: number, end: number): number {
  let depth = 0;
  let columns = 0;
  let at = start;
  while (at < end) {
    const char = text[at];
    if (char === ' ') {
      columns += 1;
      at += 1;
    } else if (char === '\t') {
      columns += 4;
      at += 1;
    } else if (char === '>') {
      depth += 1 + Math.floor(columns / 2);
      columns = 0;
      at += 1;
    } else {
      const marker = listMarkerLength(text, at, end);
      if (marker === 0) break;
      depth += 1 + Math.floor(columns / 2);
      columns = 0;
      at += marker;
    }
  }
  return depth;
}

/** The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `at` followed by a space or the line's end; 0 if there is none. */
function listMarkerLength(text: string, at: number, end: number): number {
  const char = text[at];
  let next = at;
  if (char === '-' || char === '*' || char === '+') next = at + 1;
  else {
    while (next < end && next - at < 9 && text.charCodeAt(next) >= 48 && text.charCodeAt(next) <= 57) next += 1;
    if (next === at || (text[next] !== '.' && text[next] !== ')')) return 0;
    next += 1;
  }
  return next === end || text[next] === ' ' || text[next] === '\t' ? next - at : 0;
}
