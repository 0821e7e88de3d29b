import type { DraftLevel, DraftTrack } from './markdown/draft.js';
import { Findings, addAxisPart, newLevel } from './markdown/draft.js';
import type { ReadResult } from './finish.js';
import { finish } from './finish.js';
import { isRecord, parseYaml } from './parse-yaml.js';
import type { PathSegment } from './parse-yaml.js';

/** A level id of a fork: `senior-2-ic` (individual contributor) or `senior-2-pm` (people manager). */
const FORK = /^(.*)-(ic|pm)$/;

/** Whether a YAML text is a job family in the Financial Times' format (`levels`, `themes`, `competencies`). */
export function isJobFamily(text: string): boolean {
  return /^levels[ \t]*:/m.test(text) && /^themes[ \t]*:/m.test(text) && /^competencies[ \t]*:/m.test(text) && !/^tracks[ \t]*:/m.test(text);
}

/**
 * A job family as a ladder: its levels in order, its themes as axes (their summaries say what the
 * axes mean), each competency's summary as clauses of its theme at its level, its proficiency as a
 * clause, each example and supporting link a clause that says what it is (`Example: …`). Level ids with
 * `-ic` and `-pm` make a fork: the shared levels and the individual contributor's branch are one
 * track, the people manager's branch another, and the two levels of a branch are peers.
 */
export function readJobFamily(text: string, file: string): ReadResult {
  const findings = new Findings();
  const { parsed, diagnostics } = parseYaml(text, file);
  const fail = (): ReadResult => ({ warnings: [], errors: diagnostics.length > 0 ? diagnostics : findings.errors, summary: { tracks: 0, levels: 0, axes: 0, sectionsAsProse: 0, wordsLeftOut: 0 }, decisions: [], levelAt: () => undefined });
  if (!parsed || !isRecord(parsed.value)) return fail();
  const family = parsed.value;
  const lineOf = (path: PathSegment[]) => parsed.positionOf(path)?.line ?? 1;
  const name = typeof family.name === 'string' ? family.name.trim() : undefined;
  const levels = Array.isArray(family.levels) ? family.levels : [];
  const themes = Array.isArray(family.themes) ? family.themes : [];
  const competencies = Array.isArray(family.competencies) ? family.competencies : [];

  const forked = levels.some((level) => isRecord(level) && FORK.test(String(level.id)));
  const main: DraftTrack = { name: forked ? `${name ?? 'Levels'}: individual contributors` : (name ?? 'Levels'), description: [], levels: [], file, line: lineOf(['levels']) };
  const managers: DraftTrack = { name: `${name ?? 'Levels'}: people managers`, description: [], levels: [], file, line: lineOf(['levels']) };
  const byId = new Map<string, DraftLevel>();
  levels.forEach((level, index) => {
    const line = lineOf(['levels', index]);
    if (!isRecord(level) || typeof level.id !== 'string' || typeof level.name !== 'string' || !level.name.trim()) {
      findings.error(file, line, 'a level needs an `id` and a `name`');
      return;
    }
    const draft = newLevel(level.name.trim(), file, line);
    if (byId.has(level.id)) findings.error(file, line, `duplicate level id \`${level.id}\``);
    byId.set(level.id, draft);
    const fork = FORK.exec(level.id);
    (fork?.[2] === 'pm' ? managers : main).levels.push(draft);
  });
  // The two levels of a branch name each other.
  for (const [id, level] of byId) {
    const fork = FORK.exec(id);
    const other = fork ? byId.get(`${fork[1]}-${fork[2] === 'ic' ? 'pm' : 'ic'}`) : undefined;
    if (other) level.equivalentName = other.title;
  }

  const axisNames = new Map<string, string>();
  const axes: { name: string; description?: string }[] = [];
  themes.forEach((theme, index) => {
    if (!isRecord(theme) || typeof theme.id !== 'string' || typeof theme.name !== 'string') {
      findings.error(file, lineOf(['themes', index]), 'a theme needs an `id` and a `name`');
      return;
    }
    axisNames.set(theme.id, theme.name.trim());
    axes.push({ name: theme.name.trim(), ...(typeof theme.summary === 'string' && theme.summary.trim() ? { description: paragraphs(theme.summary).join('\n\n') } : {}) });
  });

  let uuids = 0;
  competencies.forEach((competency, index) => {
    const line = lineOf(['competencies', index]);
    if (!isRecord(competency)) return findings.error(file, line, 'a competency is a mapping');
    const level = byId.get(String(competency.level));
    if (!level) return findings.error(file, lineOf(['competencies', index, 'level']), `competency names level \`${String(competency.level)}\`, which \`levels\` does not list`);
    const axis = axisNames.get(String(competency.theme));
    if (!axis) return findings.error(file, lineOf(['competencies', index, 'theme']), `competency names theme \`${String(competency.theme)}\`, which \`themes\` does not list`);
    if (typeof competency.id === 'string') uuids += 1;
    if (typeof competency.summary === 'string') for (const clause of paragraphs(competency.summary)) addAxisPart(level, axis, { kind: 'item', text: clause }, line);
    if (typeof competency.proficiency === 'string') addAxisPart(level, axis, { kind: 'item', text: `Proficiency: ${competency.proficiency}` }, line);
    for (const [key, label] of [['examples', 'Example'], ['supportingUrls', 'Supporting link']] as const) {
      const list = competency[key];
      if (Array.isArray(list)) for (const item of list) if (typeof item === 'string' && item.trim()) addAxisPart(level, axis, { kind: 'item', text: `${label}: ${item.trim()}` }, line);
    }
    for (const key of Object.keys(competency)) {
      if (!['id', 'level', 'theme', 'summary', 'proficiency', 'examples', 'supportingUrls'].includes(key)) findings.leaveOut(file, lineOf(['competencies', index, key]), `competency key \`${key}\``, JSON.stringify(competency[key]));
    }
  });
  if (uuids > 0) findings.warn(file, lineOf(['competencies']), `${uuids} competency ids (UUIDs) are not kept: a ladder names clauses by their text`);
  for (const key of Object.keys(family)) {
    if (!['name', 'summary', 'levels', 'themes', 'competencies'].includes(key)) findings.leaveOut(file, lineOf([key]), `\`${key}\` is not ladder content;`, `${key}: ${JSON.stringify(family[key])}`);
  }
  const description = typeof family.summary === 'string' && family.summary.trim() ? [family.summary.trim()] : [];
  const result = finish({ name, description, tracks: [main, ...(managers.levels.length > 0 ? [managers] : [])] }, [{ name: file }], findings, {});
  if (result.data && axes.length > 0) result.data.axes = axes;
  return result;
}

/**
 * A summary's paragraphs (split at blank lines), each with its hard-wrapped lines joined and a
 * leading number (`1.`) or bullet dropped: the YAML's `|` blocks wrap prose at a width, and number
 * the parts of a summary that has several.
 */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim().replace(/^(?:\d{1,3}[.)]|[-*•])\s+/, ''))
    .filter(Boolean);
}
