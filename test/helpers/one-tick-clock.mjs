// Preloaded (node --import) into a ladder run to put it, and every file it looks at, in one tick
// of a coarse clock: each time a file status reports is LADDER_TEST_TICK (whole seconds since the
// epoch), as a file system that keeps whole seconds (ext3, HFS+, many network shares) reports two
// edits made within one second, and the clock reads half a second after it. The case it makes
// ("racily clean", in git's words) then happens on every run, however loaded the machine.
import { syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs';
import process from 'node:process';

const tick = Number(process.env.LADDER_TEST_TICK);
if (!Number.isSafeInteger(tick)) throw new Error('one-tick-clock.mjs needs LADDER_TEST_TICK, in whole seconds');
const TIMES = ['atime', 'mtime', 'ctime', 'birthtime'];

function inTick(stat) {
  if (!stat) return stat;
  for (const time of TIMES) {
    if (typeof stat[`${time}Ns`] === 'bigint') stat[`${time}Ns`] = BigInt(tick) * 1_000_000_000n;
    if (typeof stat[`${time}Ms`] === 'bigint') stat[`${time}Ms`] = BigInt(tick) * 1000n;
    else if (typeof stat[`${time}Ms`] === 'number') stat[`${time}Ms`] = tick * 1000;
  }
  return stat;
}

for (const name of ['statSync', 'lstatSync', 'fstatSync']) {
  const original = fs[name];
  fs[name] = (...args) => inTick(original(...args));
}
syncBuiltinESMExports();
Date.now = () => tick * 1000 + 500;
