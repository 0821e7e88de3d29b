// Preloaded (node --import) into a ladder run to make it see files as a file system that keeps
// whole seconds does (ext3, HFS+, many network shares): every time a file status reports is cut
// to its second. Two edits within one second then leave a file's times as they were.
import { syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs';

const SECOND = 1_000_000_000n;
const TIMES = ['atime', 'mtime', 'ctime', 'birthtime'];

function coarse(stat) {
  if (!stat) return stat;
  for (const time of TIMES) {
    if (typeof stat[`${time}Ns`] === 'bigint') stat[`${time}Ns`] -= stat[`${time}Ns`] % SECOND;
    if (typeof stat[`${time}Ms`] === 'bigint') stat[`${time}Ms`] -= stat[`${time}Ms`] % 1000n;
    else if (typeof stat[`${time}Ms`] === 'number') stat[`${time}Ms`] -= stat[`${time}Ms`] % 1000;
  }
  return stat;
}

for (const name of ['statSync', 'lstatSync', 'fstatSync']) {
  const original = fs[name];
  fs[name] = (...args) => coarse(original(...args));
}
syncBuiltinESMExports();
