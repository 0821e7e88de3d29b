import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, fixture, ladder } from '../helpers/cli.js';
import { hasProgram, ladderOnPath, typeInTmux } from '../helpers/shell.js';

const complete = (...words: string[]) => ladder(['__complete', '--', ...words]).stdout.trim().split('\n');

describe('the completion engine', () => {
  it('completes commands, options and --format values', () => {
    expect(complete('')).toEqual(['words', 'show', 'diff', 'equiv', 'which', 'list', 'search', 'next', 'path', 'checklist', 'changes', 'assess', 'validate', 'lint', 'init', 'import', 'export', 'completion']);
    expect(complete('path', 'adm')).toEqual(['words', 'admin']);
    expect(complete('export', '--format', 'h')).toEqual(['words', 'html']);
    expect(complete('show', '--fo')).toEqual(['words', '--format']);
    expect(complete('diff', '--format', '')).toEqual(['words', 'text', 'json', 'yaml', 'tsv', 'md']);
  });

  it('completes level ids, titles and aliases, and track names', () => {
    expect(complete('show', 'pri')).toEqual(['words', 'principal']);
    expect(complete('show', 'Pri')).toEqual(['words', 'Principal Operations Engineer', 'Principal Engineer']);
    expect(complete('equiv', 'c')).toEqual(['words', 'cto', 'cio']);
    expect(complete('list', '--track', '')).toEqual(['words', 'ic', 'Individual Contributors', 'management', 'Managers']);
  });

  it('completes titles of several words however they were begun, values after --format=, and nothing past the last argument', () => {
    expect(complete('show', 'Principal\\ Op')).toEqual(['words', 'Principal Operations Engineer']);
    expect(complete('show', '"Principal Op')).toEqual(['words', 'Principal Operations Engineer']);
    expect(complete('show', "'Senior Vice")).toEqual(['words', 'Senior Vice President / CTO / CIO']);
    expect(complete('list', '--format=y')).toEqual(['words', '--format=yaml']);
    expect(complete('list', '--format', '=', 'j')).toEqual(['words', 'json']);
    expect(complete('diff', 'admin', 'lead', '')).toEqual(['words']);
    expect(complete('show', '--track', 'management', 'S')).toEqual(['words', 'Senior Manager', 'Senior Vice President / CTO / CIO']);
  });

  it('completes the options of assess new, with levels after --level and --target, and a file after -o', () => {
    expect(complete('assess', 'new', '--')).toEqual(expect.arrayContaining(['words', '--level', '--target', '--output', '--schema']));
    expect(complete('assess', 'new', '--level', 'eng')).toEqual(['words', 'engineer']);
    expect(complete('assess', 'new', '--level', 'engineer', '--target', 'l')).toEqual(['words', 'lead']);
    expect(complete('assess', 'new', '--target=l')).toEqual(['words', '--target=lead']);
    expect(complete('assess', 'new', '-o', '')).toEqual(['files']);
  });

  it('asks for file names where a path goes', () => {
    expect(complete('-f', '')).toEqual(['files']);
    expect(complete('validate', '')).toEqual(['files']);
    expect(complete('import', '')).toEqual(['files']);
  });

  it('reads levels from the ladder named on the line being completed', () => {
    const dir = ladderOnPath();
    const file = `${dir}/other.yaml`;
    spawnSync('sh', ['-c', `printf 'tracks:\\n  - id: t\\n    name: T\\n    levels:\\n      - id: wizard\\n        title: Wizard\\n' > ${file}`]);
    expect(complete('-f', file, 'show', 'w')).toEqual(['words', 'wizard']);
    expect(ladder(['__complete', '--', 'show', 'w'], { env: { LADDER_FILE: file } }).stdout).toBe('words\nwizard\n');
  });

  it('prints a script for each shell', () => {
    for (const shell of ['bash', 'zsh', 'fish']) expect(ladder(['completion', shell]).stdout).toContain('ladder __complete --');
    expect(ladder(['completion', 'tcsh']).status).toBe(2);
  });
});

describe('bash completion', () => {
  it.skipIf(!hasProgram('bash'))('registers with complete and offers principal for `ladder show pri`', () => {
    const script = [
      'source <(ladder completion bash)',
      'complete -p ladder',
      'COMP_WORDS=(ladder show pri); COMP_CWORD=2; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder show Principal); COMP_CWORD=2; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder list --format t); COMP_CWORD=3; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder show \'Principal\\ Op\'); COMP_CWORD=2; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder show \'"Principal Op\'); COMP_CWORD=2; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: cleanEnv({ PATH: `${ladderOnPath()}:${process.env.PATH}` }) });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      'complete -F _ladder_complete ladder',
      'reply:principal',
      'reply:Principal\\ Operations\\ Engineer',
      'reply:Principal\\ Engineer',
      'reply:text',
      'reply:tsv',
      'reply:Principal\\ Operations\\ Engineer',
      'reply:"Principal Operations Engineer"',
      '',
    ]);
  });

  it.skipIf(!hasProgram('bash'))('offers --format= values, a track\'s levels after TRACK:, and assess new\'s levels, as bash splits the words', () => {
    // bash makes `=` and `:` words of their own (COMP_WORDBREAKS); the reply replaces only the word after them.
    const script = [
      'source <(ladder completion bash)',
      'COMP_WORDS=(ladder list --format = ""); COMP_CWORD=4; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder show data : data-l); COMP_CWORD=4; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
      'COMP_WORDS=(ladder assess new --target data : data-l); COMP_CWORD=6; _ladder_complete; printf "reply:%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: cleanEnv({ PATH: `${ladderOnPath()}:${process.env.PATH}`, LADDER_FILE: fixture('organisation-repeated') }) });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual(['reply:text', 'reply:json', 'reply:yaml', 'reply:tsv', 'reply:md', 'reply:data-lead', 'reply:data-lead', '']);
  });

  it.skipIf(!hasProgram('bash'))('offers a name made of glob characters as it is, without expanding it', () => {
    const dir = ladderOnPath();
    const file = `${dir}/globs.yaml`;
    spawnSync('sh', ['-c', `printf 'tracks:\\n  - id: t\\n    name: T\\n    levels:\\n      - id: star\\n        title: Star\\n        aliases: ["/*/*/*/*", "/?"]\\n' > ${file}`]);
    const script = `source <(ladder completion bash)\nCOMP_WORDS=(ladder -f ${file} show /); COMP_CWORD=4; _ladder_complete; printf "reply:%s\\n" "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', timeout: 10_000, env: cleanEnv({ PATH: `${dir}:${process.env.PATH}` }) });
    expect(result.stdout.split('\n')).toEqual(['reply:/\\*/\\*/\\*/\\*', 'reply:/\\?', '']);
  });

  it('leaves out candidates that hold control or bidi characters', () => {
    const dir = ladderOnPath();
    const file = `${dir}/bidi.yaml`;
    spawnSync('sh', ['-c', `printf 'tracks:\\n  - id: t\\n    name: T\\n    levels:\\n      - id: plain\\n        title: Plain\\n        aliases: ["P\\\\u202egnp", "P\\\\u061c"]\\n' > ${file}`]);
    expect(complete('-f', file, 'show', 'P')).toEqual(['words', 'Plain']);
  });

  it.skipIf(!hasProgram('tmux') || !hasProgram('bash'))('completes `ladder show pri<TAB>` in an interactive bash', () => {
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, PS1: '$ ', TERM: 'xterm', HOME: '/nonexistent' };
    const [, screen] = typeInTmux(['bash', '--norc', '--noprofile', '-i'], env, [
      { keys: ['source <(ladder completion bash); echo ready', 'Enter'], until: /^ready$/m },
      { keys: ['ladder show pri', 'Tab'], until: /ladder show principal/ },
    ]);
    expect(screen).toMatch(/\$ ladder show principal/);
  });

  it.skipIf(!hasProgram('tmux') || !hasProgram('bash'))('completes a title of several words and a --format= value in an interactive bash', () => {
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, PS1: '$ ', TERM: 'xterm', HOME: '/nonexistent' };
    const [, title, format] = typeInTmux(['bash', '--norc', '--noprofile', '-i'], env, [
      { keys: ['source <(ladder completion bash); echo ready', 'Enter'], until: /^ready$/m },
      { keys: ['ladder show Principal\\ Op', 'Tab'], until: /Principal\\ Operations\\ Engineer/ },
      { keys: ['C-u', 'ladder list --format=y', 'Tab'], until: /--format=yaml/ },
    ]);
    expect(title).toMatch(/\$ ladder show Principal\\ Operations\\ Engineer/);
    expect(format).toMatch(/\$ ladder list --format=yaml/);
  });
  it.skipIf(!process.env.CI && (!hasProgram('tmux') || !hasProgram('bash')))('completes a qualified name, TRACK:LEVEL, though bash splits words at the colon', () => {
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, PS1: '$ ', TERM: 'xterm', HOME: '/nonexistent', LADDER_FILE: fixture('organisation-repeated') };
    const [, qualified] = typeInTmux(['bash', '--norc', '--noprofile', '-i'], env, [
      { keys: ['source <(ladder completion bash); echo ready', 'Enter'], until: /^ready$/m },
      { keys: ['ladder show data:data-l', 'Tab'], until: /data:data-lead/ },
    ]);
    expect(qualified).toMatch(/\$ ladder show data:data-lead/);
  });
});

describe('zsh completion', () => {
  // CI installs zsh and tmux (.ci/run); elsewhere the test runs when they are there.
  it.skipIf(!process.env.CI && (!hasProgram('tmux') || !hasProgram('zsh')))('completes `ladder show pri<TAB>` in an interactive zsh', () => {
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, PS1: '$ ', TERM: 'xterm', HOME: '/nonexistent' };
    const [, level, format, title, target] = typeInTmux(['zsh', '-f', '-i'], env, [
      { keys: ['autoload -Uz compinit && compinit -u && source <(ladder completion zsh) && echo ready', 'Enter'], until: /^ready$/m },
      { keys: ['ladder show pri', 'Tab'], until: /ladder show principal/ },
      { keys: ['C-u', 'ladder list --format y', 'Tab'], until: /ladder list --format yaml/ },
      { keys: ['C-u', 'ladder show Principal\\ Op', 'Tab'], until: /Principal\\ Operations\\ Engineer/ },
      { keys: ['C-u', 'ladder assess new --level engineer --target le', 'Tab'], until: /--target lead/ },
    ]);
    expect(target).toMatch(/\$ ladder assess new --level engineer --target lead/);
    expect(level).toMatch(/\$ ladder show principal/);
    expect(format).toMatch(/\$ ladder list --format yaml/);
    expect(title).toMatch(/\$ ladder show Principal\\ Operations\\ Engineer/);
  });
});

describe('fish completion', () => {
  // CI installs fish and tmux (.ci/run); elsewhere the test runs when they are there.
  it.skipIf(!process.env.CI && (!hasProgram('tmux') || !hasProgram('fish')))('completes a title of several words and a --format= value in an interactive fish', () => {
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, TERM: 'xterm', HOME: '/nonexistent' };
    const [, title, format, target] = typeInTmux(['fish', '--no-config', '-i'], env, [
      { keys: ['ladder completion fish | source; echo ready', 'Enter'], until: /^ready$/m },
      { keys: ['ladder show Principal\\ Op', 'Tab'], until: /Principal\\ Operations\\ Engineer/ },
      { keys: ['C-u', 'ladder list --format=y', 'Tab'], until: /--format=yaml/ },
      { keys: ['C-u', 'ladder assess new --level engineer --target le', 'Tab'], until: /--target lead/ },
    ]);
    expect(target).toMatch(/ladder assess new --level engineer --target lead/);
    expect(title).toMatch(/ladder show Principal\\ Operations\\ Engineer/);
    expect(format).toMatch(/ladder list --format=yaml/);
  });
});
