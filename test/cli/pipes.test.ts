import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, root } from '../helpers/cli.js';
import { ladderOnPath } from '../helpers/shell.js';

/** Runs a shell pipeline with this checkout's `ladder` first on PATH. */
function sh(pipeline: string, input?: string) {
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', pipeline], { cwd: root, input, encoding: 'utf8', env: cleanEnv({ PATH: `${ladderOnPath()}:${process.env.PATH}` }) });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const titles = ['Operations Admin', 'Operations Engineer', 'Lead Operations Engineer', 'Principal Operations Engineer', 'Distinguished Operations Engineer', 'Operations Fellow', 'Manager', 'Senior Manager', 'Director', 'Vice President', 'Senior Vice President / CTO / CIO'];

describe('in a shell pipeline', () => {
  it('round-trips ids through xargs: every level shows as JSON, in order', () => {
    const { stdout, stderr } = sh('ladder list --ids | xargs -n1 ladder show --format json | node -e "let s=\'\';process.stdin.on(\'data\',d=>s+=d).on(\'end\',()=>{for (const v of s.split(/\\n(?=\\{)/)) console.log(JSON.parse(v).title)})"');
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual(titles);
  });

  it('exits quietly when the reader goes away early', () => {
    for (const pipeline of ['ladder list | head -1', 'ladder show principal | head -2', 'ladder equiv | head -1', 'ladder diff engineer lead --all | head -1']) {
      const { stderr, status } = sh(pipeline);
      expect({ pipeline, stderr, status }).toEqual({ pipeline, stderr: '', status: 0 });
    }
    expect(sh('ladder list | head -1').stdout).toBe('admin           Operations Admin                   ic          n/a\n');
  });

  it('keeps the status a failed check would have had when its reader goes away early', () => {
    const broken = 'tracks: [\n';
    expect(sh('ladder -f - validate 2>&1 | head -1', broken)).toMatchObject({ status: 3 });
    expect(sh('ladder -f - validate --json | head -1', broken)).toMatchObject({ stderr: '', status: 3 });
  });

  it('ends with one line and exit 74 when standard output cannot be written', () => {
    expect(sh('ladder export --format html > /dev/full')).toEqual({ stdout: '', stderr: 'ladder: error: cannot write to standard output: ENOSPC\n', status: 74 });
  });

  it('does not take the file the shell made for its output for the ladder (`export > ladder.md`)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ladder-redirect-'));
    try {
      const exported = sh(`cd '${folder}' && ladder export > ladder.md`);
      expect(exported.status).toBe(0);
      expect(exported.stderr).toBe("ladder: ladder.md is where this command's output goes, so it was not read as the ladder\n");
      const { stdout, stderr, status } = sh(`cd '${folder}' && ladder list --format tsv`);
      expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
      expect(stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[1])).toEqual(titles);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a ladder from stdin, for example from git show', () => {
    const text = readFileSync(join(root, 'ladder.yaml'), 'utf8');
    expect(sh('ladder -f - show lead --json | grep -c \'"id": "lead"\'', text).stdout).toBe('1\n');
    expect(sh('ladder -f - validate', text).stdout).toBe('<stdin>: valid (11 levels, 2 tracks)\n');
  });

  it('makes grep hits say where they came from', () => {
    const { stdout } = sh('for id in $(ladder list --ids); do ladder show "$id"; done | grep on-call');
    expect(stdout).toBe([
      'engineer: Domain Knowledge: participate in an on-call rotation.',
      'lead: Domain Knowledge: participates in an on-call rotation.',
      'principal: Domain Knowledge: provide on-call escalation.',
      '',
    ].join('\n'));
  });
});
