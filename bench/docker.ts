// Figure 4, the docker sandbox per run: container create (workspace copied in, started) → exec `true` → remove.
// null, with the reason, when Docker or the sandbox image is not there.
import path from 'node:path';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { materialize } from '../src/scenarios/workspace.ts';
import { allowlistEnv } from '../src/sandbox/sandbox.ts';
import { verifierEnv } from '../src/verifiers/detect.ts';
import { errorMessage } from '../src/util/errors.ts';
import { median, round1, timingOf, type Timing } from './stats.ts';
import { withTempDir } from './tempdir.ts';

export interface DockerFigure {
  dockerMsPerRun: number | null;
  /** Why there is no figure (no daemon, no image, no sandbox implementation). */
  unavailable: string | null;
  scenario: string;
  create: Timing | null;
  exec: Timing | null;
  remove: Timing | null;
  total: Timing | null;
}

export async function measureDocker(s: LoadedScenario, reps: number): Promise<DockerFigure> {
  const none = (why: string): DockerFigure => ({ dockerMsPerRun: null, unavailable: why, scenario: s.id, create: null, exec: null, remove: null, total: null });
  let factory;
  try {
    const { DockerSandboxFactory } = await import('../src/sandbox/docker.ts');
    factory = new DockerSandboxFactory();
    await factory.preflight();
  } catch (e) {
    return none(errorMessage(e).split('\n')[0]);
  }
  return withTempDir('fleetbench-docker-', async (root) => {
    try {
      const ws = await materialize(s, path.join(root, 'ws'));
      const spec = { workspace: ws.dir, readOnlyPaths: ws.readOnlyPaths, env: { ...allowlistEnv(process.env), ...verifierEnv(ws.dir) }, labels: { 'fleetbench.role': 'bench' } };
      const once = async () => {
        const t0 = performance.now();
        const sb = await factory.create(spec);
        const t1 = performance.now();
        let t2 = t1;
        try {
          const r = await sb.exec('true', { timeoutMs: 60_000 });
          t2 = performance.now();
          if (r.exitCode !== 0) throw new Error(`exec true exited ${r.exitCode}: ${r.output.slice(0, 200)}`);
        } finally {
          await sb.dispose();
        }
        const t3 = performance.now();
        return { create: t1 - t0, exec: t2 - t1, remove: t3 - t2, total: t3 - t0 };
      };
      await once(); // warm-up: first use of the image loads its layers
      const samples: Array<Awaited<ReturnType<typeof once>>> = [];
      for (let i = 0; i < reps; i++) samples.push(await once());
      const pick = (k: keyof (typeof samples)[number]) => timingOf(samples.map((x) => x[k]));
      return {
        dockerMsPerRun: round1(median(samples.map((x) => x.total))), unavailable: null, scenario: s.id,
        create: pick('create'), exec: pick('exec'), remove: pick('remove'), total: pick('total'),
      };
    } catch (e) {
      return none(`docker sandbox failed: ${errorMessage(e).split('\n')[0]}`);
    }
  });
}
