// The viewer's HTTP server: plain node:http, one page and a small JSON API. No URL names a file: directories are
// addressed by index and runs by run key, both looked up in what was loaded, so no path reaches outside them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ViewData } from './data.ts';
import { renderPage } from './page.ts';

export interface ViewServer { url: string; server: http.Server; close: () => Promise<void> }

/** The API answers, shared by the server and the static bundle (which precomputes them). */
export async function apiAnswer(data: ViewData, pathname: string, q: URLSearchParams): Promise<unknown | undefined> {
  const dirIndex = (name: string): number | null => {
    const v = q.get(name);
    if (v === null || !/^\d+$/.test(v)) return null;
    const n = Number(v);
    return n < data.dirs.length ? n : null;
  };
  switch (pathname) {
    case '/api/dirs': return data.dirList();
    case '/api/stamps': return data.dirs.map((_, i) => data.stamp(i));
    case '/api/runs': { const i = dirIndex('dir'); return i === null ? undefined : data.rows(i); }
    case '/api/run': {
      const i = dirIndex('dir'), key = q.get('key');
      if (i === null || !key) return undefined;
      return (await data.run(i, key)) ?? undefined;
    }
    case '/api/timeline': {
      const i = dirIndex('dir'), key = q.get('key'), from = Number(q.get('from') ?? 0);
      if (i === null || !key || !Number.isInteger(from) || from < 0) return undefined;
      return (await data.timeline(i, key, from)) ?? undefined;
    }
    case '/api/compare': {
      const b = dirIndex('base'), c = dirIndex('cand');
      return b === null || c === null ? undefined : data.compare(b, c);
    }
    default: return undefined;
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export async function startViewServer(dirs: string[], opts: { port?: number; host?: string } = {}): Promise<ViewServer> {
  const data = new ViewData(dirs);
  const page = renderPage(null);
  // Read the grid rows now, while the browser is still opening: the first page load finds them ready.
  for (let i = 0; i < dirs.length; i++) data.rows(i).catch(() => {});
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      const url = new URL(req.url ?? '/', 'http://viewer.invalid');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, 'text/html; charset=utf-8', page);
      const answer = url.pathname.startsWith('/api/') ? await apiAnswer(data, url.pathname, url.searchParams) : undefined;
      if (answer === undefined) return send(res, 404, 'text/plain', 'not found');
      send(res, 200, 'application/json', JSON.stringify(answer));
    })().catch((e: unknown) => send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e)));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port ?? 0, host, () => resolve()); });
  const a = server.address() as AddressInfo;
  const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return { url: `http://${shown}:${a.port}/`, server, close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }) };
}
