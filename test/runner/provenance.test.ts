// Provenance: --resume refuses a results directory whose inputs changed (scenario, agent prompt, judge prompt,
// sandbox, fleetbench version), naming what changed and the fix; --allow-changed continues and records it.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { runMatrix } from '../../src/runner/runner.ts';
import { readManifest, writeManifest, matrixHash, type Manifest } from '../../src/runner/manifest.ts';
import { collectInputs, contentHash } from '../../src/runner/provenance.ts';
import type { SandboxFactory } from '../../src/sandbox/sandbox.ts';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A results directory as a first run would leave it, made from the given inputs (no run needed to reach the check). */
async function recordedRun(o: { agents: string[]; judges: string[]; promptsDir: string; judgesDir: string; sandbox?: string }) {
  const root = tmp('fb-prov-');
  await scaffoldScenario(path.join(root, 'scenarios'), 'demo-a');
  const scenarios = loadAllScenarios(path.join(root, 'scenarios'));
  const m: Manifest = {
    version: 1, matrixHash: '', scenarios: ['demo-a'], scenariosDir: path.join(root, 'scenarios'), promptsDir: null, judgesDir: null, agents: o.agents, judges: o.judges, epochs: 1,
    sandbox: o.sandbox ?? 'local', sandboxOptions: null, limits: {}, shard: null, createdAt: new Date().toISOString(),
    inputs: collectInputs({ scenarios, agents: o.agents, judges: o.judges, promptsDir: o.promptsDir, judgesDir: o.judgesDir }), inputChanges: [],
  };
  m.matrixHash = matrixHash(m);
  const out = path.join(root, 'out');
  writeManifest(out, m);
  return { root, out, scenarios };
}

function copyDir(from: string) {
  const to = tmp('fb-prov-md-');
  fs.cpSync(from, to, { recursive: true });
  return to;
}

// Refused before any agent, judge or sandbox is made: a factory that is never used is enough.
const factory = { kind: 'local' } as unknown as SandboxFactory;

describe('--resume provenance', () => {
  it('refuses after an agent prompt or a judge prompt was edited, naming the file', async () => {
    const promptsDir = copyDir(path.resolve(import.meta.dirname, '../../prompts'));
    const judgesDir = copyDir(path.resolve(import.meta.dirname, '../../judges'));
    const agents = ['builtin:baseline@openai:gpt-test'], judges = ['scope-strict@openai:gpt-test'];
    const { out, scenarios } = await recordedRun({ agents, judges, promptsDir, judgesDir });
    const resume = () => runMatrix({ outDir: out, resume: true, scenarios, agents, judges, epochs: 1, concurrency: 1, factory, agentDeps: { promptsDir }, judgesDir, log: () => {} });

    fs.appendFileSync(path.join(promptsDir, 'baseline.md'), '\nAlso, be brief.\n');
    await expect(resume()).rejects.toThrow(/inputs changed[\s\S]*agent prompt 'baseline' changed \(.*baseline\.md\)[\s\S]*--out <new dir>[\s\S]*--allow-changed/);

    fs.writeFileSync(path.join(promptsDir, 'baseline.md'), fs.readFileSync(path.resolve(import.meta.dirname, '../../prompts/baseline.md')));
    fs.appendFileSync(path.join(judgesDir, 'scope-strict.md'), '\nVeto more.\n');
    await expect(resume()).rejects.toThrow(/judge prompt 'scope-strict' changed \(.*scope-strict\.md\)/);
  });

  it('refuses a different sandbox and a different fleetbench version', async () => {
    const { out, scenarios } = await recordedRun({ agents: ['noop'], judges: ['none'], promptsDir: '/nonexistent', judgesDir: '/nonexistent', sandbox: 'docker' });
    const opts = { outDir: out, resume: true, scenarios, agents: ['noop'], judges: ['none'], epochs: 1, concurrency: 1, factory, log: () => {} };
    await expect(runMatrix(opts)).rejects.toThrow(/run in the docker sandbox, not local/);

    const m = readManifest(out);
    writeManifest(out, { ...m, sandbox: 'local', inputs: { ...m.inputs!, fleetbench: { version: '0.0.1', commit: null } } });
    await expect(runMatrix(opts)).rejects.toThrow(/fleetbench version 0\.0\.1 → \d+\.\d+\.\d+/);
  });

  it('hashes content, not location or timestamps', () => {
    const a = copyDir(path.resolve(import.meta.dirname, '../../prompts'));
    const b = copyDir(a);
    fs.utimesSync(path.join(b, 'baseline.md'), new Date(0), new Date(0));
    expect(contentHash(a)).toBe(contentHash(b));
    fs.renameSync(path.join(b, 'baseline.md'), path.join(b, 'baseline2.md'));
    expect(contentHash(a)).not.toBe(contentHash(b));
  });

  it('fleetbench run --resume after editing a scenario refuses (exit 2) naming it; --allow-changed continues and records it', { timeout: 300_000 }, async () => {
    const root = tmp('fb-prov-cli-');
    await scaffoldScenario(path.join(root, 'scenarios'), 'demo-a');
    await scaffoldScenario(path.join(root, 'scenarios'), 'demo-b');
    const config = path.join(root, 'fleetbench.yaml');
    fs.writeFileSync(config, 'scenariosDir: scenarios\nagents: [noop]\njudges: [none]\nepochs: 1\nconcurrency: 1\n');
    const out = path.join(root, 'out');
    const first = await runCli(['run', '--config', config, '--out', out, '--scenarios', 'demo-a,demo-b']);
    expect(first.code, first.stderr).toBe(0);
    const recorded = readManifest(out);
    expect(Object.keys(recorded.inputs!.scenarios).sort()).toEqual(['demo-a', 'demo-b']);
    expect(recorded.inputs!.fleetbench.version).toMatch(/^\d+\.\d+\.\d+/);

    // Unchanged inputs: resume is fine (nothing left to run).
    const same = await runCli(['run', '--resume', out]);
    expect(same.code, same.stderr).toBe(0);

    const yaml = path.join(root, 'scenarios', 'demo-b', 'scenario.yaml');
    fs.appendFileSync(yaml, '# reworded after the crash\n');
    const refused = await runCli(['run', '--resume', out]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/inputs changed/);
    expect(refused.stderr).toMatch(/scenario 'demo-b' changed \(.*demo-b\)/);
    expect(refused.stderr).not.toMatch(/demo-a/);
    expect(readManifest(out)).toEqual(recorded);

    const allowed = await runCli(['run', '--resume', out, '--allow-changed']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/--allow-changed: resuming/);
    const after = readManifest(out);
    expect(after.inputChanges).toHaveLength(1);
    expect(after.inputChanges[0].changes).toEqual([expect.stringMatching(/^scenario 'demo-b' changed/)]);
    expect(after.inputs!.scenarios['demo-b']).not.toBe(recorded.inputs!.scenarios['demo-b']);
    expect(after.matrixHash).not.toBe(recorded.matrixHash);
    // Recorded: the next plain resume sees today's inputs as the directory's own.
    const again = await runCli(['run', '--resume', out]);
    expect(again.code, again.stderr).toBe(0);
  });
});
