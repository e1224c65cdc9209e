// `fleetbench init`'s library half: what it writes, what it refuses (an existing file, an unknown ecosystem), and that
// the scaffolded config and scenarios load as a suite.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scaffoldSuite } from '../../src/scenarios/scaffold-suite.ts';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { loadConfig } from '../../src/config/load.ts';
import { loadPromptVariant, DEFAULT_PROMPTS_DIR } from '../../src/agent/prompts.ts';
import { loadJudgePrompt, DEFAULT_JUDGES_DIR } from '../../src/judge/llm.ts';
import type { Ecosystem } from '../../src/scenarios/schema.ts';

const opts = (dir: string, ecosystems: string[]) => ({
  dir, ecosystems: ecosystems as Ecosystem[], version: '1.2.3',
  agentPromptFrom: path.join(DEFAULT_PROMPTS_DIR, 'baseline.md'), judgePromptFrom: path.join(DEFAULT_JUDGES_DIR, 'scope-strict.md'),
});

describe('scaffoldSuite (fleetbench init)', () => {
  it('writes a config, one scenario per ecosystem, valid prompts, a workflow and a package.json, and never overwrites', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-init-')), 'My Suite');
    const written = await scaffoldSuite(opts(dir, ['go', 'node']));
    expect(written).toEqual(['fleetbench.yaml', 'prompts/my-agent.md', 'judges/my-judge.md', '.github/workflows/fleetbench.yml', 'package.json', 'scenarios/greeting-go/', 'scenarios/greeting-node/']);
    const config = loadConfig(path.join(dir, 'fleetbench.yaml'));
    expect(config.scenariosDir).toBe(path.join(dir, 'scenarios'));
    expect(config.gate.max).toEqual({ error_rate: 0 });
    // The config names the scaffolded prompt folders, so builtin:my-agent@… and my-judge@… find them.
    expect([config.promptsDir, config.judgesDir]).toEqual([path.join(dir, 'prompts'), path.join(dir, 'judges')]);
    expect(loadAllScenarios(config.scenariosDir).map((s) => [s.id, s.ecosystem])).toEqual([['greeting-go', 'go'], ['greeting-node', 'node']]);
    expect(loadPromptVariant(config.promptsDir!, 'my-agent').text).toBe(loadPromptVariant(DEFAULT_PROMPTS_DIR, 'baseline').text);
    expect(loadJudgePrompt(config.judgesDir!, 'my-judge')).toMatchObject({ id: 'my-judge', mode: loadJudgePrompt(DEFAULT_JUDGES_DIR, 'scope-strict').mode });
    const workflow = fs.readFileSync(path.join(dir, '.github/workflows/fleetbench.yml'), 'utf8');
    expect(workflow).toContain('actions/setup-go');
    expect(workflow).not.toContain('setup-python');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({ name: 'my-suite', private: true, devDependencies: { fleetbench: '^1.2.3' } });
    const before = fs.readFileSync(path.join(dir, 'fleetbench.yaml'), 'utf8');
    await expect(scaffoldSuite(opts(dir, ['python']))).rejects.toThrow(/already has fleetbench\.yaml.*init writes only new files/);
    expect(fs.existsSync(path.join(dir, 'scenarios/greeting-python'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'fleetbench.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an ecosystem without a scaffold, and none at all', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-init-'));
    await expect(scaffoldSuite(opts(dir, ['cobol']))).rejects.toThrow(/--ecosystem 'cobol': scaffolds exist for/);
    await expect(scaffoldSuite(opts(dir, []))).rejects.toThrow(/at least one ecosystem/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
