// `fleetbench view DIR... [--port N] [--host H] [--open] [--static OUT]`: the results viewer, served locally or
// written as a self-contained page.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { UsageError } from '../util/errors.ts';
import { RESULTS_FILE } from '../runner/store.ts';
import { MANIFEST_FILE } from '../runner/manifest.ts';
import { startViewServer } from '../view/server.ts';
import { writeStaticBundle } from '../view/static.ts';

export const VIEW_DEFAULT_PORT = 7420;

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port: '${v}' is not a port number (0-65535; 0 picks a free one)`);
  return n;
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // Best effort: no browser opener is not an error, the URL is printed anyway.
  spawn(cmd, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
}

export function registerView(program: Command, ctx: CliContext): void {
  program.command('view <dirs...>')
    .description('browse results directories in a local web viewer: runs grid, run timelines, diff vs golden, compare, live updates')
    .option('--port <n>', `port to serve on (0: any free port)`, portNumber, VIEW_DEFAULT_PORT)
    .option('--host <host>', 'address to listen on; anything but 127.0.0.1 exposes your results to the network', '127.0.0.1')
    .option('--open', 'open the viewer in the default browser')
    .option('--static <out>', 'write a self-contained viewer (data embedded, opens from file://) to <out>/index.html instead of serving')
    .action(async (dirs: string[], flags: { port: number; host: string; open?: boolean; static?: string }) => {
      for (const d of dirs) {
        if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new UsageError(`${d} is not a directory`);
        // A directory a run is about to write into is fine (live view); one with neither file is likely a typo.
        if (!fs.existsSync(path.join(d, RESULTS_FILE)) && !fs.existsSync(path.join(d, MANIFEST_FILE))) ctx.err(`warning: ${d} has no ${RESULTS_FILE} or ${MANIFEST_FILE} yet`);
      }
      if (flags.static) {
        const r = await writeStaticBundle(dirs, flags.static);
        ctx.out(`${r.runs} run(s) → ${r.file} (${(r.bytes / 1024).toFixed(0)} KB)`);
        return;
      }
      const s = await startViewServer(dirs, { port: flags.port, host: flags.host });
      if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1') ctx.err(`warning: listening on ${flags.host}: anyone who can reach it can read these results`);
      ctx.out(`fleetbench view: ${s.url} (Ctrl-C to stop)`);
      if (flags.open) openInBrowser(s.url);
      await new Promise<void>((resolve) => {
        const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void s.close().then(resolve); };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
