// The commands that write ladders from the ladder in effect, loaded together on demand: they bring
// the YAML writer, which lookups never need. (`import` is a bundle of its own, with a bundle per reader.)
export { runExport } from './export.js';
export { runInit } from './init.js';
