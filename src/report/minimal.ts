// Kept for the modules that import the walking skeleton's names; the report itself lives in report.ts.
export { writeReport as writeMinimalReport } from './report.ts';
export { collectReport } from './collect.ts';
export { writeAtomic } from './files.ts';
