/** What a column of a spreadsheet holds, as its header names it. */
export type ColumnRole = 'trackGroup' | 'track' | 'trackDescription' | 'level' | 'levelDescription' | 'code' | 'group' | 'axis' | 'clause' | 'examples' | 'proficiency' | 'description' | 'note' | 'equivalent' | 'equivalentLabel' | 'aliases' | 'trackId' | 'id' | 'statement' | 'rowId';

/**
 * Header words, in the forms real templates use, for each role. A header is compared with its
 * case, spacing, punctuation and a plural `s` set aside (`Job Family`, `job_family`, `Behaviours`).
 */
const ROLE_HEADERS: [ColumnRole, RegExp][] = [
  ['trackDescription', /^(role|track|path|careerpath|discipline|jobfamily|family|rolefamily)(description|summary|definition)$/],
  ['levelDescription', /^(rolelevel|level|joblevel|careerlevel|grade|band)(description|summary|definition)$/],
  ['clause', /^(skill|competency|competence)level(description|definition|behaviou?r)$/],
  ['proficiency', /^(skill|competency|competence)level$/],
  ['track', /^(track|path|careerpath|ladder|discipline|jobfamily|family|rolefamily|function|stream|trilha|carreira|trayectoria)$/],
  ['level', /^(level|levelname|leveltitle|jobtitle|title|role|rolename|roletitle|rolelevel|joblevel|careerlevel|position|seniority|rank|levelid|nivel|nivelid|cargo|puesto)$/],
  ['code', /^(grade|band|levelcode|code|paygrade|step)$/],
  ['description', /^(skill|competency|competence|axis|area|theme|category)(description|definition|summary)$/],
  ['axis', /^(axis|axisname|skillname|competencyname|categoria|competencia|habilidade|competency|competence|skill|area|theme|category|dimension|attribute|pillar|domain|competencyarea|competencydomain|skillarea|focusarea|subcategory|subcompetency)$/],
  ['clause', /^(clause|behaviou?r|keybehaviou?r|expectation|criteri(on|a)|description|definition|indicator|evidence|statement|responsibilit(y|ie)|detail|detalhe|descricao|descripcion|comportamento)$/],
  ['examples', /^(example|examplebehaviou?r|evidenceexample)$/],
  ['proficiency', /^(proficiency|proficiencylevel|mastery|depth)$/],
  ['note', /^(note|comment|remark)$/],
  ['equivalent', /^(equivalent|peer|managementequivalent|equivalentlevel|equivalentrole)$/],
  ['equivalentLabel', /^equivalentlabel$/],
  // The ids ladder gave, as export writes them: a level's `Id` (a `Level ID` names the level) and its track's.
  ['trackId', /^trackid$/],
  ['id', /^id$/],
  // `Aliases` and `Also known as` lose their last `s` to headerKey.
  ['aliases', /^(aliase?|alsoknowna|aka)$/],
];

/** `Key Behaviours` → `keybehaviour`. */
export function headerKey(header: string): string {
  return header.normalize('NFD').toLowerCase().replace(/[^a-z]/g, '').replace(/(ies)$/, 'y').replace(/([^si])s$/, '$1');
}

/** `Level 3`, `level_1`, `Band 2`: a numbered level of a wide sheet, not a column that names levels. */
const NUMBERED_LEVEL = /^(level|lvl|grade|band)[\s_-]*\d+$/i;

export function roleOf(header: string): ColumnRole | undefined {
  const key = headerKey(header);
  if (!key || NUMBERED_LEVEL.test(header.trim())) return undefined;
  return ROLE_HEADERS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** The steps of proficiency scales that frameworks use as their levels (`Awareness, Working, Practitioner, Expert`). */
const PROFICIENCY_STEPS = /^(awareness|aware|working|practitioner|expert|foundation(al)?|basic|novice|beginner|intermediate|proficient|advanced|master|mastery|leading|emerging|developing|accomplished|exemplary)$/i;

/** A header that names a level of a wide sheet: `Level 1`, `level_3`, `L4`, `Senior Engineer`, `Practitioner`. */
export function isLevelHeader(header: string, looksLikeLevel: (title: string) => boolean): boolean {
  const text = header.trim();
  return text !== '' && roleOf(text) === undefined && (NUMBERED_LEVEL.test(text) || PROFICIENCY_STEPS.test(text) || looksLikeLevel(text));
}

export interface Columns {
  /** The header row's cells. */
  headers: string[];
  /** Columns by role, in sheet order; a long sheet may have two axis columns (a group, then the axis). */
  byRole: Map<ColumnRole, number[]>;
  /** Non-empty headers with no role. */
  unknown: number[];
}

export function recognise(headers: string[]): Columns {
  const byRole = new Map<ColumnRole, number[]>();
  const unknown: number[] = [];
  headers.forEach((header, col) => {
    const role = roleOf(header);
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), col]);
    else if (header.trim()) unknown.push(col);
  });
  // `Role, Role Level`: the role is the track, its levels the ladder.
  const roleCol = (byRole.get('level') ?? []).find((col) => headerKey(headers[col] ?? '') === 'role');
  if (roleCol !== undefined && (byRole.get('level') ?? []).some((col) => /level$/.test(headerKey(headers[col] ?? '')))) {
    byRole.set('level', (byRole.get('level') ?? []).filter((col) => col !== roleCol));
    byRole.set('track', [...(byRole.get('track') ?? []), roleCol]);
  }
  // Two track columns (`Role Family, Role`): the last names the track, the first groups tracks.
  const tracks = byRole.get('track') ?? [];
  if (tracks.length > 1) {
    byRole.set('trackGroup', tracks.slice(0, -1));
    byRole.set('track', tracks.slice(-1));
  }
  // With both a title and a grade, the title names the level and the grade is its code; a grade alone names the level.
  if (!byRole.has('level') && byRole.has('code')) {
    byRole.set('level', byRole.get('code') as number[]);
    byRole.delete('code');
  }
  // Two axis columns (`Competency, Skill`): the first groups the axes, the last names them.
  const axes = byRole.get('axis') ?? [];
  if (axes.length > 1) {
    byRole.set('group', axes.slice(0, -1));
    byRole.set('axis', axes.slice(-1));
  }
  // Two clause columns (`Definition, Behaviour`): the first describes the axis, the last holds the clauses.
  const clauses = byRole.get('clause') ?? [];
  if (clauses.length > 1) {
    byRole.set('description', clauses.slice(0, -1));
    byRole.set('clause', clauses.slice(-1));
  }
  // Two level columns (`Level, Title`): the title names it, the other is its code.
  const levels = byRole.get('level') ?? [];
  if (levels.length > 1) {
    const title = levels.find((col) => /title|name/i.test(headers[col] ?? '')) ?? levels[levels.length - 1];
    byRole.set('level', [title as number]);
    byRole.set('code', [...(byRole.get('code') ?? []), ...levels.filter((col) => col !== title)]);
  }
  return { headers, byRole, unknown };
}

export function first(columns: Columns, role: ColumnRole): number | undefined {
  return columns.byRole.get(role)?.[0];
}
