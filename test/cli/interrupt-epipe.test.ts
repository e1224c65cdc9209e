// Issue 13: a closed stdout/stderr (`fleetbench run … 2>&1 | head -2`) never stops a run: writes fail with EPIPE,
// are dropped, and the run completes with every result recorded and exit 0.
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { startCli, makeRoot, readLines } from '../runner/cli-process.ts';
import { runKeyString } from '../../src/pipeline/result.ts';

describe('closed output', () => {
  it('a run whose stderr and stdout close after the first line completes', { timeout: 300_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-epipe-');
    const out = path.join(root, 'out');
    const p = startCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop,replay:golden', '--epochs', '2', '--out', out], { env });
    p.child.stderr!.once('data', () => { p.child.stderr!.destroy(); p.child.stdout!.destroy(); });
    const e = await p.exit;
    expect(e.signal).toBeNull();
    expect(e.code).toBe(0);
    const lines = readLines(path.join(out, 'results.jsonl'));
    expect(new Set(lines.map(runKeyString)).size).toBe(4);
    expect(lines.filter((l) => l.agent === 'replay:golden').map((l) => l.outcome)).toEqual(['success', 'success']);
  });
});
