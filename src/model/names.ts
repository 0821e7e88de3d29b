import { distance } from 'fastest-levenshtein';

/** How names are compared everywhere: case, accents, spaces, hyphens and underscores do not count. */
export function normalizeName(name: string): string {
  return foldAccents(name).toLowerCase().replace(NUMERAL_RANGE, '~').replace(/[\s_-]+/g, '');
}

/**
 * Separators between two numerals (`I-II`, `1 2`) leave one mark (`~`): `SE I-II` names a range, not
 * `SE III`, and `L1-2` is not `L12`. Anywhere else, spaces, dashes and underscores are ignored.
 */
const NUMERAL_RANGE = /(?<=\d|(?:^|[\s_-])[ivx]+)[\s_-]+(?=\d|[ivx]+(?:$|[\s_-]))/g;

/**
 * Latin letters that Unicode does not decompose into a letter and a mark, spelt as they are
 * written without the mark or ligature (the transliteration of German, Nordic, Polish, French,
 * Croatian, Icelandic and Maltese): NFD leaves them whole, so without this `Søren` would not fold.
 */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ŋ: 'ng', Ŋ: 'NG', ĸ: 'q',
};
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/** `Maîtrise` → `Maitrise`, `Søren` → `Soren`, `Straße` → `Strasse`: letters without their accents, so a name is found however it is typed. */
export function foldAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '').replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter) : text;
}

/** Text with any character outside ASCII (the only text that can carry accents). */
export const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Names longer than this are compared only whole, never by edit distance, whose cost is the
 * product of the two lengths: a typo is looked for in names people type, not in 300 KB ones.
 */
export const MAX_COMPARED_LENGTH = 256;

/**
 * The options closest to `wanted` by edit distance, best first. An option qualifies when
 * it is within about a third of the longer name's length and shares some of `wanted`, so
 * `principle` finds `principal` but `x` finds nothing.
 */
export function closest(wanted: string, options: Iterable<string>, limit = 3): string[] {
  return closestAmong(options)(wanted, limit);
}

/**
 * `closest` for many names asked of the same options: the options are lower-cased once and
 * grouped by length, and a name is compared only with the groups whose length could qualify, so
 * thousands of misspelt ids against thousands of levels cost little more than reading them.
 */
export function closestAmong(options: Iterable<string>): (wanted: string, limit?: number) => string[] {
  const byLength = new Map<number, { option: string; lower: string }[]>();
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option)) continue;
    seen.add(option);
    const lower = option.toLowerCase();
    if (lower.length > MAX_COMPARED_LENGTH) continue;
    const group = byLength.get(lower.length);
    if (group) group.push({ option, lower });
    else byLength.set(lower.length, [{ option, lower }]);
  }
  return (wanted, limit = 3) => {
    const target = wanted.toLowerCase();
    if (target.length > MAX_COMPARED_LENGTH) return [];
    const scored: { option: string; score: number }[] = [];
    for (const [length, group] of byLength) {
      const allowed = Math.max(2, Math.floor(Math.max(target.length, length) / 3));
      // Lengths that far apart are that far apart in edits too: the distance is not worked out.
      if (Math.abs(length - target.length) > allowed) continue;
      for (const { option, lower } of group) {
        const score = distance(target, lower);
        if (score <= allowed && score < target.length) scored.push({ option, score });
      }
    }
    scored.sort((a, b) => a.score - b.score || a.option.localeCompare(b.option));
    return scored.slice(0, limit).map((s) => s.option);
  };
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
  return foldAccents(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
