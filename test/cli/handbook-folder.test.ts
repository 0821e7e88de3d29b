import { describe, expect, it } from 'vitest';
import { fixture, ladder } from '../helpers/cli.js';

// A handbook's folder: two pages of titles (tables of levels) beside pages of perks and rituals,
// whose headings would otherwise be read as levels.
const HANDBOOK = fixture('handbook');
const tracksOf = (yaml: string) => [...yaml.matchAll(/^ {2}- id: (\S+)\n {4}name: (.*)$/gm)].map((match) => match[2]);

describe('a folder of handbook pages beside pages of a ladder', () => {
  it('reads the ladder pages and skips the others, each named in a warning and in --explain', () => {
    const imported = ladder(['import', '.'], { cwd: HANDBOOK });
    expect(imported.status).toBe(0);
    expect(tracksOf(imported.stdout)).toEqual(['Titles for Bakers', 'Titles for Drivers']);
    expect(imported.stderr).toMatch(/^perks\.md:1:1: warning: skipped: this page holds no ladder \(.*`Bread Allowance`.*\); its 32 words left out/m);
    expect(imported.stderr).toMatch(/import with --keep-page rituals\.md/);
    expect(imported.stderr).toMatch(/^import: 2 tracks, 5 levels, 4 axes; 66 words left out/m);
    const explained = ladder(['import', '--explain', '.'], { cwd: HANDBOOK });
    expect(explained.stdout).toMatch(/^rituals\.md\n +1 {2}page rituals\.md +skipped {2}not a ladder page: /m);
    expect(explained.stdout).toMatch(/## Who plans the routes +prose/);
  });

  it('reads a page it would skip with --keep-page, and leaves out a ladder page with --skip-page', () => {
    const kept = ladder(['import', '--keep-page', 'perks.md', '.'], { cwd: HANDBOOK });
    expect(kept.status).toBe(0);
    expect(tracksOf(kept.stdout)).toContain('Perks');
    expect(kept.stderr).not.toMatch(/^perks\.md.*skipped/m);
    const skipped = ladder(['import', '--skip-page', 'titles-for-drivers.md', '.'], { cwd: HANDBOOK });
    expect(skipped.status).toBe(0);
    expect(tracksOf(skipped.stdout)).toEqual(['Titles for Bakers']);
    expect(skipped.stderr).toMatch(/^titles-for-drivers\.md:1:1: warning: skipped, as skip-page says; its \d+ words left out/m);
  });

  it('reads the same ladder as an organisation with -f', () => {
    const listed = ladder(['-f', HANDBOOK, 'list', '--ids']);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(['junior-baker', 'baker', 'senior-baker', 'driver', 'senior-driver']);
  });
});
