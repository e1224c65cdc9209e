import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalSandboxFactory, probeBubblewrap } from '../../src/sandbox/local.ts';
import { allowlistEnv, type Sandbox } from '../../src/sandbox/sandbox.ts';
import { PathEscapeError, resolveInside } from '../../src/sandbox/paths.ts';

let ws: string;
let sb: Sandbox;
const logs: string[] = [];

beforeAll(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-local-'));
  process.env.FLEETBENCH_TEST_API_KEY = 'sk-test-secret-value-123';
  sb = await new LocalSandboxFactory({ log: (l) => logs.push(l) }).create({ workspace: ws, readOnlyPaths: [], env: allowlistEnv(process.env), labels: {} });
});
afterAll(async () => { await sb.dispose(); delete process.env.FLEETBENCH_TEST_API_KEY; });

describe('LocalSandbox', () => {
  it('runs a command in the workspace and captures exit code and output in order', async () => {
    const r = await sb.exec('pwd; echo out; echo err >&2; exit 3');
    expect(r.exitCode).toBe(3);
    expect(fs.realpathSync(r.stdout.split('\n')[0])).toBe(fs.realpathSync(ws));
    expect(r.stderr).toBe('err\n');
    expect(r.output).toContain('out\nerr\n');
    expect(r.timedOut).toBe(false);
  });

  it('kills the whole process group at the timeout, background children included', async () => {
    const marker = path.join(ws, 'survivor');
    const r = await sb.exec(`(sleep 2; touch ${marker}) & sleep 30`, { timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(124);
    await new Promise((res) => setTimeout(res, 2500));
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('caps output', async () => {
    const r = await sb.exec('head -c 3000000 /dev/zero | tr "\\0" x');
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('keeps API keys and tokens out of the environment (allowlist)', async () => {
    const r = await sb.exec('env');
    expect(r.stdout).not.toContain('sk-test-secret-value-123');
    expect(r.stdout).not.toMatch(/FLEETBENCH_TEST_API_KEY/);
  });

  it('reads and writes files relative to the workspace and refuses escapes', async () => {
    await sb.writeFile('a/b.txt', 'hi');
    expect((await sb.readFile('a/b.txt')).toString()).toBe('hi');
    await expect(sb.readFile('../etc/passwd')).rejects.toThrow(PathEscapeError);
    await expect(sb.writeFile('/etc/evil', 'x')).rejects.toThrow(PathEscapeError);
    fs.symlinkSync('/etc', path.join(ws, 'link'));
    expect(() => resolveInside(ws, 'link/passwd')).toThrow(PathEscapeError);
    fs.symlinkSync('/nonexistent-target', path.join(ws, 'dangling'));
    expect(() => resolveInside(ws, 'dangling')).toThrow(PathEscapeError);
  });

  const bw = probeBubblewrap();
  it.skipIf(!bw.ok)('isolates with bubblewrap: no network, read-only root, homes hidden, workspace writable', async () => {
    expect(sb.isolation).toMatch(/bubblewrap/);
    const r = await sb.exec([
      'touch /usr/fleetbench-probe 2>/dev/null && echo ROOT-WRITABLE',
      `touch ${ws}/ok && echo WS-OK`,
      'cat /etc/shadow | wc -c',
      'ls -A ~root 2>/dev/null | grep -c . || true',
      'node -e "require(\'net\').connect(9,\'1.1.1.1\').on(\'error\',e=>console.log(\'NET\',e.code))"',
    ].join('; '));
    expect(r.output).not.toContain('ROOT-WRITABLE');
    expect(r.output).toContain('WS-OK');
    expect(r.stdout.split('\n')[1].trim()).toBe('0');
    expect(r.output).toMatch(/NET (ENETUNREACH|EHOSTUNREACH|ECONNREFUSED)/);
  });
  it.skipIf(bw.ok)('logs once that it runs without isolation', () => {
    expect(logs.join('\n')).toMatch(/no isolation/);
  });
});
