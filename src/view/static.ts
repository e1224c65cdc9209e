// `fleetbench view DIR --static OUT`: the same page with every API answer embedded, written as OUT/index.html.
// It opens from file:// with no request at all (attachable to a CI run). Unlike the server, it holds every run's
// timeline, so it is meant for a run's worth of results, not for 10,000-run directories.
import fs from 'node:fs';
import path from 'node:path';
import { ViewData } from './data.ts';
import { apiAnswer } from './server.ts';
import { renderPage } from './page.ts';

export async function staticBundle(dirs: string[]): Promise<{ html: string; runs: number }> {
  const data = new ViewData(dirs);
  const embedded: Record<string, unknown> = {};
  const put = async (p: string): Promise<void> => {
    const u = new URL(p, 'http://viewer.invalid');
    const answer = await apiAnswer(data, u.pathname, u.searchParams).catch(() => undefined);
    if (answer !== undefined) embedded[p] = answer;
  };
  await put('/api/dirs');
  let runs = 0;
  for (let i = 0; i < dirs.length; i++) {
    const rows = await data.rows(i);
    embedded[`/api/runs?dir=${i}`] = rows;
    // The client asks for runs by exactly these paths (app.ts: '/api/run?dir=' + dir + '&key=' + encodeURIComponent(key)).
    // Whole timelines: a file has no server to page the rest from.
    for (const r of rows) embedded[`/api/run?dir=${i}&key=${encodeURIComponent(r.key)}`] = await data.run(i, r.key, 0, Infinity);
    runs += rows.length;
  }
  for (let b = 0; b < dirs.length; b++) for (let c = 0; c < dirs.length; c++) if (b !== c) await put(`/api/compare?base=${b}&cand=${c}`);
  return { html: renderPage(embedded), runs };
}

export async function writeStaticBundle(dirs: string[], outDir: string): Promise<{ file: string; bytes: number; runs: number }> {
  const { html, runs } = await staticBundle(dirs);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'index.html');
  fs.writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html), runs };
}
