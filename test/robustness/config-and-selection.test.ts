// Issue 14, bring your own suite: an unknown config key names the valid keys; a selection that matches nothing is
// exit 2 with the reason; judge-eval warns about dataset rows whose scenario it cannot find.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { loadConfig } from '../../src/config/load.ts';
import { rowsWithUnknownScenario } from '../../src/judge/eval.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-byo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => { const f = path.join(tmp, name); fs.writeFileSync(f, text); return f; };

const diff = 'diff --git a/src/a.js b/src/a.js\n--- a/src/a.js\n+++ b/src/a.js\n@@ -1 +1 @@\n-a\n+b\n';
const row = (id: string, scenario?: string) => JSON.stringify({ id, prompt: 'change a to b', diff, label: 'approve', category: 'golden', rationale: 'the task', ...(scenario ? { scenario } : {}) });

describe('unknown config keys', () => {
  it('list the valid keys and the likely one (top level and nested)', () => {
    expect(() => loadConfig(write('top.yaml', 'scenarioDir: ./mine\n'))).toThrow(/remove or rename scenarioDir \(valid keys here: scenarios, scenariosDir, promptsDir, judgesDir, agents, .*; did you mean 'scenariosDir'\?\)/);
    expect(() => loadConfig(write('nested.yaml', 'sandbox:\n  kind: docker\n  memory: 512\n'))).toThrow(/field 'sandbox'.*valid keys here: kind, image, memoryMb, .*did you mean 'memoryMb'/);
    expect(() => loadConfig(write('agent.yaml', 'agents:\n  - kind: builtin\n    modle: openai:gpt-4.1\n'))).toThrow(/field 'agents\.0'.*valid keys here: id, kind, model, .*did you mean 'model'/);
  });
});

describe('judge-eval', () => {
  it('warns about rows naming a scenario it cannot find, and still grades them', async () => {
    const data = write('rows.jsonl', [row('r1', 'no-such-scenario'), row('r2', 'no-such-scenario'), row('r3')].join('\n') + '\n');
    const r = await runCli(['judge-eval', '--dataset', data, '--judges', 'heuristic', '--out', path.join(tmp, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 2 dataset row\(s\) name scenario 'no-such-scenario'.*\(r1, r2\): its scope rules do not apply/);
    expect(r.stdout).toMatch(/heuristic: n=3/);
  });
  it('is exit 2 with the reason for an empty dataset or no judge, never a green n=0', async () => {
    const empty = write('empty.jsonl', '\n');
    const r = await runCli(['judge-eval', '--dataset', empty, '--out', path.join(tmp, 'out2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no labeled diffs in .*empty\.jsonl/);
    const j = await runCli(['judge-eval', '--dataset', write('one.jsonl', row('x') + '\n'), '--judges', ',', '--out', path.join(tmp, 'out3')]);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/names no judge/);
  });
  it('the lookup behind the warning', () => {
    const items = [row('a', 'known'), row('b', 'gone'), row('c')].map((l) => JSON.parse(l));
    expect([...rowsWithUnknownScenario(items, new Set(['known']))]).toEqual([['gone', ['b']]]);
  });
});

describe('a selection that matches nothing', () => {
  it('run: exit 2 naming the selector and the known ids', async () => {
    const r = await runCli(['run', '--scenarios', 'no-such-scenario', '--out', path.join(tmp, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario selector 'no-such-scenario' matches nothing; known ids: /);
  });
});
