import { Lexer, Tokenizer } from 'marked';
import type { Rules } from 'marked';

/**
 * The longest local part of an email address (RFC 5321 allows 64 octets) that GFM's email
 * autolinks are looked for with. marked looks ahead, at almost every token, for `…@` over the
 * whole run of characters an address may hold; in a paragraph of `_a_a_a…`, `*a*a…` or
 * `a.a.a.…@b` that run is the paragraph, so each token scanned the rest of it: quadratic. Bounded,
 * each look is at most this long. A longer run before an `@` is read as text, word for word, not
 * as an address (the reader keeps an autolink's text either way).
 */
const LOCAL_PART = 64;

/** An unbounded run of the characters of an address's local part, just before its `@`. */
const LOCAL_PART_RUN = /(\[[^\]]*\])\+(\(?@)/g;

/** The GFM rules with every look for an email's local part bounded; once, on first use. */
let boundedRules: { text: RegExp; url: RegExp } | undefined;

function bounded(rule: RegExp): RegExp {
  const source = rule.source.replace(LOCAL_PART_RUN, `$1{1,${LOCAL_PART}}$2`);
  // marked's rules are its own: should a version write them otherwise, reading must not silently turn quadratic again.
  if (source === rule.source) throw new Error(`marked's inline rule no longer has an email lookahead to bound: ${rule.source.slice(0, 80)}`);
  return new RegExp(source, rule.flags);
}

/** A GFM Markdown lexer whose inline lexing is linear in its input (see LOCAL_PART). */
export function markdownLexer(): Lexer {
  const tokenizer = new Tokenizer();
  // The lexer gives its tokenizer the GFM rules; they are bounded once it has.
  const lexer = new Lexer({ gfm: true, tokenizer });
  const rules: Rules = tokenizer.rules;
  boundedRules ??= { text: bounded(rules.inline.text), url: bounded(rules.inline.url) };
  tokenizer.rules = { ...rules, inline: { ...rules.inline, ...boundedRules } };
  return lexer;
}
