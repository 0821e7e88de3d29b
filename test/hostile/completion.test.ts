import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProgram, ladderOnPath, typeInTmux } from '../helpers/shell.js';
import { scratch } from './run.js';

/**
 * Completion must never run a command: a level title holding `$(…)`, a backtick, a quote or `!`,
 * completed inside the quote the user began the word with, is typed into a real bash and run.
 */
const work = scratch('completion');
const TITLE = 'Sta $(touch made-by-dollar) `touch made-by-backtick` "q" it\'s \\ end';

describe('bash completion of a title that holds shell syntax', () => {
  it.skipIf(!process.env.CI && (!hasProgram('tmux') || !hasProgram('bash')))('is inserted as text inside a double or a single quote, and running the line runs nothing else', () => {
    const dir = work.folder('dollar title');
    writeFileSync(join(dir, 'ladder.yaml'), `tracks:\n  - id: t\n    name: T\n    levels:\n      - id: sta\n        title: ${JSON.stringify(TITLE)}\n        axes: { Craft: x }\n      - id: bang\n        title: "Bang !x $HOME"\n        axes: { Craft: y }\n`);
    const env = { PATH: `${ladderOnPath()}:${process.env.PATH}`, PS1: '$ ', TERM: 'xterm', HOME: '/nonexistent', LADDER_FILE: join(dir, 'ladder.yaml'), LADDER_NO_CACHE: '1' };
    const screens = typeInTmux(['bash', '--norc', '--noprofile', '-i'], env, [
      { keys: [`cd '${dir}'; source <(ladder completion bash); echo ready`, 'Enter'], until: /^ready$/m },
      { keys: ['ladder show --format tsv "Sta', 'Tab'], until: /end"/ },
      { keys: ['Enter', 'echo "double:$?"', 'Enter'], until: /^double:\d+$/m },
      { keys: ["ladder show --format tsv 'Sta", 'Tab'], until: /end'/ },
      { keys: ['Enter', 'echo "single:$?"', 'Enter'], until: /^single:\d+$/m },
      { keys: ['ladder show --format tsv "Ban', 'Tab'], until: /HOME"/ },
      { keys: ['Enter', 'echo "bang:$?"', 'Enter'], until: /^bang:\d+$/m },
    ]);
    expect(existsSync(join(dir, 'made-by-dollar'))).toBe(false);
    expect(existsSync(join(dir, 'made-by-backtick'))).toBe(false);
    // Each line ran as typed: the level's row, then its status.
    const results = (screens[6] ?? '').split('\n').filter((line) => /^(sta|bang)\s|^(double|single|bang):/.test(line)).map((line) => line.split(/\s+/)[0]);
    expect(results).toEqual(['sta', 'double:0', 'sta', 'single:0', 'bang', 'bang:0']);
  });
});
