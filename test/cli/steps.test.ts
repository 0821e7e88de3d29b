import { describe, expect, it } from 'vitest';
import { ladder, stripAnsi } from '../helpers/cli.js';

describe('path, next and diff options', () => {
  it('says there is nothing to walk from a level to itself', () => {
    expect(ladder(['path', 'admin', 'admin'])).toEqual({ stdout: 'Operations Admin and Operations Admin are the same level: there is nothing to walk\n', stderr: '', status: 0 });
  });

  it('prints one step once, without an overall section that would repeat it', () => {
    const { stdout } = ladder(['path', 'engineer', 'lead']);
    expect(stdout).toContain('Step 1 of 1');
    expect(stdout).not.toContain('Overall');
  });

  it('shows what each step does not restate, and takes --all and --axis', () => {
    const { stdout } = ladder(['path', 'admin', 'lead', '--axis', 'teaching']);
    expect(stdout).toContain("Teaching and Mentoring: - Can help new hires and interns get up to speed with the team's style and existing tools and best practices.");
    expect(stdout).not.toMatch(/^Domain Knowledge:/m);
    expect(stdout).toMatch(/1 axis: 3 added, 1 not restated, 0 changed, 0 unchanged/);
    const twoLevels = 'tracks:\n  - id: t\n    name: T\n    levels:\n      - id: a\n        title: A\n        axes:\n          Craft: writes code; tests it\n      - id: b\n        title: B\n        axes:\n          Craft: writes code; designs it\n';
    expect(ladder(['-f', '-', 'path', 'a', 'b', '--all'], { input: twoLevels }).stdout).toContain('Craft: = writes code');
    expect(ladder(['-f', '-', 'path', 'a', 'b'], { input: twoLevels }).stdout).not.toContain('Craft: = writes code');
  });

  it('narrows diff and next to the axes named', () => {
    expect(ladder(['diff', 'engineer', 'lead', '--axis', 'domain']).stdout.split('\n').filter((line) => /^\w[^:]*: [-+~=] /.test(line)).every((line) => line.startsWith('Domain Knowledge: '))).toBe(true);
    const next = ladder(['next', 'engineer', '--axis', 'customer', '--json']);
    expect(JSON.parse(next.stdout).diff.sections.map((section: { name: string }) => section.name)).toEqual(['Customer Success']);
    expect(ladder(['diff', 'engineer', 'lead', '--axis', 'nosuch']).status).toBe(1);
  });

  it('shows an axis only some of the levels shown have, and names it absent for the rest', () => {
    const { stdout, status } = ladder(['show', 'lead', 'manager', '--axis', 'domain']);
    expect(status).toBe(0);
    expect(stdout).toContain('lead: Domain Knowledge: High level Linux system administration');
    expect(stdout).toContain('manager: absent axis: Domain Knowledge');
  });
});

describe('equiv --track', () => {
  it('keeps the two-column mapping, limited to that track’s rows', () => {
    const lines = ladder(['equiv', '--track', 'management']).stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Managers +Individual Contributors$/);
    expect(lines[1]).toMatch(/^Manager \(manager\) +Lead Operations Engineer \(lead\)$/);
    expect(ladder(['equiv', '--track', 'management', '--format', 'md']).stdout.split('\n')[0]).toBe('| Managers | Individual Contributors |');
  });
});

describe('--color on a pipe', () => {
  it('changes the colour only, never the layout', () => {
    const plain = ladder(['diff', 'engineer', 'lead']).stdout;
    const coloured = ladder(['diff', 'engineer', 'lead', '--color']).stdout;
    expect(coloured).not.toBe(plain);
    const changed = (text: string) => text.split('\n').filter((line) => line.startsWith('Domain Knowledge: ~')).length;
    expect(changed(coloured)).toBe(changed(plain));
    expect(changed(plain)).toBeGreaterThan(0);
    expect(stripAnsi(coloured).split('\n').length).toBe(plain.split('\n').length);
  });
});
