// `fleetbench view` through the real bin: serves on 127.0.0.1 and stops on SIGTERM; --static writes the bundle;
// a bad port or a missing directory is a usage error (exit 2).
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, runCli } from '../helpers/cli.ts';

function emptyResultsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-cli-'));
  fs.writeFileSync(path.join(dir, 'results.jsonl'), '');
  return dir;
}

describe('fleetbench view (CLI)', () => {
  it('serves on 127.0.0.1, answers the API, and exits 0 on SIGTERM', async () => {
    const dir = emptyResultsDir();
    const child = spawn(process.execPath, [BIN, 'view', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => { const m = /http:\/\/\S+\//.exec(String(b)); if (m) resolve(m[0]); });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const dirs = await (await fetch(`${url}api/dirs`)).json() as { dir: string }[];
    expect(dirs.map((d) => d.dir)).toEqual([dir]);
    expect(await (await fetch(url)).text()).toContain('<title>fleetbench view</title>');
    const code = await new Promise<number | null>((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); });
    expect(code).toBe(0);
  });

  it('--static writes a self-contained index.html', async () => {
    const dir = emptyResultsDir();
    const out = path.join(dir, 'static');
    const r = await runCli(['view', dir, '--static', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 run(s) →');
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('window.FLEETBENCH_DATA=');
    expect(html).not.toMatch(/<(link|img|iframe)\b|<script[^>]+src=/i);
  });

  it('refuses a bad port and a missing directory with exit 2', async () => {
    expect((await runCli(['view', emptyResultsDir(), '--port', '99999'])).code).toBe(2);
    const r = await runCli(['view', path.join(os.tmpdir(), 'no-such-fleetbench-dir')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a directory');
  });
});
