// The built-in agent's file tools on BOTH sandboxes (local, and docker when a daemon and the image are there): a path
// is resolved inside the sandbox, every symlink followed, and refused when it lands in .git or outside the workspace;
// read_file fetches only the lines it returns; write_file/edit_file refuse content over their caps. Each case gives
// the same answer in both sandboxes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import {
  executeTool, MAX_EDIT_FILE_BYTES, MAX_READ_BYTES, MAX_TOOL_OUTPUT, MAX_WRITE_BYTES, type ToolOutput,
} from '../../src/agent/tools.ts';
import { LocalSandboxFactory } from '../../src/sandbox/local.ts';
import { DockerSandboxFactory } from '../../src/sandbox/docker.ts';
import type { Sandbox, SandboxFactory } from '../../src/sandbox/sandbox.ts';
import type { VerifierClient } from '../../src/mcp/server.ts';

const IMAGE = process.env.FLEETBENCH_SANDBOX_IMAGE ?? 'fleetbench-sandbox:latest';
const PREFIX = `fbtools${process.pid}`;

async function dockerSkipReason(): Promise<string> {
  const docker = new Docker();
  const ping = await Promise.race([docker.ping().then(() => ''), new Promise<string>((r) => setTimeout(() => r('timeout'), 5000))])
    .catch((e: NodeJS.ErrnoException) => e.code ?? e.message);
  if (ping) return `no Docker daemon (${ping})`;
  return docker.getImage(IMAGE).inspect().then(() => '', () => `image ${IMAGE} is missing; build it: bash docker/bootstrap.sh`);
}
const dockerSkip = await dockerSkipReason();

const verifier = { verify: async () => ({ text: 'ok', isError: false }) } as unknown as VerifierClient;
const MiB = 1024 * 1024;

/**
 * The workspace both sandboxes start from: a git repo with symlinks an agent (or a scenario) could have made. The two
 * that point out of the workspace are made inside the sandbox (OUT_LINKS): docker refuses to copy them in.
 */
function makeWorkspace(root: string): string {
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'src', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'target.txt'), 'target\n');
  fs.writeFileSync(path.join(ws, 'src', 'a.ts'), Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
  fs.writeFileSync(path.join(ws, 'no-newline.txt'), 'one\ntwo');
  fs.writeFileSync(path.join(ws, 'empty.txt'), '');
  fs.writeFileSync(path.join(ws, 'long-line.txt'), 'x'.repeat(3 * MAX_READ_BYTES) + '\nsecond\n');
  fs.writeFileSync(path.join(ws, 'edit-me.txt'), 'alpha\nbeta\n');
  spawnSync('git', ['init', '-q'], { cwd: ws });
  fs.symlinkSync('.git', path.join(ws, 'g'));                       // g -> .git
  fs.symlinkSync('../.git/hooks', path.join(ws, 'src', 'hooks'));   // src/hooks -> ../.git/hooks
  fs.symlinkSync('target.txt', path.join(ws, 'link'));              // inside: fine
  fs.symlinkSync('created-by-link.txt', path.join(ws, 'dangling')); // inside, target missing: fine
  return ws;
}

const OUT_LINKS = 'ln -s / rootfs && ln -s ../../.. src/deep/up'; // absolute, and relative via ..

interface Env { label: string; factory: () => SandboxFactory; skip: string }
const sandboxes: Env[] = [
  { label: 'local', factory: () => new LocalSandboxFactory(), skip: '' },
  { label: 'docker', factory: () => new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX, memoryMb: 1024, cpus: 1 }), skip: dockerSkip },
];

for (const env of sandboxes) {
  describe.skipIf(env.skip !== '')(`file tools in the ${env.label} sandbox${env.skip ? ` (skipped: ${env.skip})` : ''}`, () => {
    let tmp: string;
    let factory: SandboxFactory;
    let sb: Sandbox;
    const tool = (name: string, input: Record<string, unknown>): Promise<ToolOutput> => executeTool(name, input, { sandbox: sb, verifier });
    const sh = async (cmd: string) => (await sb.exec(cmd)).stdout;

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-tools-'));
      fs.chmodSync(tmp, 0o755);
      const ws = makeWorkspace(tmp);
      factory = env.factory();
      await factory.preflight();
      sb = await factory.create({ workspace: ws, readOnlyPaths: [], env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/tmp' }, labels: { [`${PREFIX}.role`]: 'test' } });
      expect((await sb.exec(OUT_LINKS)).exitCode).toBe(0);
    });

    afterAll(async () => {
      await sb?.dispose();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    describe('no read or write through a symlink into .git or out of the workspace', () => {
      it('write_file through g -> .git is refused and writes no hook', async () => {
        const r = await tool('write_file', { path: 'g/hooks/pre-commit', content: '#!/bin/sh\necho pwned\n' });
        expect(r).toEqual({ isError: true, content: expect.stringMatching(/'g\/hooks\/pre-commit' resolves \(through a symlink\) to \.git\/hooks\/pre-commit, inside \.git/) });
        const r2 = await tool('write_file', { path: 'src/hooks/post-checkout', content: 'x' });
        expect(r2.isError).toBe(true);
        expect(r2.content).toMatch(/inside \.git/);
        expect(await sh('ls .git/hooks | grep -v sample; ls -ld g src/hooks | cut -c1')).toBe('l\nl\n'); // links untouched
      });

      it('read_file and edit_file through g -> .git are refused', async () => {
        expect(await tool('read_file', { path: 'g/config' })).toMatchObject({ isError: true, content: expect.stringMatching(/inside \.git/) });
        expect(await tool('edit_file', { path: 'g/config', old_string: 'bare', new_string: 'x' })).toMatchObject({ isError: true, content: expect.stringMatching(/inside \.git/) });
        expect(await sh('grep -c bare .git/config')).toBe('1\n');
      });

      it('a .git component anywhere in the path is refused before the sandbox is asked', async () => {
        for (const p of ['.git/config', 'src/.git/x', './.git']) {
          expect(await tool('write_file', { path: p, content: 'x' })).toMatchObject({ isError: true, content: expect.stringMatching(/inside \.git/) });
        }
      });

      it('paths through a symlink that leaves the workspace (absolute or ../) are refused, nothing written outside', async () => {
        for (const p of ['rootfs/tmp/fb-escape.txt', 'src/deep/up/fb-escape.txt', 'src/deep/up/x/../fb-escape.txt']) {
          const w = await tool('write_file', { path: p, content: 'escaped' });
          expect(w, p).toEqual({ isError: true, content: expect.stringMatching(/outside the workspace/) });
        }
        for (const p of ['rootfs/etc/hostname', 'src/deep/up/etc/passwd']) {
          expect(await tool('read_file', { path: p }), p).toMatchObject({ isError: true, content: expect.stringMatching(/outside the workspace/) });
        }
        expect(await tool('edit_file', { path: 'rootfs/etc/hostname', old_string: 'a', new_string: 'b' })).toMatchObject({ isError: true, content: expect.stringMatching(/outside the workspace/) });
        // Nowhere inside the sandbox (docker) or on the host (local), and the links are still links.
        expect(await sh('ls /tmp/fb-escape.txt ../fb-escape.txt 2>/dev/null; ls -ld rootfs src/deep/up | cut -c1')).toBe('l\nl\n');
        expect(fs.existsSync('/tmp/fb-escape.txt')).toBe(false);
        expect(fs.existsSync(path.join(tmp, 'fb-escape.txt'))).toBe(false);
        // A path is normalized before it is resolved (`up/../x` is `x`), and the tool acts on what it checked.
        expect(await tool('write_file', { path: 'src/deep/up/../inside.txt', content: 'in' })).toEqual({ isError: false, content: 'wrote src/deep/inside.txt (1 lines)' });
        expect(await sh('cat src/deep/inside.txt; rm src/deep/inside.txt')).toBe('in');
      });

      it('a symlink that stays inside works the same in both sandboxes: the write lands on its target', async () => {
        expect((await tool('read_file', { path: 'link' })).content).toBe('    1  target');
        expect(await tool('write_file', { path: 'link', content: 'via link\n' })).toEqual({ isError: false, content: 'wrote link (2 lines)' });
        expect(await tool('edit_file', { path: 'link', old_string: 'via', new_string: 'edited via' })).toEqual({ isError: false, content: 'edited link' });
        expect(await sh('readlink link; cat target.txt')).toBe('target.txt\nedited via link\n');
        expect((await tool('write_file', { path: 'dangling', content: 'made\n' })).isError).toBe(false);
        expect(await sh('readlink dangling; cat created-by-link.txt')).toBe('created-by-link.txt\nmade\n');
        expect((await tool('write_file', { path: 'new/dir/file.txt', content: 'n' })).isError).toBe(false);
        expect(await sh('cat new/dir/file.txt')).toBe('n');
      });

      it('names a missing file and a directory', async () => {
        expect(await tool('read_file', { path: 'missing.txt' })).toEqual({ isError: true, content: 'cannot read missing.txt: no such file' });
        expect(await tool('read_file', { path: 'src' })).toMatchObject({ isError: true, content: expect.stringMatching(/is a directory/) });
        expect(await tool('write_file', { path: 'src', content: 'x' })).toMatchObject({ isError: true, content: expect.stringMatching(/is a directory/) });
        expect(await tool('edit_file', { path: 'missing.txt', old_string: 'a', new_string: 'b' })).toMatchObject({ isError: true, content: expect.stringMatching(/no such file.*write_file/) });
        // Under a file: refused alike (docker's archive upload would have replaced target.txt with a folder).
        expect(await tool('write_file', { path: 'target.txt/x/y.txt', content: 'x' })).toEqual({ isError: true, content: 'cannot write target.txt/x/y.txt: a parent of it is a file, not a folder' });
        expect(await tool('read_file', { path: 'target.txt/x' })).toEqual({ isError: true, content: 'cannot read target.txt/x: no such file' });
        expect(await sh('test -f target.txt && echo file')).toBe('file\n');
      });
    });

    describe('read_file reads only what it returns', () => {
      it('line ranges, totals and where to read on', async () => {
        const all = await tool('read_file', { path: 'src/a.ts' });
        expect(all.content.split('\n')).toHaveLength(30);
        expect(all.content.split('\n')[29]).toBe('   30  line 30');
        expect((await tool('read_file', { path: 'src/a.ts', start_line: 5, end_line: 6 })).content)
          .toBe('    5  line 5\n    6  line 6\n[lines 5-6 of 30; pass start_line=7 to read on]');
        expect((await tool('read_file', { path: 'src/a.ts', start_line: 29 })).content).toBe('   29  line 29\n   30  line 30');
        expect((await tool('read_file', { path: 'src/a.ts', start_line: 31 })).content).toBe('[src/a.ts has 30 lines; start_line 31 is past the end]');
        expect((await tool('read_file', { path: 'no-newline.txt' })).content).toBe('    1  one\n    2  two');
        expect((await tool('read_file', { path: 'no-newline.txt', end_line: 1 })).content).toBe('    1  one\n[lines 1-1 of 2; pass start_line=2 to read on]');
        expect((await tool('read_file', { path: 'empty.txt' })).content).toBe('[empty.txt is empty]');
        expect(await tool('read_file', { path: 'src/a.ts', start_line: 0 })).toMatchObject({ isError: true });
        expect(await tool('read_file', { path: 'src/a.ts', start_line: 5, end_line: 4 })).toMatchObject({ isError: true });
      });

      it('a line longer than one read is shown cut, with how to go on', async () => {
        const r = await tool('read_file', { path: 'long-line.txt' });
        expect(r.content.length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT);
        expect(r.content).toMatch(/^ {4}1 {2}x+\n\[line 1 is longer than one read \(20000 bytes\) and is shown cut; use search to find text in it, or pass start_line=2 to read on\]$/);
        expect((await tool('read_file', { path: 'long-line.txt', start_line: 2 })).content).toBe('    2  second');
      });

      it('a 200 MB file: the first part and how to read on, fetched without loading the file into the harness', async () => {
        const make = await sb.exec("yes 'a line of a big generated file ........................................................................' | head -n 2000000 > big.txt && stat -c %s big.txt", { timeoutMs: 300_000 });
        expect(Number(make.stdout)).toBeGreaterThan(200_000_000);
        (globalThis as { gc?: () => void }).gc?.();
        const before = process.memoryUsage().rss;
        let peak = before;
        const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 2);
        let r: ToolOutput;
        try {
          r = await tool('read_file', { path: 'big.txt', start_line: 1, end_line: 2000 });
        } finally {
          clearInterval(sample);
        }
        peak = Math.max(peak, process.memoryUsage().rss);
        // Today's code read the whole file: ~+500 MB local, ~+730 MB docker. Now: the 20 kB it shows.
        expect(peak - before).toBeLessThan(48 * MiB);
        expect(r.isError).toBe(false);
        expect(r.content.length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT);
        expect(r.content).toMatch(/^ {4}1 {2}a line of a big generated file/);
        const footer = r.content.split('\n').at(-1)!;
        const m = /^\[lines 1-(\d+) of a 198\.4 MiB file; one read returns at most 20000 bytes; pass start_line=(\d+) to read on\]$/.exec(footer);
        expect(m, footer).not.toBeNull();
        expect(Number(m![2])).toBe(Number(m![1]) + 1);
        const tail = await tool('read_file', { path: 'big.txt', start_line: 1_999_999 });
        expect(tail.content).toMatch(/^1999999  a line.*\n2000000  a line[^\n]*$/);
        await sb.exec('rm -f big.txt');
      });
    });

    describe('write_file and edit_file refuse content over their caps', () => {
      it(`write_file: ${MAX_WRITE_BYTES} bytes is written, one more byte (or 300 MB) is refused and nothing is written`, async () => {
        expect((await tool('write_file', { path: 'cap.txt', content: 'y'.repeat(MAX_WRITE_BYTES) })).isError).toBe(false);
        expect(await sh('stat -c %s cap.txt')).toBe(`${MAX_WRITE_BYTES}\n`);
        const over = await tool('write_file', { path: 'over.txt', content: 'y'.repeat(MAX_WRITE_BYTES + 1) });
        expect(over).toEqual({ isError: true, content: 'content is 1.0 MiB; write_file writes at most 1.0 MiB per file (a source file is far smaller); nothing was written' });
        const huge = await tool('write_file', { path: 'huge.txt', content: 'z'.repeat(300 * MiB) });
        expect(huge).toMatchObject({ isError: true, content: expect.stringMatching(/^content is 300\.0 MiB; write_file writes at most 1\.0 MiB/) });
        const multibyte = await tool('write_file', { path: 'mb.txt', content: 'é'.repeat(MAX_WRITE_BYTES / 2 + 1) }); // bytes, not characters
        expect(multibyte.isError).toBe(true);
        expect(await sh('ls over.txt huge.txt mb.txt 2>/dev/null; rm -f cap.txt')).toBe('');
      });

      it('edit_file: new_string over the write cap, and a result over the edit cap, are refused', async () => {
        const big = await tool('edit_file', { path: 'edit-me.txt', old_string: 'beta', new_string: 'b'.repeat(MAX_WRITE_BYTES + 1) });
        expect(big).toMatchObject({ isError: true, content: expect.stringMatching(/^new_string is 1\.0 MiB; edit_file inserts at most 1\.0 MiB per call/) });
        await sb.exec(`head -c ${MAX_EDIT_FILE_BYTES - 10} /dev/zero | tr '\\0' a > near-cap.txt; echo END >> near-cap.txt`);
        const grow = await tool('edit_file', { path: 'near-cap.txt', old_string: 'END', new_string: 'END'.repeat(10) });
        expect(grow).toMatchObject({ isError: true, content: expect.stringMatching(/^the edit would make near-cap\.txt 16\.0 MiB; files are kept to at most 16\.0 MiB/) });
        await sb.exec('echo more >> near-cap.txt; echo more >> near-cap.txt; echo more >> near-cap.txt');
        expect(await tool('edit_file', { path: 'near-cap.txt', old_string: 'END', new_string: 'E' })).toMatchObject({ isError: true, content: expect.stringMatching(/near-cap\.txt is 16\.0 MiB; edit_file edits files of at most 16\.0 MiB/) });
        expect(await tool('edit_file', { path: 'edit-me.txt', old_string: 'beta', new_string: 'gamma' })).toEqual({ isError: false, content: 'edited edit-me.txt' });
        expect(await sh('cat edit-me.txt; rm -f near-cap.txt')).toBe('alpha\ngamma\n');
      });
    });
  });
}
