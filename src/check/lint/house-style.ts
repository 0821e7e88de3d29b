import type { ClauseEntry } from './clauses.js';
import type { LintContext, LintRule, RuleFinding, RuleInfo } from './rule.js';
import { Forms, STARTS_SMALL } from './letters.js';

const info = (id: string, name: string, short: string, full: string, help: string): RuleInfo => ({ id: `house-style/${id}`, name, short, full, help });

/**
 * `house-style/…`: how clauses are written. A clause "begins" a sentence when it is a list item or
 * the first clause of an axis text, and "ends" one when it is a list item or the text's last
 * clause: the clauses in between are parts of a sentence joined by semicolons, and are held to
 * neither rule about capitals and full stops.
 */
export const houseStyle: LintRule = {
  family: 'house-style',
  rules: [
    info(
      'trailing-punctuation',
      'TrailingPunctuation',
      'An item that ends differently from the others (or, by a style guide, with a full stop).',
      'By default, items (list items and the ends of axis texts) that end with a full stop where most do not, or the other way round. With `style: none` every item that ends with a full stop, and with `style: full-stop` every item that does not.',
      'End the item as the others end, or set the style in .ladderlint.yaml.',
    ),
    info('initial-capital', 'InitialCapital', 'An item that starts with a small letter.', 'A list item, or the first clause of an axis text, that starts with a lower-case letter.', 'Start the item with a capital letter.'),
    info('qualifiers', 'Qualifier', 'A qualifier such as "pretty" or "mostly".', 'A clause that hedges with a qualifier word ("pretty", "mostly", "fairly", …), which makes an expectation impossible to assess.', 'Say what is expected without the qualifier, or say how much is enough.'),
    info('can-able', 'CanOrAbleTo', 'An expectation written as an ability ("can write tests") rather than as what the person does.', 'A clause that says what someone can do, is able to do or is capable of, rather than what they do: "writes tests", not "can write tests".', 'Say what the person does: "writes tests", not "can write tests".'),
    info('and-join', 'TwoExpectations', 'A clause that joins two expectations with "and".', 'A clause of two parts, each with its own verb, joined by "and" ("designs services and mentors others"): two expectations that a person may meet one of.', 'Split the clause in two, one expectation each.'),
    info('length', 'LongClause', 'A clause longer than the limit (40 words by default).', 'A clause with more words than `maxWords` (40 by default, 25 in the style-guide preset): too long to read at a glance or to assess.', 'Split the clause, or say it in fewer words.'),
  ],
  run(context) {
    return [...trailingPunctuation(context), ...perClause(context)];
  },
};

const finding = (rule: string, clause: ClauseEntry, message: string, find = clause.text): RuleFinding => ({ rule: `house-style/${rule}`, level: clause.level, axis: clause.axis, text: clause.text, message, place: { path: clause.path, find } });

const endsWithStop = (text: string) => /\.["')\]]?$/.test(text);

function trailingPunctuation({ clauses, settings }: LintContext): RuleFinding[] {
  const options = settings('house-style/trailing-punctuation');
  if (!options) return [];
  const items = clauses.filter((clause) => clause.ends);
  const stops = items.filter((clause) => endsWithStop(clause.text)).length;
  let style = options.style ?? 'consistent';
  if (style === 'consistent') {
    // Only a clear majority sets the style; an even split is not a house style to hold anyone to.
    if (stops * 3 >= items.length * 2) style = 'full-stop';
    else if (stops * 3 <= items.length) style = 'none';
    else return [];
  }
  const because = options.style === 'consistent' || options.style === undefined ? ` (${stops} of ${items.length} items end with one)` : '';
  return items.flatMap((clause) => {
    if (style === 'none' && endsWithStop(clause.text)) return [finding('trailing-punctuation', clause, `ends with a full stop${because}`)];
    if (style === 'full-stop' && !endsWithStop(clause.text)) return [finding('trailing-punctuation', clause, `does not end with a full stop${because}`)];
    return [];
  });
}

/** Phrases of ability rather than of action, at a word boundary. */
const ABILITY = /\b(can|could|is able to|are able to|able to|is capable of|capable of)\b/i;

function perClause({ clauses, settings }: LintContext): RuleFinding[] {
  const capital = settings('house-style/initial-capital');
  const qualifiers = settings('house-style/qualifiers');
  const qualifier = qualifiers?.words?.length ? new RegExp(`\\b(${qualifiers.words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i') : undefined;
  const ability = settings('house-style/can-able');
  const andJoin = settings('house-style/and-join');
  const length = settings('house-style/length');
  const findings: RuleFinding[] = [];
  for (const clause of clauses) {
    const { text } = clause;
    if (capital && clause.starts && STARTS_SMALL.for(text).test(text)) findings.push(finding('initial-capital', clause, 'starts with a small letter'));
    const hedge = qualifier?.exec(text);
    if (hedge) findings.push(finding('qualifiers', clause, `qualifier \`${hedge[1]}\``, hedge[0]));
    const can = ability ? ABILITY.exec(text) : null;
    if (can) findings.push(finding('can-able', clause, `"${can[0]}" says what someone is able to do, not what they do`, can[0]));
    if (andJoin && joinsTwo(text)) findings.push(finding('and-join', clause, 'joins two expectations with "and"'));
    const words = text.split(/\s+/).filter(Boolean).length;
    if (length && words > (length.maxWords ?? 40)) findings.push(finding('length', clause, `${words} words (at most ${length.maxWords ?? 40})`));
  }
  return findings;
}

/** What lies between words, hyphens and apostrophes kept in them. */
const NOT_IN_WORDS = new Forms(/[^A-Za-z'-]+/, "[^\\p{L}'-]+", 'u');

/**
 * Whether "and" joins two parts that each start with a verb in the third person (`designs …
 * and mentors …`): both sides of three words or more, the clause's first word and the word after
 * "and" ending in -s as such verbs do. Lists of nouns (`product, support, and other teams`) do not.
 */
function joinsTwo(text: string): boolean {
  const words = text.toLowerCase().split(NOT_IN_WORDS.for(text)).filter(Boolean);
  const verb = (word: string | undefined) => word !== undefined && word.length > 3 && /[^s]s$/.test(word);
  for (let i = 3; i < words.length - 3; i += 1) {
    if (words[i] === 'and' && verb(words[0]) && verb(words[i + 1])) return true;
  }
  return false;
}
