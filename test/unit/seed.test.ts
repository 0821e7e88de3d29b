import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';
import { shipped } from '../helpers/ladders.js';

/** The seed's prose paragraphs with Markdown emphasis removed; headings and equivalence lines are structure, not prose. */
function seedParagraphs(): string[] {
  return readFileSync(fixture('operations-ladder.md'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('**'))
    .map((line) => line.replace(/^_(.*)_$/, '$1').replace(/^Note: /, ''));
}

describe('the shipped ladder.yaml', () => {
  const ladder = shipped();
  const texts = [
    ...ladder.tracks.map((track) => track.description ?? ''),
    ...ladder.levels.flatMap((level) => [level.description ?? '', level.note ?? '', ...level.axes.map((axis) => axis.text)]),
  ];

  it('holds every paragraph of the seed word for word', () => {
    const paragraphs = seedParagraphs();
    expect(paragraphs).toHaveLength(37);
    for (const paragraph of paragraphs) expect(texts, paragraph).toContain(paragraph);
  });

  it('has the seed headings as titles, in order, and its axes as axis names', () => {
    const headings = readFileSync(fixture('operations-ladder.md'), 'utf8').split('\n');
    const titles = headings.filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
    expect(ladder.levels.map((level) => level.title)).toEqual(titles);
    const tracks = headings.filter((line) => line.startsWith('# ')).map((line) => line.slice(2));
    expect(ladder.tracks.map((track) => track.name)).toEqual(tracks);
    const axisNames = new Set(headings.filter((line) => line.startsWith('### ')).map((line) => line.slice(4)));
    expect(new Set(ladder.levels.flatMap((level) => level.axes.map((axis) => axis.name)))).toEqual(axisNames);
  });

  it('uses the short ids and equivalents of the operations ladder', () => {
    expect(ladder.levels.map((level) => level.id)).toEqual(['admin', 'engineer', 'lead', 'principal', 'distinguished', 'fellow', 'manager', 'senior-manager', 'director', 'vp', 'svp']);
    const pairs = Object.fromEntries(ladder.levels.map((level) => [level.id, level.declaredEquivalent ?? null]));
    expect(pairs).toEqual({ admin: null, engineer: null, lead: 'manager', principal: 'senior-manager', distinguished: 'director', fellow: 'vp', manager: 'lead', 'senior-manager': 'principal', director: 'distinguished', vp: 'fellow', svp: null });
  });

  it('starts with a schema modeline', () => {
    expect(readFileSync(fixture('../../ladder.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/ladder.schema.json');
  });
});
