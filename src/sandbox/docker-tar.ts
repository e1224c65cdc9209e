// Tar streams between a host directory and a container (the archive API): in with uid 1000, back out mirrored.
import { createWriteStream } from 'node:fs';
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

/** A tar of `root`'s contents, entries owned by the sandbox user (extraction keeps header uid/gid). */
export function packDirectory(root: string): Readable {
  const pack = tar.pack();
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID };
  const walk = async (rel: string): Promise<void> => {
    const dirents = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      const relPath = rel ? `${rel}/${d.name}` : d.name;
      const abs = path.join(root, relPath);
      const st = await fs.lstat(abs);
      const base = { ...owner, name: relPath, mode: st.mode & 0o7777, mtime: st.mtime };
      if (st.isDirectory()) {
        await addEntry(pack, { ...base, type: 'directory' });
        await walk(relPath);
      } else if (st.isSymbolicLink()) {
        await addEntry(pack, { ...base, type: 'symlink', linkname: await fs.readlink(abs) });
      } else if (st.isFile()) {
        await addEntry(pack, { ...base, type: 'file', size: st.size }, await fs.readFile(abs));
      } // sockets, fifos, devices: not part of a source tree
    }
  };
  walk('').then(() => pack.finalize(), (e) => pack.destroy(e));
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
  await addEntry(pack, { ...owner, name: relPath, type: 'file', mode, size: data.length }, data);
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
  const extract = tar.extract();
  (stream as Readable).pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const h = entry.header;
    const rel = stripTopFolder(h.name);
    const target = path.join(realRoot, rel);
    if (rel) {
      // Parents were written as real directories earlier in the archive; make sure none is a symlink out.
      const parent = await fs.realpath(path.dirname(target));
      if (parent !== realRoot && !parent.startsWith(realRoot + path.sep)) throw new Error(`archive entry escapes the workspace: ${h.name}`);
    }
    const mode = (h.mode ?? 0o644) & 0o7777;
    if (h.type === 'directory') {
      if (rel) await removeIfPresent(target, true);
      await fs.mkdir(target, { recursive: true });
      if (rel) await fs.chmod(target, mode);
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
      entry.resume();
      continue;
    }
    kept.add(rel);
  }
  await pruneExtraneous(realRoot, '', kept);
}

async function pruneExtraneous(root: string, rel: string, kept: Set<string>): Promise<void> {
  for (const d of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${d.name}` : d.name;
    if (!kept.has(relPath)) await fs.rm(path.join(root, relPath), { recursive: true, force: true });
    else if (d.isDirectory()) await pruneExtraneous(root, relPath, kept);
  }
}
