// Choosing a sandbox implementation from the config; the rest of the pipeline only sees SandboxFactory.
import type { SandboxFactory } from './sandbox.ts';
import { LocalSandboxFactory } from './local.ts';
import type { Config } from '../config/schema.ts';

export async function createSandboxFactory(cfg: Config['sandbox'], log: (line: string) => void): Promise<SandboxFactory> {
  if (cfg.kind === 'local') return new LocalSandboxFactory({ log, requireIsolation: cfg.requireIsolation, memoryMb: cfg.memoryMb, pidsLimit: cfg.pidsLimit });
  const { DockerSandboxFactory } = await import('./docker.ts');
  return new DockerSandboxFactory({ image: cfg.image, memoryMb: cfg.memoryMb, cpus: cfg.cpus, pidsLimit: cfg.pidsLimit });
}
