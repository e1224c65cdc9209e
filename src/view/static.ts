// `fleetbench view DIR --static OUT`: the same page with every API answer embedded, written as OUT/index.html.
// It opens from file:// with no request at all (attachable to a CI run). Written as a stream, one run at a time;
// each run carries the first page of its timeline with shorter step bodies (a file has no server to ask for more).
import fs from 'node:fs';
import path from 'node:path';
import { latestByKey, RESULTS_FILE } from '../runner/store.ts';
import { ViewData, TIMELINE_PAGE } from './data.ts';
import { apiAnswer } from './server.ts';
import { pageParts, scriptJson } from './page.ts';

/** Step bodies in a static bundle: 1,000 runs of model transcripts stay a file one can attach. */
export const STATIC_BODY_CHARS = 4_000;

export async function writeStaticBundle(dirs: string[], outDir: string): Promise<{ file: string; bytes: number; runs: number }> {
  const data = new ViewData(dirs);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'index.html');
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  let bytes = 0;
  const write = (s: string): void => { bytes += fs.writeSync(fd, s); };
  const put = (p: string, answer: unknown): void => { if (answer !== undefined) write(`${JSON.stringify(p)}:${scriptJson(answer)},\n`); };
  const answer = (p: string): Promise<unknown> => {
    const u = new URL(p, 'http://viewer.invalid');
    return apiAnswer(data, u.pathname, u.searchParams).catch(() => undefined);
  };
  const { head, tail } = pageParts(true);
  let runs = 0;
  try {
    write(head);
    write('<script>window.FLEETBENCH_DATA={\n');
    put('/api/dirs', await answer('/api/dirs'));
    for (let i = 0; i < dirs.length; i++) {
      put(`/api/runs?dir=${i}`, await data.rows(i));
      // One pass over results.jsonl for all runs (looking each up would read the file once per run).
      for (const [key, result] of await latestByKey(path.join(dirs[i], RESULTS_FILE))) {
        // The client asks for runs by exactly this path (app.ts: '/api/run?dir=' + dir + '&key=' + encodeURIComponent(key)).
        put(`/api/run?dir=${i}&key=${encodeURIComponent(key)}`, await data.detail(i, key, result, TIMELINE_PAGE, STATIC_BODY_CHARS));
        runs++;
      }
    }
    for (let b = 0; b < dirs.length; b++) for (let c = 0; c < dirs.length; c++) if (b !== c) put(`/api/compare?base=${b}&cand=${c}`, await answer(`/api/compare?base=${b}&cand=${c}`));
    write('};</script>\n');
    write(tail);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return { file, bytes, runs };
}
