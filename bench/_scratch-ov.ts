import { loadSuite, pickScenarios } from '/work/main/bench/suite.ts';
import { measureOverhead } from '/work/main/bench/overhead.ts';
const suite = loadSuite(console.log);
const sel = pickScenarios(suite.scenarios, process.argv[2] ?? 'representative');
console.log(sel.map(s=>s.id));
const t=performance.now();
const r = await measureOverhead(sel, 1, console.log);
console.log(JSON.stringify(r, null, 1), (performance.now()-t)/1000);
