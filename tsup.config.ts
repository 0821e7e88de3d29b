import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables; ladder has none, and loading that module (with net, dgram and streams) costs
 * milliseconds of every start. commander's source is given a stand-in that loads the real module
 * on first use. (Node's built-in modules are set aside before a plugin sees their imports, so the
 * require is rewritten where commander loads it.)
 */
const deferChildProcess: Plugin = {
  name: 'defer-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const stand = "(() => { let real; return new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] }); })()";
      const contents = source.replace(/require\((['"])(node:)?child_process\1\)/, stand);
      if (contents === source) throw new Error('commander no longer requires child_process where defer-child-process expects it');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Packages that do work as they load but that most runs never call: string-width makes an
 * Intl.Segmenter (ICU's break iterator, most of the main bundle's load time), yet is asked only
 * about text outside ASCII; fastest-levenshtein fills a 256 KiB table, yet is needed only for a
 * did-you-mean or a lint. Our modules import a stand-in whose functions require the package on
 * their first call, so esbuild, which bundles it as before, evaluates it only then. Each package
 * is listed with the exports our code uses.
 */
const DEFERRED: Record<string, string[]> = { 'string-width': ['default'], 'fastest-levenshtein': ['distance'] };

const deferPackages: Plugin = {
  name: 'defer-packages',
  setup(build) {
    const names = new RegExp(`^(${Object.keys(DEFERRED).join('|')})$`);
    // Only imports in our own code get the stand-in; its require, and other packages, get the package.
    build.onResolve({ filter: names }, (args) => (args.kind === 'import-statement' && !args.importer.includes('node_modules') ? { path: args.path, namespace: 'deferred' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => {
      const stand = (DEFERRED[args.path] ?? []).map((name) => `export ${name === 'default' ? 'default' : `const ${name} =`} (...args) => load().${name}(...args);`);
      return { contents: [`let real;`, `const load = () => (real ??= require(${JSON.stringify(args.path)}));`, ...stand].join('\n'), resolveDir: process.cwd(), loader: 'js' };
    });
  },
};

/**
 * Modules that only some runs need, each bundled on its own (dist/NAME.js) and required on demand,
 * so they are not part of the file every start reads and compiles: the parsers and the schema
 * validator (needed only when a ladder is not in the cache), the YAML writer, the commands that
 * write ladders (init, export), import and each of its readers (Markdown, spreadsheets, job
 * families: importing a spreadsheet loads neither Markdown's lexer nor a YAML parser; a CSV loads
 * neither the XLSX reader nor its unzipper), the XLSX writer, and the commands that explore (search, next, path, changes),
 * assess (its parser that keeps positions, and its writer, in bundles of their own: only a file
 * with a problem, or a write, needs them), lint and its spell checker (loaded only when the
 * spelling rule runs; its dictionary, dist/english-words.bin, is data, not code), the HTML parser (only a Markdown file that holds HTML needs it),
 * and the man page writer used at build time.
 */
const ON_DEMAND: Record<string, string> = {
  check: 'src/check/check.ts',
  'yaml-output': 'src/render/yaml.ts',
  authoring: 'src/commands/authoring.ts',
  import: 'src/commands/import.ts',
  'import-markdown': 'src/commands/import-markdown.ts',
  'import-spreadsheet': 'src/commands/import-spreadsheet.ts',
  'parse-xlsx': 'src/read/spreadsheet/parse-xlsx.ts',
  'import-job-family': 'src/commands/import-job-family.ts',
  'export-xlsx': 'src/write/export-xlsx.ts',
  'export-html': 'src/write/export-html.ts',
  explore: 'src/commands/explore.ts',
  manual: 'src/render/man-page.ts',
  assess: 'src/commands/assess.ts',
  'assessment-problems': 'src/read/assessment-problems.ts',
  'assessment-yaml': 'src/write/assessment-yaml.ts',
  lint: 'src/commands/lint.ts',
  spelling: 'src/check/lint/english.ts',
  'word-diff': 'src/query/diff.ts',
  wrap: 'src/render/text/wrap.ts',
  chalk: 'node_modules/chalk/source/index.js',
  'html-parse': 'src/read/markdown/html-parse.ts',
};

const onDemandBundles: Plugin = {
  name: 'on-demand-bundles',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      // A module of ours is named by its path, a package (chalk) by the file it resolves to.
      const target = /^\.\.?\//.test(args.path)
        ? resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts')
        : (await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir })).path;
      const name = Object.keys(ON_DEMAND).find((key) => resolve(ON_DEMAND[key] as string) === target);
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

/** The name, version, licence and licence text of each package among a bundle's inputs: the page carries their code, so it carries these. */
async function packageNotices(inputs: string[]): Promise<string> {
  const { readFile, readdir } = await import('node:fs/promises');
  const names = [...new Set(inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter((name): name is string => name !== undefined))].sort();
  const sections = await Promise.all(
    names.map(async (name) => {
      const folder = resolve('node_modules', name);
      const manifest = JSON.parse(await readFile(resolve(folder, 'package.json'), 'utf8')) as { version: string; license: string };
      const licence = (await readdir(folder)).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
      const text = licence ? (await readFile(resolve(folder, licence), 'utf8')).trim() : `(no licence file; package.json says ${manifest.license})`;
      return `${name} ${manifest.version} (${manifest.license})\n\n${text}`;
    }),
  );
  // The notices go in an HTML comment, which `--` would end early.
  return sections.join('\n\n').replace(/-{2,}/g, (dashes) => dashes.split('').join(' '));
}

/**
 * The HTML page's script (src/page/), built for the browser and handed to the export as text:
 * `import { script, scriptHash } from 'page-script'`. It is built here, with the CLI, so that one
 * build makes both, and the page carries the same model and queries the CLI runs. The hash is the
 * one the page's Content-Security-Policy allows.
 */
const pageScript: Plugin = {
  name: 'page-script',
  setup(build) {
    build.onResolve({ filter: /^page-script$/ }, () => ({ path: 'page-script', namespace: 'page-script' }));
    build.onLoad({ filter: /.*/, namespace: 'page-script' }, async () => {
      const { build: bundle } = await import('esbuild');
      const { createHash } = await import('node:crypto');
      const result = await bundle({
        entryPoints: ['src/page/main.ts'],
        bundle: true,
        minify: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        write: false,
        metafile: true,
      });
      const script = result.outputFiles[0]?.text ?? '';
      if (/<\/script|<!--/i.test(script)) throw new Error('the page script contains text that would end its <script> element');
      const scriptHash = createHash('sha256').update(script).digest('base64');
      const notices = await packageNotices(Object.keys(result.metafile.inputs));
      const exports = { script, scriptHash, notices };
      return { contents: Object.entries(exports).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`).join('\n'), loader: 'js', watchFiles: Object.keys(result.metafile.inputs) };
    });
  },
};

/**
 * What the sources of this build hash to: the cache keys checked ladders by it (src/read/cache.ts),
 * so a build of the same version with other reading rules never answers from an older one's entries.
 */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const files = ['src', 'schema'].flatMap((folder) => (readdirSync(folder, { recursive: true }) as string[]).map((name) => join(folder, name))).sort();
  for (const file of files) if (statSync(file).isFile()) hash.update(`${file}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  // bin/ladder.js reads the cache rule from its own small bundle before it compiles the main one.
  entry: { cli: 'src/cli.ts', 'cache-directory': 'src/read/cache-directory.ts', ...ON_DEMAND },
  // One CommonJS file: Node starts it faster than a graph of ES modules, and bin/ladder.js can keep
  // V8's compiled code for it. Modules the source imports dynamically (the YAML parsers, the word
  // differ, the wrapper, chalk) are still only evaluated when a command needs them.
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Dependencies are bundled so start-up reads one file instead of resolving a node_modules tree.
  noExternal: [/.*/],
  esbuildPlugins: [deferChildProcess, deferPackages, onDemandBundles, pageScript],
  // import() becomes require(), which also serves the code-cached bundle that bin/ladder.js runs.
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'dynamic-import': false };
  },
  minify: true,
  // src/paths.ts finds the bundled ladder through import.meta.url.
  shims: true,
  sourcemap: false,
  // scripts/notices.mjs reads which packages went into the bundles, for their licence notices.
  metafile: true,
  define: { __LADDER_BUILD__: JSON.stringify(sourceFingerprint()) },
});
