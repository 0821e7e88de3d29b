import fc from 'fast-check';

// Words that exercise the reader: Markdown marks, entities, quotes, colons, non-ASCII and other scripts.
const WORD = fc.constantFrom('code', 'review', 'team', 'design', 'ship', 'on-call', 'a*b', '_x_', '#1', 'colon:', 'naïve', 'Maîtrise', '日本', 'it\'s', 'semi;colon', '&amp;', 'pipe\\|s', 'n/a', '`tick`', 'Engineer', 'Senior', '2');
const text = (min: number, max: number) => fc.array(WORD, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const AXIS_NAMES = ['Craft', 'Impact', 'Teaching and Mentoring', 'Scope', 'Delivery', 'Ownership'];
const LEVEL_WORDS = ['Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal', 'Manager', 'Director', 'Analyst', 'Designer'];

interface Level {
  title: string;
  equivalent?: string;
  axes: { name: string; clauses: string[]; list: boolean }[];
  prose?: string;
}

interface Track {
  name: string;
  intro?: string;
  levels: Level[];
}

const STYLES = ['seed', 'four-depths', 'labelled-paragraphs', 'labelled-items', 'plain-labelled-items', 'nested-items', 'groups', 'table-columns', 'table-rows', 'html-table', 'front-matter-matrix'] as const;
type Style = (typeof STYLES)[number];

const levelArbitrary = (t: number, l: number) =>
  fc.record({
    base: fc.constantFrom(...LEVEL_WORDS),
    axes: fc.subarray(AXIS_NAMES, { minLength: 1, maxLength: 3 }),
    clauses: fc.array(fc.array(text(1, 6), { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    list: fc.boolean(),
    prose: fc.option(text(1, 10), { nil: undefined }),
  }).map(({ base, axes, clauses, list, prose }): Level => ({
    title: `${base} ${t}${l}`,
    axes: axes.map((name, a) => ({ name, clauses: clauses[a] as string[], list })),
    ...(prose ? { prose } : {}),
  }));

const trackArbitrary = (t: number) =>
  fc.record({
    name: fc.constantFrom('Engineering', 'Management', 'Design', 'Operations', 'Données'),
    intro: fc.option(text(1, 12), { nil: undefined }),
    count: fc.integer({ min: 1, max: 4 }),
  }).chain(({ name, intro, count }) =>
    fc.tuple(...Array.from({ length: count }, (_, l) => levelArbitrary(t, l))).map((levels): Track => ({ name: `${name} ${t}`, ...(intro ? { intro } : {}), levels })),
  );

/** Extra sections real documents carry around the ladder: an introduction, contents, questions, a link list, a code block, a quote. */
const EXTRAS = fc.subarray(
  [
    '# Introduction\n\nThis guide explains how people grow here.\n',
    '## Table of Contents\n\n- [First](#first)\n- [Second](#second)\n',
    '## When do I get promoted?\n\nWhen you show the next level consistently.\n',
    '# Other Pages\n\n- [Hiring](hiring.md)\n- [Pay](https://example.com/pay)\n',
    '```\nsome code block words\n```\n',
    '> A quoted remark about growth.\n',
    '<!-- a comment nobody reads -->\n',
  ],
  { maxLength: 3 },
);

/** A Markdown ladder in one of the structures real ladders use, with some of the sections around them. */
export const markdownLadderArbitrary = fc
  .record({
    style: fc.constantFrom(...STYLES),
    tracks: fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, t) => trackArbitrary(t)))),
    frontMatter: fc.option(fc.record({ title: text(1, 4), layout: fc.constantFrom('page', 'default') }), { nil: undefined }),
    extras: EXTRAS,
    equivalents: fc.boolean(),
  })
  .map(({ style, tracks, frontMatter, extras, equivalents }) => {
    if (equivalents && tracks.length > 1) pairEquivalents(tracks[0] as Track, tracks[1] as Track);
    const front = frontMatter && style !== 'front-matter-matrix' ? `---\ntitle: ${JSON.stringify(frontMatter.title)}\nlayout: ${frontMatter.layout}\n---\n\n` : '';
    const [before, ...after] = extras;
    return `${front}${before ? `${before}\n` : ''}${render(style, tracks)}\n${after.join('\n')}`;
  });

function pairEquivalents(a: Track, b: Track): void {
  for (let i = 0; i < Math.min(a.levels.length, b.levels.length); i += 1) {
    (a.levels[i] as Level).equivalent = (b.levels[i] as Level).title;
    (b.levels[i] as Level).equivalent = (a.levels[i] as Level).title;
  }
}

function render(style: Style, tracks: Track[]): string {
  switch (style) {
    case 'table-columns':
      return tracks.map((track) => `# ${track.name}\n\n${columnsTable(track)}`).join('\n');
    case 'table-rows':
      return tracks.map((track) => `# ${track.name}\n\n${rowsTable(track)}`).join('\n');
    case 'html-table':
      return tracks.map((track) => `# ${track.name}\n\n${htmlTable(track)}`).join('\n');
    case 'front-matter-matrix':
      return frontMatterMatrix(tracks[0] as Track);
    case 'four-depths':
      return `# Ladder\n\n${tracks.map((track) => `## ${track.name}\n\n${intro(track)}${track.levels.map((level) => headingLevel(level, 3, track)).join('\n')}`).join('\n')}`;
    default:
      return tracks.map((track) => `# ${track.name}\n\n${intro(track)}${track.levels.map((level) => styledLevel(style, level, track)).join('\n')}`).join('\n');
  }
}

const intro = (track: Track) => (track.intro ? `${track.intro}\n\n` : '');
const equivalentLine = (level: Level, track: Track) => (level.equivalent !== undefined || track.name.startsWith('Management') ? `**${track.name.startsWith('Management') ? 'Engineer' : 'Management'} Equivalent**: ${level.equivalent ?? 'n/a'}\n\n` : '');
const prose = (level: Level) => (level.prose ? `${level.prose}\n\n` : '');
const body = (clauses: string[], list: boolean) => (list ? clauses.map((clause) => `- ${clause}`).join('\n') : clauses.join('; '));

function headingLevel(level: Level, depth: number, track: Track): string {
  const hashes = '#'.repeat(depth);
  return `${hashes} ${level.title}\n\n${equivalentLine(level, track)}${prose(level)}${level.axes.map((axis) => `${hashes}# ${axis.name}\n\n${body(axis.clauses, axis.list)}\n`).join('\n')}`;
}

function styledLevel(style: Style, level: Level, track: Track): string {
  const head = `## ${level.title}\n\n${equivalentLine(level, track)}${prose(level)}`;
  switch (style) {
    case 'labelled-paragraphs':
      return `${head}${level.axes.map((axis, a) => (a % 2 ? `**${axis.name}**: ${axis.clauses.join('; ')}` : `**${axis.name}:** ${axis.clauses.join('; ')}`)).join('\n\n')}\n`;
    case 'labelled-items':
      return `${head}${level.axes.map((axis) => `- **${axis.name}**: ${axis.clauses.join('; ')}`).join('\n')}\n`;
    case 'plain-labelled-items':
      return `${head}${level.axes.map((axis) => `* ${axis.name}: ${axis.clauses.join('; ')}`).join('\n')}\n`;
    case 'nested-items':
      return `${head}${level.axes.map((axis) => `- ${axis.name}\n${axis.clauses.map((clause) => `  - ${clause}`).join('\n')}`).join('\n')}\n`;
    case 'groups':
      return `${head}### Skills\n\n${level.axes.map((axis) => `#### ${axis.name}\n\n${body(axis.clauses, axis.list)}\n`).join('\n')}`;
    default:
      return headingLevel(level, 2, track);
  }
}

const cell = (clauses: string[] | undefined) => (clauses ?? []).map((clause) => clause.replace(/\|/g, '\\|')).join('<br>');

function axisNames(track: Track): string[] {
  return [...new Set(track.levels.flatMap((level) => level.axes.map((axis) => axis.name)))];
}

function columnsTable(track: Track): string {
  const names = axisNames(track);
  const header = `| Area | ${track.levels.map((level) => level.title).join(' | ')} |`;
  const rows = names.map((name) => `| ${name} | ${track.levels.map((level) => cell(level.axes.find((axis) => axis.name === name)?.clauses)).join(' | ')} |`);
  return [header, `|${'---|'.repeat(track.levels.length + 1)}`, ...rows].join('\n') + '\n';
}

function rowsTable(track: Track): string {
  const names = axisNames(track);
  const rows = track.levels.map((level) => `| ${level.title} | ${names.map((name) => cell(level.axes.find((axis) => axis.name === name)?.clauses)).join(' | ')} |`);
  return [`| Level | ${names.join(' | ')} |`, `|${'---|'.repeat(names.length + 1)}`, ...rows].join('\n') + '\n';
}

function htmlTable(track: Track): string {
  const names = axisNames(track);
  const escape = (value: string) => value.replace(/&(?!amp;)/g, '&amp;').replace(/</g, '&lt;');
  const header = `<tr><th>Area</th>${track.levels.map((level) => `<th>${escape(level.title)}</th>`).join('')}</tr>`;
  const rows = names.map((name) => `<tr><td>${name}</td>${track.levels.map((level) => `<td>${(level.axes.find((axis) => axis.name === name)?.clauses ?? []).map(escape).join('<br>')}</td>`).join('')}</tr>`);
  return `<table>\n${header}\n${rows.join('\n')}\n</table>\n`;
}

function frontMatterMatrix(track: Track): string {
  const names = axisNames(track);
  const yaml = names.map((name) => {
    const levels = track.levels.flatMap((level) => {
      const clauses = level.axes.find((axis) => axis.name === name)?.clauses;
      return clauses ? [`      - level: ${JSON.stringify(level.title)}\n        criteria:\n${clauses.map((clause) => `          - ${JSON.stringify(clause)}`).join('\n')}`] : [];
    });
    return `  - name: ${name}\n    levels:\n${levels.join('\n')}`;
  });
  return `---\ntitle: ${JSON.stringify(track.name)}\ntopics:\n${yaml.join('\n')}\n---\n\nThe matrix above is the ladder.\n`;
}

/** Damage of the kinds Markdown suffers in editing: a line of other Markdown put in, a line lost or doubled, a character changed. */
export function markdownMutation(lineCount: number) {
  return fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), line: fc.nat(lineCount), text: fc.constantFrom('# ', '## ', '### Craft', '#### ', '- ', '  - nested', '| a | b |', '|---|---|', '---', '> quote', '**Label:** text', '**Management Equivalent**: Nobody', '<table><tr><td>x</td></tr>', '```', '<!--', '1. one', '* * *', '[ref]: http://x', '<b></b>', '    indented code') }),
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lineCount) }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lineCount) }),
    fc.record({ kind: fc.constant('character' as const), line: fc.nat(lineCount), at: fc.nat(80), char: fc.constantFrom('#', '*', '_', '|', '>', '-', ':', '`', '<', '\\', ' ', '\t', 'é') }),
  );
}

export type MarkdownMutation = ReturnType<typeof markdownMutation> extends fc.Arbitrary<infer T> ? T : never;

export function applyMarkdownMutation(text: string, change: MarkdownMutation): string {
  const lines = text.split('\n');
  const at = change.line % (lines.length + 1);
  if (change.kind === 'insert') lines.splice(at, 0, change.text);
  else if (change.kind === 'delete') lines.splice(at, 1);
  else if (change.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
  else {
    const line = lines[at] ?? '';
    const column = change.at % (line.length + 1);
    lines[at] = line.slice(0, column) + change.char + line.slice(column);
  }
  return lines.join('\n');
}
