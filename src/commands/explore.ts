// The commands that explore beyond one level, loaded together on demand.
export { runChanges } from './changes.js';
export { runChecklist } from './checklist.js';
export { runNext } from './next.js';
export { runPath } from './path.js';
export { runSearch } from './search.js';
