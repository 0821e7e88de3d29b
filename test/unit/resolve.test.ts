import { describe, expect, it } from 'vitest';
import { abbreviates } from '../../src/model/match.js';
import { foldAccents, normalizeName, slugify } from '../../src/model/names.js';
import { resolveAxis, resolveLevel, resolveLevelPair, resolveTrack } from '../../src/model/resolve.js';
import { caughtLadderError } from '../helpers/errors.js';
import { check, shipped } from '../helpers/ladders.js';

const ladder = shipped();
const id = (query: string, track?: string) => resolveLevel(ladder, query, track ? resolveTrack(ladder, track) : undefined).id;


describe('level name resolution', () => {
  it.each(ladder.levels.map((level) => [level.id, level]))('finds %s by id, title and every alias', (_, level) => {
    expect(id(level.id)).toBe(level.id);
    expect(id(level.title)).toBe(level.id);
    expect(id(level.title.toUpperCase())).toBe(level.id);
    for (const alias of level.aliases) expect(id(alias)).toBe(level.id);
  });

  it('ignores case, spaces and hyphens in exact names', () => {
    expect(id('SENIOR MANAGER')).toBe('senior-manager');
    expect(id('seniormanager')).toBe('senior-manager');
    expect(id('  lead operations   engineer ')).toBe('lead');
    expect(id('CTO')).toBe('svp');
  });

  it('matches words by prefix and in-order abbreviation, preferring matches that use every title word', () => {
    expect(id('ops eng')).toBe('engineer');
    expect(id('distinguished')).toBe('distinguished');
    expect(id('lead ops')).toBe('lead');
    expect(id('princ')).toBe('principal');
    expect(id('mgr')).toBe('manager');
    expect(id('vice pres')).toBe('vp');
    expect(id('ops admin')).toBe('admin');
  });

  it('lists equally good matches as ambiguous, with their ids', () => {
    const error = caughtLadderError(() => id('senior'));
    expect(error.code).toBe('ambiguous');
    expect(error.candidates).toEqual([
      { id: 'senior-manager', title: 'Senior Manager' },
      { id: 'svp', title: 'Senior Vice President / CTO / CIO' },
    ]);
    expect(caughtLadderError(() => id('ops')).candidates.map((candidate) => candidate.id)).toEqual(['admin', 'engineer', 'lead', 'principal', 'distinguished', 'fellow']);
    // `eng` abbreviates the whole of Operations Engineer's name within its track, `engineer`, and only part of the others'.
    expect(id('eng')).toBe('engineer');
  });

  it('suggests the closest ids and titles for an unknown name', () => {
    const error = caughtLadderError(() => id('principle'));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('no level matches `principle`');
    expect(error.hint).toBe('did you mean `principal` (Principal Operations Engineer)?');
    expect(caughtLadderError(() => id('vise president')).hint).toBe('did you mean `vp` (Vice President)?');
    expect(caughtLadderError(() => id('zzz')).hint).toBe('run `ladder list` to see every level');
  });

  it('folds letters that have no accent to drop (ø, ß, Ł, Æ, Œ), so a name typed without them finds the level', () => {
    const text = 'tracks:\n  - id: ic\n    name: IC\n    levels:\n      - id: soren\n        title: Søren Engineer\n      - id: other\n        title: Straße Łódź Æble Œuvre\n';
    const accented = check(text).ladder;
    if (!accented) throw new Error('the ladder is invalid');
    expect(resolveLevel(accented, 'Soren Engineer').id).toBe('soren');
    expect(resolveLevel(accented, 'strasse lodz aeble oeuvre').id).toBe('other');
  });

  it('takes a number in digits for the same number in Roman numerals, and the other way round', () => {
    const text = 'tracks:\n  - id: data\n    name: Data\n    levels:\n      - id: de1\n        title: Data Engineer I\n      - id: de2\n        title: Data Engineer II\n      - id: lead\n        title: Lead Data Engineer 3\n';
    const numbered = check(text).ladder;
    if (!numbered) throw new Error('the ladder is invalid');
    expect(resolveLevel(numbered, 'data eng 2').id).toBe('de2');
    expect(resolveLevel(numbered, 'engineer 1').id).toBe('de1');
    expect(resolveLevel(numbered, 'lead iii').id).toBe('lead');
    expect(caughtLadderError(() => resolveLevel(numbered, 'data eng 4')).code).toBe('not-found');
  });

  it('narrows the search to one track with --track', () => {
    expect(id('principal', 'ic')).toBe('principal');
    expect(id('senior manager', 'managers')).toBe('senior-manager');
    const error = caughtLadderError(() => id('principal', 'management'));
    expect(error.message).toBe('no level matches `principal` on track `management`');
    expect(error.hint).toBe('`principal` (Principal Operations Engineer) is on track `ic`');
  });

  it('rejects an unknown track and lists the known ones', () => {
    const error = caughtLadderError(() => resolveTrack(ladder, 'sales'));
    expect(error.code).toBe('not-found');
    expect(error.hint).toBe('tracks are `ic` and `management`');
    expect(resolveTrack(ladder, 'individual').id).toBe('ic');
  });
});

describe('axis resolution', () => {
  const principal = ladder.levelById.get('principal');
  if (!principal) throw new Error('principal missing');

  it('finds an axis by name or abbreviation', () => {
    expect(resolveAxis([principal], 'domain knowledge').name).toBe('Domain Knowledge');
    expect(resolveAxis([principal], 'teaching').name).toBe('Teaching and Mentoring');
    expect(resolveAxis([principal], 'cust').name).toBe('Customer Success');
  });

  it('lists the axes when none matches', () => {
    const error = caughtLadderError(() => resolveAxis([principal], 'sales'));
    expect(error.code).toBe('not-found');
    expect(error.hint).toBe('the axes are `Domain Knowledge`, `Teaching and Mentoring`, `Culture and Leadership` and `Customer Success`');
  });
});

describe('abbreviations', () => {
  it('needs the same first letter and the rest in order', () => {
    expect(abbreviates('ops', 'operations')).toBe(true);
    expect(abbreviates('eng', 'engineer')).toBe(true);
    expect(abbreviates('mgr', 'manager')).toBe(true);
    expect(abbreviates('pos', 'operations')).toBe(false);
    expect(abbreviates('opz', 'operations')).toBe(false);
  });
});

describe('numerals in names', () => {
  it('keep a range apart from the single numeral its letters run into', () => {
    expect(normalizeName('SE I-II')).not.toBe(normalizeName('SE III'));
    expect(normalizeName('L1-2')).not.toBe(normalizeName('L12'));
    expect(normalizeName('Staff II-Principal')).toBe(normalizeName('staff ii principal'));
  });

  it('still match a range however it is typed, and ignore separators elsewhere', () => {
    expect(normalizeName('se-i-ii')).toBe(normalizeName('SE I-II'));
    expect(normalizeName('SE I II')).toBe(normalizeName('SE I-II'));
    expect(normalizeName('Engineer-II')).toBe(normalizeName('Engineer II'));
    expect(normalizeName('senior-engineer-2')).toBe(normalizeName('Senior Engineer 2'));
    expect(normalizeName('Level 1')).toBe('level1');
  });
});

describe('letters outside ASCII', () => {
  it('fold to the letters people type: accents dropped, and ß, ø, ł, æ, œ and their kin written out', () => {
    expect(foldAccents('Søren Straße Łukasz Æsir Œuvre Maîtrise Þór')).toBe('Soren Strasse Lukasz AEsir OEuvre Maitrise Thor');
    expect(slugify('Straße Engineer')).toBe('strasse-engineer');
    expect(slugify('Søren Ørsted')).toBe('soren-orsted');
    expect(normalizeName('Søren Engineer')).toBe(normalizeName('Soren Engineer'));
  });
});

describe('names shared by the levels of several tracks', () => {
  // Three disciplines whose titles share different words: every title of `support` says `Support
  // Engineer`, `platform` has a level without `Engineer`, and `data` says `Data Engineer`.
  const track = (id: string, titles: string[]) =>
    `  - id: ${id}\n    name: ${id}\n    levels:\n${titles.map((title) => `      - id: ${slugify(title)}\n        title: ${title}\n        axes:\n          Craft: does the work of a ${title}\n`).join('')}`;
  const text = `tracks:\n${track('support', ['Support Engineer', 'Senior Support Engineer', 'Lead Support Engineer'])}${track('platform', ['Engineer', 'Senior Engineer', 'Lead Engineer', 'Fellow'])}${track('data', ['Data Engineer', 'Lead Data Engineer'])}`;
  const { ladder: organisation, diagnostics } = check(text);
  if (!organisation) throw new Error(JSON.stringify(diagnostics));
  const idOf = (level: { trackId: string; id: string }) => `${level.trackId}:${level.id}`;

  it('are ambiguous, although one track calls its level by that name alone', () => {
    const error = caughtLadderError(() => resolveLevel(organisation, 'lead'));
    expect(error.code).toBe('ambiguous');
    expect(error.candidates.map((candidate) => candidate.id)).toEqual(['support:lead-support-engineer', 'platform:lead-engineer', 'data:lead-data-engineer']);
  });

  it('are taken on the track of the level named with them, in either order', () => {
    expect(resolveLevelPair(organisation, 'engineer', 'lead').map(idOf)).toEqual(['platform:engineer', 'platform:lead-engineer']);
    expect(resolveLevelPair(organisation, 'lead', 'data engineer').map(idOf)).toEqual(['data:lead-data-engineer', 'data:data-engineer']);
    expect(resolveLevelPair(organisation, 'support engineer', 'senior').map(idOf)).toEqual(['support:support-engineer', 'support:senior-support-engineer']);
  });

  it('are told apart by a track named as --track names it, by a word or an abbreviation of its name', () => {
    expect(idOf(resolveLevel(organisation, 'plat:lead'))).toBe('platform:lead-engineer');
    expect(idOf(resolveLevel(organisation, 'sup:lead'))).toBe('support:lead-support-engineer');
  });

  it('stay ambiguous when both names are', () => {
    expect(caughtLadderError(() => resolveLevelPair(organisation, 'lead', 'senior')).code).toBe('ambiguous');
  });
});
