// Symlinks the archive API refuses ("invalid symlink": a relative target above the workspace, e.g. `tests/up -> ../..`)
// are a legitimate shape of an agent's diff: they are created in place by an exec as the sandbox user after the
// container starts, with their exact target, so the build sees what it would see in the local sandbox.
import type Docker from 'dockerode';
import { bounded } from './docker-errors.ts';
import { SANDBOX_USER, WORKSPACE_DIR } from './docker-config.ts';

export interface DeferredSymlink { relPath: string; linkname: string }

// NUL-separated (target, path) pairs on stdin: names with newlines or any other byte pass through unchanged.
const MAKE_LINKS = `cd ${WORKSPACE_DIR} || exit 1
failed=0
while IFS= read -r -d '' target && IFS= read -r -d '' name; do
  ln -sfn -- "$target" "$name" 2>&1 || failed=1
done
exit $failed`;

/** Create `links` in the container's workspace; returns a note per link that could not be made (never throws for those). */
export async function createDeferredSymlinks(container: Docker.Container, links: DeferredSymlink[]): Promise<string[]> {
  if (!links.length) return [];
  const exec = await bounded(container.exec({
    Cmd: ['bash', '-c', MAKE_LINKS], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: false,
    User: SANDBOX_USER, WorkingDir: '/',
  }), 'exec create (symlinks)');
  const stream = (await bounded(exec.start({ hijack: true, stdin: true }), 'exec start (symlinks)')) as unknown as NodeJS.ReadWriteStream;
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', reject);
  });
  const input = Buffer.concat(links.flatMap((l) => [Buffer.from(l.linkname), Buffer.from([0]), Buffer.from(l.relPath), Buffer.from([0])]));
  stream.end(input);
  await bounded(done, 'exec (symlinks)');
  const info = await bounded(exec.inspect(), 'exec inspect (symlinks)');
  if (info.ExitCode === 0) return [];
  // Output frames carry an 8-byte header each; the text is only for the note.
  const text = Buffer.concat(chunks).toString('utf8').replace(/[\x00-\x08]/g, '').trim();
  return [`some symlinks pointing outside the workspace could not be created: ${text.slice(0, 500)}`];
}
