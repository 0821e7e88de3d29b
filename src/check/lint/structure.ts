import { peersOf } from '../../model/model.js';
import type { Level } from '../../model/model.js';
import { sourceFormat } from '../../read/source.js';
import type { LadderSource } from '../../read/source.js';
import { lintLadder } from '../lint.js';
import { byLevelAxis, counted, levelAxisKey } from './clauses.js';
import type { LintContext, LintRule, RuleFinding, RuleInfo } from './rule.js';
import { levelPath } from './rule.js';

const info = (id: string, name: string, short: string, full: string, help: string): RuleInfo => ({ id: `structure/${id}`, name, short, full, help });

/** `structure/…`: what the shape of the ladder says against its content. */
export const structure: LintRule = {
  family: 'structure',
  rules: [
    info('missing-axis', 'MissingAxis', 'A level without an axis that the other levels of its track have.', "A level that lacks an axis its track's other levels have (or that the track's axis definitions name), as `validate` warns.", 'Add the axis to the level, or say in it why the level has nothing there.'),
    info('declared-levels', 'DeclaredLevels', 'A front matter that declares fewer levels than its content has.', 'A Markdown file whose front matter declares a count of levels (`levels: 5`) while its matrix holds criteria for more (a level 6): a site built from the declaration never shows them.', 'Correct the declared count, or remove the criteria of the levels the framework no longer has.'),
    info('skipped-level', 'SkippedLevel', 'A topic of a front-matter matrix that skips a level.', 'A topic of a front-matter matrix with no criteria for one of its levels (from 1 to the declared `levels:`, else to the highest level it holds), at its start, its end or between: the reader of that level finds nothing for the topic.', 'Give the topic criteria for the level, or say that the level expects nothing new there.'),
    info('no-peer', 'LevelWithoutPeer', 'A level with no peer or grade where the levels either side of it have one.', 'A level that has no peer on another track and no grade, where the levels below and above it on its track both have one: probably a gap in the mapping between tracks.', 'Give the level its equivalent or its grade, or make sure that it truly has none.'),
    info('clause-count', 'ClauseCountJump', 'An axis whose number of clauses jumps or falls sharply from one level to the next.', 'An axis with three times as many clauses as at the level below, or a third as many (and a difference of at least three): a sign of text written at different times or by different hands.', 'Check that the level says as much, and as little, as the levels around it.'),
  ],
  async run(context) {
    return [...missingAxes(context), ...(await declaredLevels(context)), ...noPeers(context), ...clauseCounts(context)];
  },
};

function missingAxes({ ladder, settings }: LintContext): RuleFinding[] {
  if (!settings('structure/missing-axis')) return [];
  return lintLadder(ladder)
    .filter((finding) => finding.rule === 'missing-axis')
    .map((finding) => {
      const level = ladder.tracks[Number(finding.path[1])]?.levels[Number(finding.path[3])];
      return { rule: 'structure/missing-axis', level, text: level?.title ?? '', message: finding.message, place: { path: finding.path.slice(0, 4), find: level?.title } };
    });
}

const hasPeerOrGrade = (level: Level | undefined) => level !== undefined && (level.grade !== undefined || peersOf(level).length > 0);

function noPeers({ ladder, settings }: LintContext): RuleFinding[] {
  if (!settings('structure/no-peer') || ladder.tracks.length < 2) return [];
  const findings: RuleFinding[] = [];
  ladder.tracks.forEach((track, t) => {
    track.levels.forEach((level, l) => {
      if (hasPeerOrGrade(level) || !hasPeerOrGrade(track.levels[l - 1]) || !hasPeerOrGrade(track.levels[l + 1])) return;
      findings.push({ rule: 'structure/no-peer', level, text: level.title, message: `\`${level.id}\` has no peer on another track and no grade, while \`${track.levels[l - 1]?.id}\` and \`${track.levels[l + 1]?.id}\` either side of it do`, place: { path: levelPath(t, l, 'title'), find: level.title } });
    });
  });
  return findings;
}

function clauseCounts({ ladder, clauses, settings }: LintContext): RuleFinding[] {
  const options = settings('structure/clause-count');
  if (!options) return [];
  const factor = options.factor ?? 3;
  const groups = byLevelAxis(clauses);
  const findings: RuleFinding[] = [];
  ladder.tracks.forEach((track, t) => {
    track.levels.forEach((level, l) => {
      const below = track.levels[l - 1];
      if (!below) return;
      for (const axis of level.axes) {
        const now = groups.get(levelAxisKey(t, l, axis.name))?.length ?? 0;
        const before = groups.get(levelAxisKey(t, l - 1, axis.name))?.length ?? 0;
        if (now === 0 || before === 0 || Math.abs(now - before) < 3 || (now < before * factor && before < now * factor)) continue;
        findings.push({ rule: 'structure/clause-count', level, axis: axis.name, text: axis.name, message: `axis \`${axis.name}\` has ${counted(now, 'clause')}, against ${before} at \`${below.id}\``, place: { path: levelPath(t, l, 'axes', axis.name) } });
      }
    });
  });
  return findings;
}

/** The declared `levels:` of each Markdown file's front matter, against the levels its matrix holds; and topics that skip a level. */
async function declaredLevels({ sources, settings }: LintContext): Promise<RuleFinding[]> {
  const declared = settings('structure/declared-levels');
  const skipped = settings('structure/skipped-level');
  const markdown = sources.filter((source) => sourceFormat(source) === 'markdown' && /^---[ \t]*\r?\n/.test(source.text));
  if ((!declared && !skipped) || markdown.length === 0) return [];
  const { splitFrontMatter, readFrontMatterMatrix, MATRIX_KEYS } = await import('../check.js');
  const findings: RuleFinding[] = [];
  for (const source of markdown) {
    const data = splitFrontMatter(source.text.replace(/\r\n?/g, '\n'), source.name, [], []).data ?? {};
    const topics = new Map<string, Set<number>>();
    for (const [key, value] of Object.entries(data)) {
      if (!MATRIX_KEYS.test(key)) continue;
      for (const level of readFrontMatterMatrix(value).levels) {
        const rank = /^Level (\d+)$/.exec(level.title)?.[1];
        if (rank === undefined) continue;
        for (const axis of level.axes) {
          const topic = axis.name.replace(/ \/ Examples$/, '');
          const ranks = topics.get(topic) ?? new Set<number>();
          ranks.add(Number(rank));
          topics.set(topic, ranks);
        }
      }
    }
    const count = typeof data.levels === 'number' ? data.levels : typeof data.levels === 'string' && /^\d+$/.test(data.levels) ? Number(data.levels) : undefined;
    if (declared && count !== undefined) {
      const beyond = [...topics].filter(([, ranks]) => Math.max(...ranks) > count);
      if (beyond.length > 0) {
        const highest = Math.max(...beyond.map(([, ranks]) => Math.max(...ranks)));
        findings.push(atLine(source, /^levels[ \t]*:/m, 'structure/declared-levels', `levels: ${count}`, `the front matter declares \`levels: ${count}\`, but ${counted(beyond.length, 'topic')} (${beyond.map(([topic]) => `\`${topic}\``).slice(0, 5).join(', ')}${beyond.length > 5 ? ', …' : ''}) ${beyond.length === 1 ? 'has' : 'have'} criteria up to level ${highest}`));
      }
    }
    if (skipped) {
      // The levels a reader of the page can pick: those declared, else those the matrix holds.
      const highest = count ?? Math.max(0, ...[...topics.values()].flatMap((ranks) => [...ranks]));
      for (const [topic, ranks] of topics) {
        const gaps: number[] = [];
        for (let rank = 1; rank <= highest; rank += 1) if (!ranks.has(rank)) gaps.push(rank);
        if (gaps.length > 0) findings.push(atLine(source, new RegExp(`^[ \\t-]*(name|title|topic)[ \\t]*:[ \\t]*["']?${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'mi'), 'structure/skipped-level', topic, `topic \`${topic}\` has no criteria for level${gaps.length === 1 ? '' : 's'} ${spans(gaps)} of the matrix's 1 to ${highest}, so a reader of ${gaps.length === 1 ? 'that level' : 'those levels'} finds nothing for it`));
      }
    }
  }
  return findings;
}

/** Level numbers as runs: `1, 2, 5` → `1–2, 5`. */
function spans(numbers: number[]): string {
  const runs: string[] = [];
  for (let start = 0; start < numbers.length; ) {
    let end = start;
    while (end + 1 < numbers.length && (numbers[end + 1] as number) === (numbers[end] as number) + 1) end += 1;
    runs.push(end === start ? `${numbers[start]}` : `${numbers[start]}–${numbers[end]}`);
    start = end + 1;
  }
  return runs.join(', ');
}

/** A finding at the first line of a file that matches, else at its first line. */
function atLine(source: LadderSource, pattern: RegExp, rule: string, text: string, message: string): RuleFinding {
  const match = pattern.exec(source.text);
  const line = match ? source.text.slice(0, match.index).split('\n').length : 1;
  return { rule, text, message, place: { path: [], at: { file: source.name, line, col: 1 } } };
}
