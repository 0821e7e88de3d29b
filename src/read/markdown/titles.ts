/**
 * Words that name one rung of a career ladder, in the languages ladders are written in. A heading
 * made of them is taken for a level where the document's structure alone cannot tell a level from
 * an axis or a group of axes. Singular only: `Engineers`, `Levels` name a collection (a track, a
 * page), never one rung.
 */
const LEVEL_WORDS =
  /\b(engineer|developer|programmer|manager|director|lead|leader|principal|staff|senior|junior|intern|associate|apprentice|journeyman|master|fellow|architect|head|chief|vp|vice|president|cto|cio|level|grade|band|tier|sde|swe|sse|scientist|analyst|designer|specialist|consultant|administrator|admin|technician|tester|novice|beginner|intermediate|advanced|expert|mid|middle|medior|entry|graduate|trainee|officer|executive|rep|representative|ing[ée]nieure?|ingeniero|ingeniera|engenheiro|entwickler(in)?|d[ée]veloppeur(se)?|desarrollador(a)?|desenvolvedor(a)?|chef|directeur|diretor(a)?|responsable|gerente|j[úu]nior|pleno|s[êée]nior|confirm[ée]e?|d[ée]butant(e)?|exp[ée]riment[ée]e?|intermedi[oa]|avanzad[oa]|principiante|expert[oa]|estagi[áa]ri[oa]|praktikant(in)?|leiter(in)?|l[íi]der)\b/i;
/** Rank words of scripts without word boundaries (Korean, Japanese, Chinese titles). */
const LEVEL_WORDS_CJK = /(주니어|시니어|미들|리드|엔지니어|개발자|매니저|디렉터|사원|주임|대리|과장|차장|부장|선임|책임|수석|팀장|ジュニア|シニア|エンジニア|マネージャー|リード|工程师|经理|总监|专家|架构师|初级|中级|高级|资深)/;
const LEVEL_CODE = /^(?:[A-Za-z]{1,4}\s?-?\d{1,2}[a-z]?|\d{1,2})$/;
const ROMAN = /\b(i|ii|iii|iv|v|vi|vii|viii|ix|x)$/i;
/** A level's title names a rung in a few words; a heading longer than this is a sentence about the ladder. */
const MAX_TITLE_WORDS = 8;

/** Whether a heading reads like a level's title (`Senior Engineer`, `L5`, `Engineer II`). */
export function looksLikeLevel(title: string): boolean {
  const { title: bare, code } = splitCode(title);
  if ((bare.split('/')[0] ?? '').trim().split(/\s+/).length > MAX_TITLE_WORDS) return false;
  return LEVEL_WORDS.test(bare) || LEVEL_WORDS_CJK.test(bare) || ROMAN.test(bare) || LEVEL_CODE.test(bare) || code !== undefined;
}

/** Headings that are about the ladder rather than a rung of it. */
const NOT_A_LEVEL = /^(faq|frequently asked questions|questions|table of contents|contents|toc|overview|introduction|intro|about\b.*|all levels|every level|how to( use| read)?( this)?.*|summary|legend|key|changelog|change log|history|other pages|see also|references|links|resources|glossary|notes|appendix|license|contributing|acknowledg(e)?ments|feedback|give us your feedback.*|things to keep in mind|principles|purpose|background|context|definitions)$/i;
const NOT_A_POINT = /\bnot (a|an) (level|point|step|rung)\b|\bnot (on|part of) the ladder\b|\b(is|as) a role(?![\w-]|\s+model)|\bnot a promotion\b|\ba variation of\b/i;

/** Why a section is not a level, judged from its title and its own text; undefined when nothing says so. */
export function notALevel(title: string, text: string): string | undefined {
  if (/\?\s*$/.test(title)) return 'its title is a question';
  if (NOT_A_LEVEL.test(title.trim())) return 'its title names a part of the document';
  if (NOT_A_POINT.test(text)) return 'its text says it is not a point on the ladder';
  return undefined;
}

/**
 * A level code written in a heading: `Engineer II (IC 3a)`, `Senior Software Engineer (SSE)`,
 * `D4 - Developer 4`, `L5: Senior Engineer`. The code becomes a name of the level and leaves the
 * title, which keeps ids readable.
 */
export function splitCode(heading: string): { title: string; code?: string; alias?: string } {
  const leading = LEADING_CODE.exec(heading);
  const trailing = /^(.*\S)\s*\(([^()]{1,12})\)$/.exec(heading);
  if (trailing && isCode(trailing[2] as string)) {
    // A numbered code at both ends (`Level 2: Data Engineer (IC2)`): the trailing one is the code,
    // the leading one another name. An abbreviation (`EM-5: Chief Technology Officer (CTO)`) is
    // the code, and the rest the title, as before.
    const after = (trailing[2] as string).trim();
    const rest = /\d/.test(after) ? LEADING_CODE.exec(trailing[1] as string) : null;
    return rest ? { title: rest[2] as string, code: after, alias: rest[1] as string } : { title: trailing[1] as string, code: after };
  }
  if (leading) return { title: leading[2] as string, code: leading[1] as string };
  return { title: heading };
}

/** `L5: Senior Engineer`, `D4 - Developer 4`, `Level 2: Data Engineer`. */
const LEADING_CODE = /^((?:[A-Za-z]{1,4}|level|grade|band|tier|step|stage)\s?-?\d{1,2}[a-z]?)\s*[-–—:|]\s+(\S.*)$/i;

function isCode(text: string): boolean {
  const code = text.trim();
  return /^[A-Za-z]{0,4}\s?-?\d{1,2}[a-z]?$/.test(code) || /^[A-Z]{2,6}$/.test(code) || /^(band|level|grade|tier|step)\s?\d{1,2}[a-z]?$/i.test(code);
}

/** `Senior Vice President / CTO / CIO` is also known as `cto` and `cio`: the parts after the first. */
export function slashAliases(title: string): string[] {
  const parts = title.split('/').map((part) => part.trim()).filter(Boolean);
  return parts.slice(1).map((part) => (/^[A-Z0-9]{2,6}$/.test(part) ? part.toLowerCase() : part));
}

/**
 * How senior a title's words say a level is, for pages whose order nothing else gives: the
 * highest rank word it holds (a title with none, `Engineer`, is the middle of the ladder), then
 * its number (`Senior II` after `Senior I`). Roles (`Engineer`, `Manager`) carry no rank.
 */
const RANKS: [RegExp, number][] = [
  [/\b(intern|trainee|apprentice|estagi[áa]ri[oa]|praktikant(in)?|stagiaire)\b/i, 0],
  [/\b(junior|j[úu]nior|associate|entry|graduate|beginner|novice|d[ée]butant(e)?|principiante)\b/i, 1],
  [/\b(mid|middle|medior|intermediate|intermedi[oa]|pleno|confirm[ée]e?)\b/i, 2],
  [/\b(senior|s[êée]nior|sr|experienced|advanced|avanzad[oa]|exp[ée]riment[ée]e?)\b/i, 3],
  [/\b(lead|staff|expert|expert[oa])\b/i, 4],
  [/\b(principal|architect)\b/i, 5],
  [/\b(head|distinguished)\b/i, 6],
  [/\b(director|directeur|diretor(a)?|fellow)\b/i, 7],
  [/\b(vp|vice president)\b/i, 8],
  [/\b(chief|cto|cio|ceo)\b/i, 9],
];
const NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

export function seniority(title: string): number {
  const named = RANKS.filter(([words]) => words.test(title)).map(([, value]) => value);
  const rank = named.length > 0 ? Math.max(...named) : 2;
  const last = /\b(\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)?\s*$/i.exec(title)?.[1]?.toLowerCase() ?? '';
  const number = /^\d+$/.test(last) ? Number(last) : NUMERALS.indexOf(last) + 1;
  return rank * 100 + number;
}

/** A title without the pictographs that decorate it in a site's menu (`🧠 Problem solving`): they are not part of its name. */
export function withoutPictographs(title: string): string {
  return title.replace(/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+/u, '').trim();
}
