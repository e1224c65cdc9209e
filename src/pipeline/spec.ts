// The sandbox spec for a materialized workspace: the one place that decides what a sandbox sees.
import type { Workspace } from '../scenarios/workspace.ts';
import { allowlistEnv, type SandboxFactory, type SandboxSpec } from '../sandbox/sandbox.ts';
import { verifierEnv } from '../verifiers/detect.ts';

export function sandboxSpecFor(ws: Workspace, factory: SandboxFactory, labels: Record<string, string>, extraReadOnly: string[] = []): SandboxSpec {
  // Go's shared build cache is a host directory: only a local sandbox can mount it writable.
  const goCache = factory.kind === 'local' ? ws.goCache : undefined;
  return {
    workspace: ws.dir,
    readOnlyPaths: [...ws.readOnlyPaths, ...extraReadOnly],
    writablePaths: goCache ? [goCache] : [],
    env: { ...allowlistEnv(process.env), ...verifierEnv(ws.dir, goCache) },
    labels,
  };
}
