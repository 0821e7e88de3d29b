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
const { cacheDirectory, claimCacheDirectory, isPrivateFolder, readSmallRegularFile } = require(path.join(dist, 'cache-directory.js'));
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
 * V8's cached code when there is some. Release builds of V8 do not check cached code, and a
 * damaged file can crash every later run, so each file starts with a SHA-256 of the code after
 * it, checked before V8 sees it. A file's name is the bundle's name and a hash of its path and
 * text, so a stack trace never names another checkout's file.
 */
function runWithCodeCache(file, directory) {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const crypto = require('node:crypto');
  const digest = (bytes) => crypto.createHash('sha256').update(bytes).digest();
  /** Code compiled this run, written once the command is done. */
  const toWrite = [];

  function load(bundleFile) {
    const source = fs.readFileSync(bundleFile, 'utf8');
    const key = crypto.createHash('sha256').update(bundleFile).update('\0').update(source).digest('hex').slice(0, 24);
    const name = path.basename(bundleFile, '.js');
    const cacheFile = path.join(directory, `${name}-${key}-${process.version}-${process.arch}.bin`);
    const stored = readSmallRegularFile(cacheFile, 64 * 1024 * 1024);
    const cachedData = stored && stored.length > 32 && digest(stored.subarray(32)).equals(stored.subarray(0, 32)) ? stored.subarray(32) : undefined;
    const script = new vm.Script(Module.wrap(source), { filename: bundleFile, cachedData });
    if (!cachedData || script.cachedDataRejected) toWrite.push({ script, cacheFile, name });
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
      for (const { script, cacheFile, name } of toWrite) {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        try {
          fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
          const code = script.createCachedData();
          fs.writeFileSync(temporary, Buffer.concat([digest(code), code]), { mode: 0o600, flag: 'wx' });
          fs.renameSync(temporary, cacheFile);
          // Code compiled for an older version of this bundle or of Node, and files named before
          // bundles had names, will not be used again; only ladder's own files are removed.
          for (const other of fs.readdirSync(directory)) {
            const stale = other.startsWith(`${name}-`) ? /^[\w-]+-[0-9a-f]{24}-v[\d.]+-\w+\.bin$/ : /^[0-9a-f]{24}-v[\d.]+-\w+\.bin$/;
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
