import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, root } from '../helpers/cli.js';
import { ladderOnPath } from '../helpers/shell.js';

/** The README's diff-driver recipe, run as it is written: the block that configures diff.ladder. */
const recipe = (() => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] as string).find((text) => text.includes('diff.ladder.textconv'));
  return (block ?? '').split('\n').filter((line) => line.startsWith('git config') || line.startsWith('echo'));
})();

describe('the git diff driver in the README, on a history with a broken commit', () => {
  let repo: string;
  const env = () => cleanEnv({ PATH: `${ladderOnPath()}:${process.env.PATH}`, GIT_CONFIG_NOSYSTEM: '1', HOME: repo });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env: env(), encoding: 'utf8' });
  const shipped = readFileSync(join(root, 'ladder.yaml'), 'utf8');

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ladder-git-'));
    git('init', '-q');
    for (const line of recipe) expect(spawnSync('sh', ['-c', line], { cwd: repo, env: env() }).status, line).toBe(0);
    const commit = (text: string, message: string) => {
      writeFileSync(join(repo, 'ladder.yaml'), text);
      git('add', '.');
      git('commit', '-qm', message);
    };
    commit(shipped, 'the shipped ladder');
    commit(shipped.replace('      - id: principal', '      - id principal'), 'a broken edit');
    commit(shipped.replace('Expert Linux system administration', 'Expert Linux and cloud system administration'), 'cloud');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('configures textconv, xfuncname and cachetextconv', () => {
    expect(recipe.join('\n')).toMatch(/diff\.ladder\.textconv[\s\S]*diff\.ladder\.xfuncname[\s\S]*diff\.ladder\.cachetextconv true/);
  });

  it('shows every version in git log -p, the broken one as its raw text', () => {
    const log = git('log', '-p', '--', 'ladder.yaml');
    expect(log.stderr).toBe('');
    expect(log.status).toBe(0);
    expect(log.stdout).toContain('+(not a valid ladder; the text as it is:)');
    expect(log.stdout).toContain('+      - id principal');
    expect(log.stdout).toContain('+### Principal Operations Engineer');
  });

  it('names the level a change is in, in the hunk header', () => {
    const diff = git('diff', 'HEAD~2', 'HEAD', '--', 'ladder.yaml');
    expect(diff.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@ ### Principal Operations Engineer \{#principal\}$/m);
    expect(diff.stdout).toContain('+Expert Linux and cloud system administration;');
  });

  it('names the level, not the axis above the change, for a ladder without a name, with the README\'s pattern for one', () => {
    const pattern = /for such a ladder use\s+`git config diff\.ladder\.xfuncname '([^']+)'`/.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1];
    expect(pattern).toBe('^## .+$');
    // The recipe's own line says so too, for whoever copies the block alone.
    expect(recipe.find((line) => line.includes('diff.ladder.xfuncname'))).toMatch(new RegExp(`# a ladder without name: '${(pattern ?? '').replace(/[.*+?^$()[\]\\]/g, '\\$&')}'$`));
    const nameless = (text: string) => text.replace(/^name: .*\n/m, '');
    writeFileSync(join(repo, 'nameless.yaml'), nameless(shipped));
    writeFileSync(join(repo, '.gitattributes'), `${readFileSync(join(repo, '.gitattributes'), 'utf8')}nameless.yaml diff=ladder\n`);
    git('add', '.');
    git('commit', '-qm', 'a ladder without a name');
    writeFileSync(join(repo, 'nameless.yaml'), nameless(shipped).replace('Expert Linux system administration', 'Expert Linux and cloud system administration'));
    const diff = git('-c', `diff.ladder.xfuncname=${pattern}`, 'diff', '--', 'nameless.yaml');
    expect(diff.stdout, diff.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@ ## Principal Operations Engineer \{#principal\}$/m);
    git('checkout', '--', 'nameless.yaml');
  });

  it('names the file, not git\'s temporary copy, when ladder changes is its difftool', () => {
    const tool = git('difftool', '-y', '-x', 'ladder changes', ':/the shipped ladder', ':/cloud', '--', 'ladder.yaml');
    expect(tool.stderr).toBe('');
    expect(tool.stdout.split('\n')[0]).toBe('a/ladder.yaml → b/ladder.yaml');
    expect(tool.stdout).toContain('Expert Linux {+and cloud +}system administration');
  });
});
