#!/usr/bin/env node
// The package's bin. Runs the bundled CLI in dist/cli-bundle/ (built by `npm run build`, which `prepare` runs on
// `npm ci` and `npm pack`): no TypeScript compiler on the start-up path, and one file per command instead of hundreds
// of modules (zod, the MCP SDK): the Stop hook and the MCP server pay their start-up once per agent session.
// In a clone it runs src/ through tsx instead whenever dist/ could be stale, so an edit is never masked by an old
// build (tests spawn this file): FLEETBENCH_FROM_SOURCE=1, no complete build, or a src/ file newer than the build.
// FLEETBENCH_FROM_SOURCE=0 runs a complete build even if src/ is newer (the start-up bench measures the build).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = `${root}dist/.build-stamp`; // written when a build completes; its mtime is when that build started

/** Newest mtime under dir (ms), stopping early once one is newer than `than`. A clone's src/ has ~250 files: ~2 ms. */
function newerThan(dir, than) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory() ? newerThan(p, than) : fs.statSync(p).mtimeMs > than) return true;
  }
  return false;
}

function fromSource() {
  if (process.env.FLEETBENCH_FROM_SOURCE === '1') return true;
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return true;
  if (process.env.FLEETBENCH_FROM_SOURCE === '0') return false;
  // Only a source checkout (it has the build's tsconfig, which the package does not ship) can have a stale build:
  // an installed package's src/ is there for the sandbox fallback, with install-time mtimes that say nothing.
  if (!fs.existsSync(`${root}tsconfig.build.json`) || !fs.existsSync(`${root}src/cli/main.ts`)) return false;
  return newerThan(`${root}src`, stamp.mtimeMs);
}

let cli;
if (fromSource()) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
} else {
  cli = await import('../dist/cli-bundle/main.js');
}
cli.ignoreClosedOutput();
const code = await cli.main(process.argv.slice(2));
// An interrupted run exits now: runs that ignored the abort past the grace period must not keep the process alive.
if (code === cli.EXIT_INTERRUPTED) process.exit(code);
process.exitCode = code;
