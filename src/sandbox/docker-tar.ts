// Tar streams between a host directory and a container (the archive API): in with uid 1000, back out mirrored.
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { SANDBOX_UID } from './docker-config.ts';

type Header = Parameters<tar.Pack['entry']>[0];

function addEntry(pack: tar.Pack, header: Header, body?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const cb = (err?: unknown) => (err ? reject(err) : resolve());
    if (body) pack.entry(header, body, cb);
    else pack.entry(header, cb);
  });
}

/** Permission bits kept in a copy: setuid and setgid are dropped (the sticky bit and rwx stay). */
export function copyMode(mode: number): number {
  return mode & 0o1777;
}

/** tar-stream replaces a falsy mode by 0644/0755; a bit outside its 07777 mask writes a real 0000. */
function headerMode(mode: number): number {
  return mode === 0 ? 0o10000 : mode;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8Name(name: Buffer): string | undefined {
  try {
    return UTF8.decode(name);
  } catch {
    return undefined;
  }
}

/** A symlink the archive API would refuse ("invalid symlink"): a relative target that resolves above the root. */
export function escapesRoot(relPath: string, linkname: string): boolean {
  if (path.posix.isAbsolute(linkname)) return false; // Docker joins it under the extraction root: accepted
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relPath), linkname));
  return resolved === '..' || resolved.startsWith('../');
}

export interface PackOptions {
  /** Symlinks the archive cannot carry (relative, escaping the workspace): the caller creates them in place. */
  onDeferredSymlink?: (relPath: string, linkname: string) => void;
  /** Entries not copied, with why (fifos, sockets, devices, names that are not UTF-8). */
  onSkip?: (relPath: string, why: string) => void;
}

async function readableFile(abs: string, mode: number): Promise<() => Promise<void>> {
  try {
    await (await fs.open(abs, 'r')).close();
    return async () => {};
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
    await fs.chmod(abs, mode | 0o400); // mode 0000 as a non-root harness: readable for the copy, then restored
    return () => fs.chmod(abs, mode);
  }
}

/**
 * A tar of `root`'s contents, entries owned by the sandbox user (extraction keeps header uid/gid). Files are streamed
 * (a 300 MB file is not held in memory); setuid/setgid bits dropped; hard links copied as separate files; fifos,
 * sockets, devices and names that are not valid UTF-8 skipped (`onSkip`); relative symlinks escaping the workspace
 * handed to `onDeferredSymlink` (the archive API refuses them).
 */
export function packDirectory(root: string, options: PackOptions = {}): Readable {
  const pack = tar.pack();
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID };
  const walk = async (relBuf: Buffer, rel: string): Promise<void> => {
    const dirBuf = relBuf.length ? Buffer.concat([Buffer.from(root), Buffer.from('/'), relBuf]) : Buffer.from(root);
    const names = (await fs.readdir(dirBuf, { encoding: 'buffer' })) as Buffer[];
    names.sort(Buffer.compare);
    for (const nameBuf of names) {
      const childBuf = relBuf.length ? Buffer.concat([relBuf, Buffer.from('/'), nameBuf]) : nameBuf;
      const name = utf8Name(nameBuf);
      if (name === undefined) {
        options.onSkip?.(childBuf.toString('utf8'), 'name is not valid UTF-8');
        continue;
      }
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(root, relPath);
      const st = await fs.lstat(abs);
      const base = { ...owner, name: relPath, mode: headerMode(copyMode(st.mode)), mtime: st.mtime };
      if (st.isDirectory()) {
        await addEntry(pack, { ...base, type: 'directory' });
        await walk(childBuf, relPath);
      } else if (st.isSymbolicLink()) {
        const linkname = await fs.readlink(abs);
        if (escapesRoot(relPath, linkname) && options.onDeferredSymlink) options.onDeferredSymlink(relPath, linkname);
        else await addEntry(pack, { ...base, type: 'symlink', linkname });
      } else if (st.isFile()) {
        if (st.size === 0) {
          await addEntry(pack, { ...base, type: 'file', size: 0 }, Buffer.alloc(0));
          continue;
        }
        const restore = await readableFile(abs, st.mode & 0o7777);
        try {
          const sink = pack.entry({ ...base, type: 'file', size: st.size });
          await pipeline(createReadStream(abs, { start: 0, end: st.size - 1 }), sink as unknown as NodeJS.WritableStream);
        } finally {
          await restore();
        }
      } else {
        const kind = st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
        options.onSkip?.(relPath, `${kind}: not copied into the container`);
      }
    }
  };
  walk(Buffer.alloc(0), '').then(() => pack.finalize(), (e) => pack.destroy(e));
  return pack as unknown as Readable;
}

/** A tar holding one file and its parent directories (all owned by the sandbox user). */
export async function packFile(relPath: string, data: Buffer, mode: number): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => { for await (const c of pack) chunks.push(c as Buffer); })();
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID, mtime: new Date() };
  const parts = relPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    await addEntry(pack, { ...owner, name: parts.slice(0, i).join('/'), type: 'directory', mode: 0o755 });
  }
  await addEntry(pack, { ...owner, name: relPath, type: 'file', mode: headerMode(copyMode(mode)), size: data.length }, data);
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

export type ArchivedEntry =
  | { type: 'file'; data: Buffer }
  | { type: 'symlink'; linkname: string }
  | { type: 'directory' | 'other' };

/** The first entry of a getArchive stream (the path that was asked for). */
export async function firstEntry(stream: NodeJS.ReadableStream): Promise<ArchivedEntry> {
  const extract = tar.extract();
  (stream as Readable).pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const h = entry.header;
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    (stream as Readable).destroy?.();
    if (h.type === 'file' || h.type === 'contiguous-file') return { type: 'file', data: Buffer.concat(chunks) };
    if (h.type === 'symlink') return { type: 'symlink', linkname: h.linkname ?? '' };
    return { type: h.type === 'directory' ? 'directory' : 'other' };
  }
  throw new Error('empty archive');
}

/** Entry name without the archive's top folder (`workspace/src/a.ts` -> `src/a.ts`); rejects escapes. */
export function stripTopFolder(name: string): string {
  const rel = path.posix.normalize(name.split('/').slice(1).join('/') || '.').replace(/\/+$/, '');
  if (rel === '.' || rel === '') return '';
  if (path.posix.isAbsolute(rel) || rel === '..' || rel.startsWith('../')) throw new Error(`archive entry escapes the workspace: ${name}`);
  return rel;
}

async function removeIfPresent(p: string, keepDirectory = false): Promise<void> {
  const st = await fs.lstat(p).catch(() => undefined);
  if (!st || (keepDirectory && st.isDirectory())) return;
  await fs.rm(p, { recursive: true, force: true });
}

/**
 * Make `hostRoot` an exact copy of an archive of the container's workspace: entries written (never through
 * a host symlink), then everything the archive does not contain removed.
 */
export async function mirrorArchive(stream: NodeJS.ReadableStream, hostRoot: string): Promise<void> {
  await fs.mkdir(hostRoot, { recursive: true });
  const realRoot = await fs.realpath(hostRoot);
  const kept = new Set<string>(['']);
  const dirModes: Array<[string, number]> = [];
  const extract = tar.extract();
  (stream as Readable).pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const h = entry.header;
    const rel = stripTopFolder(h.name);
    if (rel.includes('\uFFFD')) {
      entry.resume(); // a name that is not UTF-8 (tar-stream decodes it lossily): left as it is on the host
      continue;
    }
    const target = path.join(realRoot, rel);
    if (rel) {
      // Parents were written as real directories earlier in the archive; make sure none is a symlink out.
      const parent = await fs.realpath(path.dirname(target));
      if (parent !== realRoot && !parent.startsWith(realRoot + path.sep)) throw new Error(`archive entry escapes the workspace: ${h.name}`);
    }
    const mode = copyMode(h.mode ?? 0o644);
    if (h.type === 'directory') {
      if (rel) await removeIfPresent(target, true);
      await fs.mkdir(target, { recursive: true });
      // Writable and searchable while its entries are written (a 0555 or 0000 directory); its mode at the end.
      if (rel) {
        await fs.chmod(target, mode | 0o700);
        dirModes.push([target, mode]);
      }
      entry.resume();
    } else if (h.type === 'file' || h.type === 'contiguous-file') {
      await removeIfPresent(target);
      await pipeline(entry, createWriteStream(target, { mode }));
      await fs.chmod(target, mode);
    } else if (h.type === 'symlink') {
      await removeIfPresent(target);
      await fs.symlink(h.linkname ?? '', target);
      entry.resume();
    } else if (h.type === 'link') {
      await removeIfPresent(target);
      await fs.copyFile(path.join(realRoot, stripTopFolder(h.linkname ?? '')), target);
      entry.resume();
    } else {
      entry.resume(); // fifos, devices: not copied back (packDirectory does not copy them in either)
      continue;
    }
    kept.add(rel);
  }
  await pruneExtraneous(realRoot, '', kept);
  for (const [dir, mode] of dirModes.reverse()) await fs.chmod(dir, mode); // deepest first
}

async function pruneExtraneous(root: string, rel: string, kept: Set<string>): Promise<void> {
  for (const d of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${d.name}` : d.name;
    if (!kept.has(relPath)) await fs.rm(path.join(root, relPath), { recursive: true, force: true });
    else if (d.isDirectory()) await pruneExtraneous(root, relPath, kept);
  }
}
