// The commands that write ladders, loaded together on demand: they bring the Markdown parser and
// the YAML writer, which lookups never need.
export { runExport } from './export.js';
export { explainLadder, runImport } from './import.js';
export { runInit } from './init.js';
