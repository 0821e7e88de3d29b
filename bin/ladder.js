#!/usr/bin/env node
'use strict';
// Starts the bundled CLI. Compiling the bundle is a large share of ladder's start-up, so V8's
// compiled code is kept in ladder's cache folder and reused: through Node's own compile cache
// where it exists (Node 22 and later), else through vm.Script's cachedData. LADDER_NO_CACHE or
// --no-cache turns it off, and a folder that is not ladder's own is never used, nor one that
// another user owns or may write to: code found there would run as this user.
const Module = require('node:module');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli.js');
const { cacheDirectory, checksum, claimCacheDirectory, fileStamp, isPrivateFolder, readSmallRegularFile, wallClockNs } = require(path.join(dist, 'cache-directory.js'));
const cacheRoot = cacheDirectory(process.env, process.argv);
const codeFolder = cacheRoot && path.join(cacheRoot, typeof Module.enableCompileCache === 'function' ? 'compile' : 'code');
// The code folder is made by ladder or Node inside the cache folder; it too must be this user's alone.
const codeFolderUsable = (folder) => isPrivateFolder(folder) || !require('node:fs').existsSync(folder);

if (!cacheRoot || !claimCacheDirectory(cacheRoot) || !codeFolderUsable(codeFolder)) {
  require(bundle).main();
} else if (typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache(codeFolder);
  require(bundle).main();
} else {
  runWithCodeCache(bundle, codeFolder);
}

/**
 * Runs the bundle, and the bundles it loads on demand (the parsers and checks, the writers), from
 * V8's cached code when there is some. A file's name is the bundle's name and a checksum of its
 * path, so a stack trace never names another checkout's file. It starts with a line that gives
 * the bundle's stamp (path, size, inode, times of change: a rebuilt or reinstalled bundle has
 * another) and the code's length, and the code follows twice: release builds of V8 do not check
 * cached code, and a damaged file could crash every later run, so the code reaches V8 only when
 * the stamp matches and the two copies are the same. (Comparing them is native and costs a start
 * almost nothing; a checksum of the code cost more than the rest of this file: summed in
 * JavaScript, or by node:zlib, which loads Node's stream modules. Hashing the bundle's text
 * instead of stamping it cost more still.)
 */
function runWithCodeCache(file, directory) {
  const fs = require('node:fs');
  const vm = require('node:vm');
  /** Code compiled this run, written once the command is done. */
  const toWrite = [];

  /** The cached code in a file's bytes, when its stamp is the bundle's and both copies of the code are whole and the same. */
  function verifiedCode(stored, stamp) {
    const newline = stored ? stored.indexOf(10) : -1;
    if (newline === -1) return undefined;
    try {
      const { stamp: storedStamp, length } = JSON.parse(stored.subarray(0, newline).toString('utf8'));
      if (storedStamp !== stamp || !Number.isInteger(length) || length <= 0 || stored.length !== newline + 1 + 2 * length) return undefined;
      const code = stored.subarray(newline + 1, newline + 1 + length);
      return code.equals(stored.subarray(newline + 1 + length)) ? code : undefined;
    } catch {
      return undefined;
    }
  }

  function load(bundleFile) {
    // The stamp and the text are read through one descriptor, so they describe the same file.
    const fd = fs.openSync(bundleFile, 'r');
    let source;
    let stamp;
    try {
      const readAt = wallClockNs();
      stamp = fileStamp(bundleFile, fs.fstatSync(fd, { bigint: true }), readAt);
      source = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
    const name = path.basename(bundleFile, '.js');
    const prefix = `${name}-${checksum(bundleFile)}-`;
    const cacheFile = path.join(directory, `${prefix}${process.version}-${process.arch}.bin`);
    const cachedData = verifiedCode(readSmallRegularFile(cacheFile, 64 * 1024 * 1024), stamp);
    const script = new vm.Script(Module.wrap(source), { filename: bundleFile, cachedData });
    if (!cachedData || script.cachedDataRejected) toWrite.push({ script, cacheFile, prefix, stamp });
    const bundleModule = new Module(bundleFile, module);
    bundleModule.filename = bundleFile;
    // Node's built-in modules are required as usual; the other bundles (`./check.js`) through here.
    const localRequire = (id) => (id.startsWith('./') ? loaded(path.join(path.dirname(bundleFile), id)) : bundleModule.require(id));
    script.runInThisContext().call(bundleModule.exports, bundleModule.exports, localRequire, bundleModule, bundleFile, path.dirname(bundleFile));
    return bundleModule.exports;
  }
  const modules = new Map();
  const loaded = (bundleFile) => modules.get(bundleFile) ?? modules.set(bundleFile, load(bundleFile)).get(bundleFile);

  loaded(file)
    .main()
    .then(() => {
      // Written after the run, so the code compiled on the way is kept too; a failed write only costs speed.
      for (const { script, cacheFile, prefix, stamp } of toWrite) {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        try {
          fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
          const code = script.createCachedData();
          const header = `${JSON.stringify({ stamp, length: code.length })}\n`;
          fs.writeFileSync(temporary, Buffer.concat([Buffer.from(header), code, code]), { mode: 0o600, flag: 'wx' });
          fs.renameSync(temporary, cacheFile);
          // Code this bundle, at this path, had from another version of Node, and files named
          // before bundles had names, will not be used again; only ladder's own files are removed.
          // Another installation's code (another path) is kept: two installations sharing the
          // cache folder would otherwise remove each other's, and compile on every run.
          for (const other of fs.readdirSync(directory)) {
            const stale = other.startsWith(prefix) ? /^[\w-]+-[0-9a-f]{8,64}-v[\d.]+-\w+\.bin$/ : /^[0-9a-f]{24}-v[\d.]+-\w+\.bin$/;
            if (other !== path.basename(cacheFile) && stale.test(other)) fs.rmSync(path.join(directory, other), { force: true });
          }
        } catch {
          try {
            fs.rmSync(temporary, { force: true });
          } catch {
            // Nothing to clean up where nothing could be written.
          }
        }
      }
    });
}
