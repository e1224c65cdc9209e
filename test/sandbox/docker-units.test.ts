// The docker sandbox's pure parts and its shell wrapper (run with the host's bash): no Docker daemon needed.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar-stream';
import { Readable } from 'node:stream';
import { CappedCollector, FrameDemuxer } from '../../src/sandbox/docker-output.ts';
import {
  containerCreateOptions, containerEnv, containerPath, m2RepositoryFor, resolveLimits, sandboxLabels, validateReadOnlyPaths,
} from '../../src/sandbox/docker-config.ts';
import { EXEC_WRAPPER, isTimeoutExit, parseUser, timeoutArgument, wrapperArgs } from '../../src/sandbox/docker-exec.ts';
import { mirrorArchive, packDirectory, packFile, stripTopFolder } from '../../src/sandbox/docker-tar.ts';
import { ownerIsGone, processStartTime } from '../../src/sandbox/docker-orphans.ts';
import { translateDockerError } from '../../src/sandbox/docker-errors.ts';

function frame(type: 1 | 2, text: string): Buffer {
  const body = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

describe('FrameDemuxer', () => {
  it('routes frames split at any byte to stdout and stderr, in order', () => {
    const all = Buffer.concat([frame(1, 'out1 '), frame(2, 'err1 '), frame(1, ''), frame(1, 'out2')]);
    for (let cut = 1; cut < all.length; cut++) {
      const seen: string[] = [];
      const d = new FrameDemuxer((s, p) => seen.push(`${s}:${p.toString()}`));
      d.push(all.subarray(0, cut));
      d.push(all.subarray(cut));
      expect(seen).toEqual(['stdout:out1 ', 'stderr:err1 ', 'stdout:out2']);
    }
  });
});

describe('CappedCollector', () => {
  it('keeps everything under the cap', () => {
    const c = new CappedCollector(100);
    c.push(Buffer.from('hello '));
    c.push(Buffer.from('world'));
    expect(c.text()).toBe('hello world');
    expect(c.truncated).toBe(false);
  });

  it('keeps the head and the tail and says how much it dropped', () => {
    const c = new CappedCollector(10);
    for (const ch of 'abcdefghijklmnopqrstuvwxyz') c.push(Buffer.from(ch));
    expect(c.truncated).toBe(true);
    expect(c.text()).toBe('abcde\n[... 16 bytes of output omitted ...]\nvwxyz');
    const big = new CappedCollector(10);
    big.push(Buffer.from('0123456789ABCDEFGHIJ'));
    expect(big.text()).toBe('01234\n[... 10 bytes of output omitted ...]\nFGHIJ');
  });
});

describe('container configuration', () => {
  const ws = '/tmp/fb-ws1';

  it('drops secrets and the host session, rewrites workspace paths, sets HOME to /tmp', () => {
    const env = containerEnv({
      ANTHROPIC_API_KEY: 'sk-1', GITHUB_TOKEN: 'ghp', PATH: '/root/.pyenv/shims:/usr/bin', HOME: '/root', LANG: 'en_US.UTF-8',
      GOCACHE: `${ws}/.fleetbench/go-cache`, GOPATH: '/root/go', CI: '1', OTHER: '/tmp/fb-ws10/x', PYENV_ROOT: '/root/.pyenv',
    }, ws, { FLEETBENCH_M2_REPO: '/root/.m2/repository' });
    expect(env.sort()).toEqual([
      'CI=1', 'FLEETBENCH_M2_REPO=/root/.m2/repository', 'GOCACHE=/workspace/.fleetbench/go-cache', 'HOME=/tmp', 'OTHER=/tmp/fb-ws10/x',
    ]);
  });

  it('validates read-only paths: absolute, deduplicated, never over the sandbox own mounts', () => {
    expect(validateReadOnlyPaths(['/root/.m2/repository/', '/root/.m2/repository', '/cache/deps'])).toEqual(['/root/.m2/repository', '/cache/deps']);
    expect(() => validateReadOnlyPaths(['relative/x'])).toThrow(/absolute/);
    expect(() => validateReadOnlyPaths(['/'])).toThrow(/absolute/);
    expect(() => validateReadOnlyPaths(['/workspace/x'])).toThrow(/shadow/);
    expect(() => validateReadOnlyPaths(['/tmp'])).toThrow(/shadow/);
  });

  it('finds the Maven repository: option, then FLEETBENCH_M2_REPO, then a .m2/repository read-only path', () => {
    const ro = ['/cache/a', '/home/u/.m2/repository'];
    expect(m2RepositoryFor(null, ro, { FLEETBENCH_M2_REPO: '/x' })).toBeUndefined();
    expect(m2RepositoryFor('/opt/m2', ro, { FLEETBENCH_M2_REPO: '/x' })).toBe('/opt/m2');
    expect(m2RepositoryFor(undefined, ro, { FLEETBENCH_M2_REPO: '/x' })).toBe('/x');
    expect(m2RepositoryFor(undefined, ro, {})).toBe('/home/u/.m2/repository');
    expect(m2RepositoryFor(undefined, ['/cache/a'], {})).toBeUndefined();
  });

  it('confines paths to /workspace', () => {
    expect(containerPath('a/../b.txt')).toBe('/workspace/b.txt');
    expect(() => containerPath('../etc/passwd')).toThrow(/outside/);
    expect(() => containerPath('/etc/passwd')).toThrow(/relative/);
  });

  it('asks Docker for network none, uid 1000, no capabilities, read-only root, limits, read-only binds at the same path', () => {
    const limits = resolveLimits({ memoryMb: 256, cpus: 1.5, pidsLimit: 64 });
    const o = containerCreateOptions({
      limits, env: [], groups: [], readOnlyPaths: ['/cache/deps'],
      labels: sandboxLabels('fb', { pid: 42, host: 'h', start: '7' }, { 'fb.sandbox': '0', role: 'grade' }),
    });
    expect(o.User).toBe('0:0'); // docker-init and the keep-alive: out of reach of the uid-1000 commands
    expect(o.HostConfig!.CapAdd).toEqual(['KILL', 'SETUID', 'SETGID']);
    expect(o.Labels).toEqual({ role: 'grade', 'fb.sandbox': '1', 'fb.owner.pid': '42', 'fb.owner.host': 'h', 'fb.owner.start': '7' });
    const h = o.HostConfig!;
    expect(h.NetworkMode).toBe('none');
    expect(h.CapDrop).toEqual(['ALL']);
    expect(h.SecurityOpt).toEqual(['no-new-privileges']);
    expect(h.ReadonlyRootfs).toBe(true);
    expect([h.Memory, h.MemorySwap, h.NanoCpus, h.PidsLimit]).toEqual([256 * 2 ** 20, 256 * 2 ** 20, 1.5e9, 64]);
    expect(h.Mounts).toContainEqual({ Type: 'bind', Source: '/cache/deps', Target: '/cache/deps', ReadOnly: true });
    expect(Object.keys(h.Tmpfs!)).toEqual(['/tmp']);
    expect(() => resolveLimits({ memoryMb: 0 })).toThrow(/memoryMb/);
  });
});

describe('docker errors', () => {
  it('names the fix for an unreachable daemon and a missing image', () => {
    const down = translateDockerError(Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' }),
      { during: 'container create', endpoint: 'unix:///var/run/docker.sock' });
    expect(down.message).toMatch(/not reachable at unix:\/\/\/var\/run\/docker.sock during container create \(ENOENT\)/);
    expect(down.message).toMatch(/dockerd --bridge=none/);
    const noImage = translateDockerError(Object.assign(new Error('(HTTP code 404) no such container - No such image: x:1'), {
      statusCode: 404, json: { message: 'No such image: x:1' },
    }), { during: 'container create', endpoint: 'e', image: 'x:1' });
    expect(noImage.message).toMatch(/image x:1 not found on e: build it with `bash docker\/bootstrap.sh`/);
  });
});

describe('exec wrapper arguments', () => {
  it('runs the command as a numeric uid:gid with the sandbox groups, under timeout, in its directory', () => {
    expect(parseUser('1000:1000')).toEqual({ uid: 1000, gid: 1000 });
    expect(parseUser('1001')).toEqual({ uid: 1001, gid: 1001 });
    expect(() => parseUser('agent')).toThrow(/numeric/);
    expect(() => parseUser('0:0')).toThrow(/root/);
    const args = wrapperArgs({ uid: 1000, gid: 1000, groups: ['4', '1000'], timeoutMs: 1500, workingDir: '/workspace/src', command: 'echo hi' });
    expect(args.slice(3)).toEqual(['fleetbench-exec', '1000', '1000', '1000,4', '1.500', '/workspace/src', 'echo hi']);
    expect(EXEC_WRAPPER).toContain('setpriv --reuid="$1" --regid="$2" --groups="$3"');
    expect(EXEC_WRAPPER).not.toMatch(/FLEETBENCH_EXEC_ID|environ/); // cleanup is by uid, never by an environment marker
  });

  it('tells our timeout from an early kill', () => {
    expect(isTimeoutExit(137, 2500, 300)).toBe(true);
    expect(isTimeoutExit(137, 100, 300)).toBe(false); // before the deadline: an OOM kill
    expect(timeoutArgument(0)).toBe('0.010');
  });
});

describe('workspace archives', () => {
  it('packs a directory with uid/gid 1000, modes and symlinks kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-pack-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'a.txt'), 'A');
    fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    fs.symlinkSync('/abs/cache/node_modules', path.join(dir, 'node_modules'));
    const seen: Record<string, string> = {};
    const ex = tar.extract();
    packDirectory(dir).pipe(ex as unknown as NodeJS.WritableStream);
    for await (const e of ex) {
      const h = e.header;
      seen[h.name] = `${h.type} ${(h.mode! & 0o777).toString(8)} ${h.uid}:${h.gid}${h.linkname ? ` -> ${h.linkname}` : ''}`;
      e.resume();
    }
    expect(seen).toEqual({
      node_modules: 'symlink 777 1000:1000 -> /abs/cache/node_modules',
      'run.sh': 'file 755 1000:1000',
      src: 'directory 755 1000:1000',
      'src/a.txt': 'file 644 1000:1000',
    });
    const one = tar.extract();
    Readable.from([await packFile('x/y/z.txt', Buffer.from('Z'), 0o600)]).pipe(one as unknown as NodeJS.WritableStream);
    const names: string[] = [];
    for await (const e of one) { names.push(`${e.header.name}:${(e.header.mode! & 0o777).toString(8)}`); e.resume(); }
    expect(names).toEqual(['x:755', 'x/y:755', 'x/y/z.txt:600']);
  });

  async function archive(entries: Array<{ name: string; type?: 'file' | 'directory' | 'symlink'; body?: string; linkname?: string; mode?: number }>) {
    const pack = tar.pack();
    for (const e of entries) pack.entry({ name: e.name, type: e.type ?? 'file', linkname: e.linkname, mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644) }, e.body ?? '');
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    return Readable.from([Buffer.concat(chunks)]);
  }

  it('mirrors the container workspace onto the host: writes, deletions, symlinks, never through a host symlink', async () => {
    const host = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-mirror-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-outside-'));
    fs.writeFileSync(path.join(host, 'deleted.txt'), 'gone');
    fs.mkdirSync(path.join(host, 'old-dir'));
    fs.symlinkSync(outside, path.join(host, 'lib'));
    await mirrorArchive(await archive([
      { name: 'workspace/', type: 'directory' },
      { name: 'workspace/a.txt', body: 'new A' },
      { name: 'workspace/bin.sh', body: '#!/bin/sh', mode: 0o755 },
      { name: 'workspace/lib', type: 'directory' },
      { name: 'workspace/lib/x.txt', body: 'inside' },
      { name: 'workspace/node_modules', type: 'symlink', linkname: '/abs/cache/node_modules' },
    ]), host);
    expect(fs.readdirSync(host).sort()).toEqual(['a.txt', 'bin.sh', 'lib', 'node_modules']);
    expect(fs.readFileSync(path.join(host, 'a.txt'), 'utf8')).toBe('new A');
    expect(fs.statSync(path.join(host, 'bin.sh')).mode & 0o777).toBe(0o755);
    expect(fs.lstatSync(path.join(host, 'lib')).isDirectory()).toBe(true);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.readlinkSync(path.join(host, 'node_modules'))).toBe('/abs/cache/node_modules');
    await expect(mirrorArchive(await archive([{ name: 'workspace/../evil', body: 'x' }]), host)).rejects.toThrow(/escapes/);
    expect(stripTopFolder('workspace/src/a.ts')).toBe('src/a.ts');
  });
});

describe('orphan ownership', () => {
  it('tells a dead or reused owner pid from a live one, and leaves other hosts alone', () => {
    const dead = spawnSync('true').pid!;
    const labels = (pid: number, start: string, host = os.hostname()) => ({ 'p.owner.pid': String(pid), 'p.owner.host': host, 'p.owner.start': start });
    const me = processStartTime(process.pid);
    expect(me).toMatch(/^\d+$/);
    expect(ownerIsGone(labels(process.pid, me), 'p')).toBe(false);
    expect(ownerIsGone(labels(process.pid, String(Number(me) + 1)), 'p')).toBe(true);
    expect(ownerIsGone(labels(dead, ''), 'p')).toBe(true);
    expect(ownerIsGone(labels(dead, '', 'another-host'), 'p')).toBe(false);
  });
});
