import { distance } from 'fastest-levenshtein';

/** How names are compared everywhere: case, accents, spaces, hyphens and underscores do not count. */
export function normalizeName(name: string): string {
  return foldAccents(name).toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Latin letters that Unicode does not decompose into a letter and an accent, as they are written
 * in ASCII (German, Danish, Norwegian, Polish, French, Icelandic, Croatian, Turkish, Maltese…).
 */
const TRANSLITERATED: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ĸ: 'k', ŉ: 'n',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(TRANSLITERATED).join('')}]`, 'g');

/** Accents dropped and the letters above written in ASCII: `Søren Straße` → `Soren Strasse`. */
function toLatinLetters(text: string, form: 'NFD' | 'NFKD'): string {
  return text.normalize(form).replace(/\p{M}+/gu, '').replace(UNDECOMPOSED, (letter) => TRANSLITERATED[letter] ?? letter);
}

/** `Maîtrise` → `Maitrise`, `Søren` → `Soren`: letters without their accents, so a name is found however it is typed. */
export function foldAccents(text: string): string {
  return NON_ASCII.test(text) ? toLatinLetters(text, 'NFD') : text;
}

/** Text with any character outside ASCII (the only text that can carry accents). */
export const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The options closest to `wanted` by edit distance, best first. An option qualifies when
 * it is within about a third of the longer name's length and shares some of `wanted`, so
 * `principle` finds `principal` but `x` finds nothing.
 */
export function closest(wanted: string, options: Iterable<string>, limit = 3): string[] {
  const target = wanted.toLowerCase();
  const scored: { option: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option)) continue;
    seen.add(option);
    const candidate = option.toLowerCase();
    const score = distance(target, candidate);
    const allowed = Math.max(2, Math.floor(Math.max(target.length, candidate.length) / 3));
    if (score <= allowed && score < target.length) scored.push({ option, score });
  }
  scored.sort((a, b) => a.score - b.score || a.option.localeCompare(b.option));
  return scored.slice(0, limit).map((s) => s.option);
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`" (or "and"). */
export function quoteList(items: string[], conjunction: 'or' | 'and' = 'or'): string {
  const quoted = items.map((item) => `\`${item}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/**
 * `Senior Manager` → `senior-manager`; accents fold (`Ingénieur` → `ingenieur`, `Straße` →
 * `strasse`), and anything that is not a Latin letter or digit separates words.
 */
export function slugify(text: string): string {
  return toLatinLetters(text, 'NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
