// The layering check (scripts/check-layers.ts): today's tree has no violation beyond the known ones, and a planted
// upward import, in a copy of the tree, fails it with the file, the line and the rule.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkLayers, formatViolation } from '../../scripts/check-layers.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(REPO, 'src');

function plantedTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-layers-'));
  fs.cpSync(SRC, dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.appendFileSync(path.join(dir, f), `\n${text}\n`);
  return dir;
}

describe('check-layers', () => {
  it('passes on the tree as it is', () => {
    const { violations } = checkLayers(SRC);
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it('fails on planted upward imports, naming file, line and rule', () => {
    const dir = plantedTree({
      'scoring/stats.ts': "import { LocalSandboxFactory } from '../sandbox/local.ts';\nimport fs from 'node:fs';",
      'pipeline/run.ts': "import { runMatrix } from '../runner/runner.ts';",
      'util/errors.ts': "export { main } from '../cli/main.ts';",
      'judge/llm.ts': "const docker = await import('dockerode');",
      'agent/agent.ts': "import type { Command } from 'commander';",
    });
    const found = checkLayers(dir).violations.map((v) => `${v.from} -> ${v.to}: ${v.rule}`);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^scoring\/stats\.ts -> sandbox\/local\.ts: scoring\/ is pure/),
      expect.stringMatching(/^scoring\/stats\.ts -> node:fs: scoring\/ is pure/),
      expect.stringMatching(/^pipeline\/run\.ts -> runner\/runner\.ts: the matrix runner is imported only by/),
      expect.stringMatching(/^pipeline\/run\.ts -> runner\/runner\.ts: one run \(pipeline\/\) never reaches up/),
      expect.stringMatching(/^util\/errors\.ts -> cli\/main\.ts: nothing below the CLI imports it/),
      expect.stringMatching(/^judge\/llm\.ts -> dockerode: dockerode loads only/),
      expect.stringMatching(/^agent\/agent\.ts -> commander: only the CLI/),
    ]));
    expect(found).toHaveLength(8); // util/errors.ts → cli also breaks "util/ is the bottom"
  });

  it('runs as a script: exit 1 and the violation on stderr', { timeout: 60_000 }, () => {
    const dir = plantedTree({ 'scoring/gate.ts': "import { writeReport } from '../report/report.ts';" });
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts/check-layers.ts'), dir], { encoding: 'utf8', cwd: REPO });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/src\/scoring\/gate\.ts:\d+ imports report\/report\.ts: breaks "scoring\/ is pure/);
  });
});
