import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_WORD, STARTS_CAPITAL, STARTS_SMALL, WORD_RUN } from '../../src/check/lint/letters.js';
import { wordsOf } from '../../src/check/lint/spelling.js';

// The Unicode forms, written out: what each pair must read ASCII text as.
const unicode = { notWord: /[^\p{L}\p{N}]+/gu, wordRun: /[\p{L}\p{N}]+/gu, small: /^\p{Ll}/u, capital: /^\p{Lu}/u };
const ascii = fc.string({ unit: fc.constantFrom(...' aZ09\'-_.,;:!?`@/\t\n'), maxLength: 30 });

describe('letter classes', () => {
  it('read ASCII text as their Unicode forms do', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(text.replace(NOT_WORD.for(text), ' ')).toBe(text.replace(unicode.notWord, ' '));
        expect(text.match(WORD_RUN.for(text))).toEqual(text.match(unicode.wordRun));
        expect(STARTS_SMALL.for(text).test(text)).toBe(unicode.small.test(text));
        expect(STARTS_CAPITAL.for(text).test(text)).toBe(unicode.capital.test(text));
      }),
    );
  });

  it('read text outside ASCII by its Unicode letters', () => {
    expect('Ölçer, naïve—déjà'.replace(NOT_WORD.for('Ölçer, naïve—déjà'), ' ')).toBe('Ölçer naïve déjà');
    expect(STARTS_CAPITAL.for('Élan').test('Élan')).toBe(true);
    expect(STARTS_SMALL.for('ébauche').test('ébauche')).toBe(true);
  });

  it('give the spelling rule the same words in either form', () => {
    expect([...wordsOf("Owns the team's APIs, DevOps and naïve résumés; can't")]).toEqual(["Owns", 'the', "team's", 'and', 'naïve', 'résumés', "can't"]);
  });
});
