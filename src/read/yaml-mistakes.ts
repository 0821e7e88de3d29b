/**
 * The mistakes people make editing YAML by hand, recognised from the lines around the first
 * syntax error the parser reports, so that one error names the cause rather than several name
 * its effects. Each returns the line and column of the mistake and a message; undefined when the
 * lines do not show the pattern (the parser's own messages are used then).
 */
export interface Mistake {
  line: number;
  col: number;
  message: string;
  hint?: string;
}

interface KeyLine {
  /** 1-based line number. */
  line: number;
  /** Column of the key (0-based), after any `- `. */
  indent: number;
  key: string;
  value: string;
  /** The line starts a list item (`- key: value`). */
  item: boolean;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;

function keyLine(text: string, line: number): KeyLine | undefined {
  const match = KEY_LINE.exec(text);
  if (!match) return undefined;
  const [, spaces = '', dashes = '', key = '', value = ''] = match;
  return { line, indent: spaces.length + dashes.length, key, value: value.trim(), item: dashes.length > 0 };
}

/** Every line that indents with a tab: one mistake each. */
export function tabMistakes(lines: string[]): Mistake[] {
  return lines.flatMap((text, index) => {
    const lead = /^[ \t]*/.exec(text)?.[0] ?? '';
    const tab = lead.indexOf('\t');
    return tab === -1 || text.trim() === '' ? [] : [{ line: index + 1, col: tab + 1, message: 'tabs cannot indent YAML; use spaces' }];
  });
}

/** The cause of a syntax error near `errorLine`: a key indented unlike its siblings (the first of its mapping included), a missing colon (after a key with its value, or alone above its indented value), or `: ` in unquoted text. */
export function explainSyntaxError(lines: string[], errorLine: number): Mistake | undefined {
  const keyed = (index: number) => (index >= 0 && index < lines.length ? keyLine(lines[index] as string, index + 1) : undefined);
  const nearby = [errorLine - 1, errorLine, errorLine + 1].filter((line) => line >= 1 && line <= lines.length);
  for (const line of nearby) {
    const current = keyed(line - 1);
    const before = previousContent(lines, line - 1);
    const after = nextContent(lines, line - 1);
    const previous = before === undefined ? undefined : keyed(before);
    const next = after === undefined ? undefined : keyed(after);
    if (current && previous && next && !current.item && previous.indent === next.indent && current.indent !== previous.indent && previous.value !== '') {
      return {
        line,
        col: current.indent + 1,
        message: `\`${current.key}\` is indented ${current.indent} spaces; the other keys here are at ${previous.indent}`,
        hint: `indent it by ${previous.indent} spaces, as \`${previous.key}\` and \`${next.key}\` are`,
      };
    }
  }
  for (const line of nearby) {
    const deeper = deeperThanSibling(lines, line);
    if (deeper) return deeper;
  }
  const first = overIndentedFirstKey(lines, errorLine);
  if (first) return first;
  const text = lines[errorLine - 1] ?? '';
  const own = keyed(errorLine - 1);
  if (own && /:\s/.test(own.value) && !/^["'|>[{]/.test(own.value)) {
    return {
      line: errorLine,
      col: text.indexOf(own.value) + own.value.search(/:\s/) + 1,
      message: `the text of \`${own.key}\` holds \`: \`, which YAML reads as the start of another key`,
      hint: `put the text in quotes: ${own.key}: "${own.value.replace(/"/g, '\\"')}"`,
    };
  }
  const bare = /^(\s*)([A-Za-z][\w-]*) +(\S.*)$/.exec(text);
  const sibling = keyed(previousContent(lines, errorLine - 1) ?? -1) ?? keyed(nextContent(lines, errorLine - 1) ?? -1);
  if (bare && sibling && !text.includes(':') && (bare[1] ?? '').length === sibling.indent) {
    return { line: errorLine, col: (bare[1] ?? '').length + (bare[2] ?? '').length + 1, message: `\`${bare[2]} ${bare[3]}\` has no colon after the key`, hint: `write \`${bare[2]}: ${bare[3]}\`` };
  }
  // A key alone on its line, with its value indented below it, that lost its colon (`levels`).
  const alone = /^(\s*)([A-Za-z][\w-]*)\s*$/.exec(text);
  const below = nextContent(lines, errorLine - 1);
  if (alone && below !== undefined && indentOf(lines[below] as string) > (alone[1] ?? '').length) {
    return { line: errorLine, col: (alone[1] ?? '').length + (alone[2] ?? '').length + 1, message: `\`${alone[2]}\` has no colon after it`, hint: `write \`${alone[2]}:\`` };
  }
  return undefined;
}

/**
 * A key, or a list item, indented further than the sibling above it (the lines under that sibling
 * passed over): the parser reads the key as part of the line above, or the item as a list of its own.
 */
function deeperThanSibling(lines: string[], line: number): Mistake | undefined {
  const text = lines[line - 1] ?? '';
  const dash = /^( *)- /.exec(text);
  const key = keyLine(text, line);
  if (!dash && (!key || key.item)) return undefined;
  // An item is placed by its dash, a key by its first character.
  const column = dash ? (dash[1] as string).length : (key as KeyLine).indent;
  let above = previousContent(lines, line - 1);
  while (above !== undefined && indentOf(lines[above] as string) > column) above = previousContent(lines, above);
  if (above === undefined) return undefined;
  const aboveText = lines[above] as string;
  if (dash) {
    const sibling = /^( *)- /.exec(aboveText);
    if (!sibling || (sibling[1] as string).length >= column) return undefined;
    return { line, col: column + 1, message: `this list item is indented ${column} spaces; the items above it are at ${(sibling[1] as string).length}`, hint: 'start every `- ` of one list at the same column' };
  }
  const sibling = keyLine(aboveText, above + 1);
  // Inside brackets or braces, indentation means nothing: an unclosed one is the mistake there.
  if (!sibling || sibling.indent >= column || /^[[{]/.test(sibling.value) || /^[[{]/.test((key as KeyLine).key)) return undefined;
  // A key with nothing after its colon holds what is indented under it, unless that is a list.
  const holdsMapping = sibling.value === '' && !sibling.item && !/^\s*- /.test(lines[nextContent(lines, above) ?? above] as string);
  if (holdsMapping) return undefined;
  return {
    line,
    col: column + 1,
    message: `\`${(key as KeyLine).key}\` is indented ${column} spaces; the other keys here are at ${sibling.indent}`,
    hint: `indent it by ${sibling.indent} spaces, as \`${sibling.key}\` is`,
  };
}

/**
 * The first key of a mapping indented further than the keys after it: the parser takes its column
 * as the mapping's, and reports every following key (and every mapping after them) instead.
 */
function overIndentedFirstKey(lines: string[], errorLine: number): Mistake | undefined {
  const sibling = keyLine(lines[errorLine - 1] ?? '', errorLine);
  if (!sibling || sibling.item) return undefined;
  let first: KeyLine | undefined;
  for (let at = previousContent(lines, errorLine - 1); at !== undefined; at = previousContent(lines, at)) {
    const text = lines[at] as string;
    if (indentOf(text) > sibling.indent) {
      first = keyLine(text, at + 1) ?? first;
      continue;
    }
    const parent = keyLine(text, at + 1);
    const opensMapping = parent !== undefined && parent.indent < sibling.indent && parent.value === '';
    if (!opensMapping || !first || first.item || first.line - 1 !== nextContent(lines, at)) return undefined;
    return {
      line: first.line,
      col: first.indent + 1,
      message: `\`${first.key}\` is indented ${first.indent} spaces; the other keys here are at ${sibling.indent}`,
      hint: `indent it by ${sibling.indent} spaces, as \`${sibling.key}\` is`,
    };
  }
  return undefined;
}

const indentOf = (text: string) => /^\s*/.exec(text)?.[0].length ?? 0;

const isContent = (text: string) => text.trim() !== '' && !text.trimStart().startsWith('#');

function previousContent(lines: string[], index: number): number | undefined {
  for (let at = index - 1; at >= 0; at -= 1) if (isContent(lines[at] as string)) return at;
  return undefined;
}

function nextContent(lines: string[], index: number): number | undefined {
  for (let at = index + 1; at < lines.length; at += 1) if (isContent(lines[at] as string)) return at;
  return undefined;
}
