import { readFileSync } from 'node:fs';
import { load, CORE_SCHEMA } from 'js-yaml';
const text = readFileSync(process.argv[2], 'utf8');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let t = cpu();
let opens = 0;
const v = load(text, { schema: CORE_SCHEMA, ...(process.argv[3] ? { listener(e) { if (e === 'open') opens++; } } : {}) });
console.log('load', (cpu() - t).toFixed(2), opens, (process.memoryUsage().rss / 1048576).toFixed(0));
