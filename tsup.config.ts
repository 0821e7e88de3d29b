import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Dependencies are bundled so start-up resolves one file instead of a node_modules tree.
  noExternal: [/.*/],
  // Each subcommand is imported on demand; splitting keeps its code out of the start-up chunk.
  splitting: true,
  treeshake: true,
  sourcemap: false,
  // commander is CommonJS and calls require() for Node built-ins, which an ES module bundle lacks.
  banner: {
    js: "import { createRequire as __ladderCreateRequire } from 'node:module'; const require = __ladderCreateRequire(import.meta.url);",
  },
});
