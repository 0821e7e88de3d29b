#!/usr/bin/env node
'use strict';
// Starts the bundled CLI. Compiling the bundle is a large share of ladder's start-up, so V8's
// compiled code is kept in the cache directory and reused: through Node's own compile cache where
// it exists (Node 22 and later), else through vm.Script's cachedData. LADDER_NO_CACHE turns it off.
const Module = require('node:module');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const cacheRoot = codeCacheDirectory();

if (!cacheRoot) {
  require(bundle).main();
} else if (typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache(path.join(cacheRoot, 'compile'));
  require(bundle).main();
} else {
  runWithCodeCache(bundle, cacheRoot);
}

// The same rule as cacheDirectory() in src/read/cache.ts, which cannot be called from here: this
// runs before the bundle that holds it is compiled. Change both together.
function codeCacheDirectory() {
  const env = process.env;
  if ((env.LADDER_NO_CACHE && env.LADDER_NO_CACHE !== '0') || process.argv.includes('--no-cache')) return undefined;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'ladder');
  return env.HOME ? path.join(env.HOME, '.cache', 'ladder') : undefined;
}

function runWithCodeCache(file, directory) {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const source = fs.readFileSync(file, 'utf8');
  // V8 checks only the source's length before using cached code, so the key hashes the whole bundle.
  const hash = require('node:crypto').createHash('sha256').update(source).digest('hex').slice(0, 24);
  const cacheFile = path.join(directory, 'code', `${hash}-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const bundleModule = new Module(file, module);
  bundleModule.filename = file;
  // Everything but Node's built-in modules is inside the bundle.
  const localRequire = (id) => bundleModule.require(id);
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, localRequire, bundleModule, file, path.dirname(file));
  bundleModule.exports.main().then(() => {
    if (cachedData && !script.cachedDataRejected) return;
    // Written after the run, so the code compiled on the way is kept too; a failed write only costs speed.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, cacheFile);
      // Code compiled for an older bundle or Node will not be used again.
      for (const name of fs.readdirSync(path.dirname(cacheFile))) {
        if (name !== path.basename(cacheFile)) fs.rmSync(path.join(path.dirname(cacheFile), name), { force: true });
      }
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing to clean up where nothing could be written.
      }
    }
  });
}
