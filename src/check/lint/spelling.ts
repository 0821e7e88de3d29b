import type { Ladder } from '../../model/model.js';
import type { PathSegment } from '../../read/parse-yaml.js';
import type { ClauseEntry } from './clauses.js';
import type { LintRule, RuleFinding } from './rule.js';
import { levelPath } from './rule.js';
import { TRADE_WORDS } from './trade-words.js';
import { Forms, STARTS_CAPITAL } from './letters.js';

/**
 * `spelling`: words that neither the English dictionaries (Hunspell's en_US and en_GB, compiled at
 * build time: see english.ts), the words of the trade they lack (trade-words.ts), the ladder's own names (its name, tracks, titles, codes, aliases,
 * axes) nor the configuration's `words:` know. Acronyms (`SLO`, `APIs`), names written with inner
 * capitals (`DevOps`), words with digits, addresses and `code` are not checked, and a capitalised
 * word used three times or more is taken for a name.
 */
export const spelling: LintRule = {
  family: 'spelling',
  rules: [
    {
      id: 'spelling',
      name: 'Spelling',
      short: 'A word that is not in the English dictionary or the ladder\'s own vocabulary.',
      full: 'A word that the English dictionaries (Hunspell\'s en_US and en_GB, affixes applied) do not have, and that is not one of the ladder\'s own names (its name, track names, level titles, codes and aliases, axis names) or in the `words:` list of .ladderlint.yaml. Acronyms, names with inner capitals, words with digits, addresses and code spans are not checked.',
      help: 'Correct the word, or, when it is right (a product or a team name), add it to `words:` in .ladderlint.yaml.',
    },
  ],
  async run({ ladder, clauses, words, settings }) {
    if (!settings('spelling')) return [];
    const { spellChecker } = await import('./english.js');
    const checker = spellChecker(vocabulary(ladder, words));
    const findings: RuleFinding[] = [];
    const distinct = new Map<string, boolean>();
    for (const unit of textsOf(ladder, clauses)) {
      const seen = new Set<string>();
      for (const word of wordsOf(unit.text)) {
        if (seen.has(word)) continue;
        let correct = distinct.get(word);
        if (correct === undefined) distinct.set(word, (correct = checker.correct(word)));
        if (correct) continue;
        seen.add(word);
        findings.push({
          rule: 'spelling',
          level: unit.clause?.level ?? unit.level,
          axis: unit.clause?.axis,
          text: word,
          clause: unit.text,
          message: `\`${word}\` is not a known word`,
          hint: 'if it is right, add it to `words:` in .ladderlint.yaml',
          place: { path: unit.path, find: word, within: unit.text },
        });
      }
    }
    const unknown = [...distinct.values()].filter((correct) => !correct).length;
    if (distinct.size >= MIN_WORDS_TO_JUDGE && unknown > distinct.size * FOREIGN_SHARE) {
      // A ladder in another language: one finding that says so, rather than one for each of its words.
      return [{ rule: 'spelling', text: ladder.name ?? '', message: `${unknown} of its ${distinct.size} distinct words are not English: the ladder seems to be in another language, and spelling is checked in English only`, hint: 'turn the rule off in .ladderlint.yaml (`rules: { spelling: off }`)', place: { path: [] } }];
    }
    // A capitalised word the ladder writes again and again is a name (its organisation's, a product's), not a typo.
    const uses = new Map<string, number>();
    for (const finding of findings) uses.set(nameOf(finding.text), (uses.get(nameOf(finding.text)) ?? 0) + 1);
    // Suggestions are looked for only now, for the words reported: each costs some 700 lookups.
    const suggestions = new Map<string, string[]>();
    return findings
      .filter((finding) => !STARTS_CAPITAL.for(finding.text).test(finding.text) || (uses.get(nameOf(finding.text)) ?? 0) < NAME_USES)
      .map((finding) => {
        let suggested = suggestions.get(finding.text);
        if (!suggested) suggestions.set(finding.text, (suggested = checker.suggest(finding.text)));
        return suggested.length === 0 ? finding : { ...finding, message: `${finding.message}; did you mean ${suggested.map((candidate) => `\`${candidate}\``).join(' or ')}?` };
      });
  },
};

/** A possessive's name: `Monzo's` is `Monzo`. */
const nameOf = (word: string) => word.replace(/'s$/, '');
const NAME_USES = 3;

/** Past this share of unknown words among at least this many, the text is not English, and its words are not listed one by one. */
const FOREIGN_SHARE = 0.25;
const MIN_WORDS_TO_JUDGE = 40;

interface TextUnit {
  text: string;
  path: PathSegment[];
  clause?: ClauseEntry;
  level?: ClauseEntry['level'];
}

/** The clauses, and the prose of tracks and levels (descriptions and notes). */
function* textsOf(ladder: Ladder, clauses: ClauseEntry[]): Generator<TextUnit> {
  for (const clause of clauses) yield { text: clause.text, path: clause.path, clause };
  for (const [t, track] of ladder.tracks.entries()) {
    if (track.description) yield { text: track.description, path: ['tracks', t, 'description'] };
    for (const [l, level] of track.levels.entries()) {
      if (level.description) yield { text: level.description, path: levelPath(t, l, 'description'), level };
      if (level.note) yield { text: level.note, path: levelPath(t, l, 'note'), level };
    }
  }
}

/** Every word of the ladder's names, and the configured words, as known words. */
function vocabulary(ladder: Ladder, configured: string[]): Set<string> {
  const names: string[] = [ladder.name ?? '', ...TRADE_WORDS, ...configured, ...(ladder.axes ?? []).map((axis) => axis.name)];
  for (const track of ladder.tracks) {
    names.push(track.id, track.name, track.equivalentLabel, ...track.axes.map((axis) => axis.name));
    for (const level of track.levels) names.push(level.id, level.title, level.code ?? '', ...level.aliases, ...level.axes.map((axis) => axis.name));
  }
  const known = new Set<string>();
  for (const name of names) {
    for (const word of name.split(NOT_LETTERS.for(name))) {
      if (word) {
        known.add(word);
        known.add(word.toLowerCase());
      }
    }
  }
  return known;
}

/** What lies between words. One expression for every use: compiling a Unicode class costs more than using it. */
const NOT_LETTERS = new Forms(/[^A-Za-z']+/, "[^\\p{L}\\p{M}'’]+", 'u');
/** An acronym (`SLO`, `APIs`), and a name with inner capitals (`DevOps`, `iOS`). */
const ACRONYM = new Forms(/^[A-Z]+'?s?$/, "^\\p{Lu}+'?s?$", 'u');
const INNER_CAPITAL = new Forms(/.[A-Z]/, '.\\p{Lu}', 'u');

/** What is not prose: addresses, e-mail addresses, code spans. */
const NOT_PROSE = /`[^`]*`|\b[a-z][a-z0-9+.-]*:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/gi;

/** What may hold an address or code: a text without it is not searched for them. */
const MAY_NOT_BE_PROSE = /[`@]|:\/\/|www\./i;

/** A plain word in small letters, the most common case: nothing to strip, and not an acronym. */
const PLAIN_WORD = /^[a-z]{2,}$/;

/** The words of a text worth checking, each as written. */
export function* wordsOf(text: string): Generator<string> {
  const prose = MAY_NOT_BE_PROSE.test(text) ? text.replace(NOT_PROSE, ' ') : text;
  for (const chunk of prose.split(/[\s/–—]+/)) {
    // A chunk with a digit is a version, a count or a code (`5Y`, `p99`), not a word.
    if (/\d/.test(chunk)) continue;
    for (const part of chunk.split(NOT_LETTERS.for(chunk))) {
      if (PLAIN_WORD.test(part)) {
        yield part;
        continue;
      }
      const word = part.replace(/’/g, "'").replace(/^'+|'+$/g, '');
      if (word.length < 2) continue;
      // Acronyms (`SLO`, `APIs`) and names with inner capitals (`DevOps`, `iOS`) are names, not dictionary words.
      if (ACRONYM.for(word).test(word) || INNER_CAPITAL.for(word).test(word)) continue;
      yield word;
    }
  }
}
