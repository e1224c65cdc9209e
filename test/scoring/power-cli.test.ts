// `fleetbench power`: the planning command prints what scoring/power.ts computes, and refuses ambiguous shares.
import { describe, it, expect } from 'vitest';
import { buildProgram, type CliContext } from '../../src/cli/main.ts';
import { minimumDetectableDelta, pairsNeeded } from '../../src/scoring/power.ts';

async function power(...args: string[]): Promise<{ out: string[]; err: unknown }> {
  const out: string[] = [];
  const ctx: CliContext = { exitCode: 0, out: (l) => out.push(l), err: () => {} };
  const argv = ['power', ...args];
  try {
    const program = await buildProgram(ctx, argv);
    program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    await program.parseAsync(argv, { from: 'user' });
    return { out, err: null };
  } catch (e) {
    return { out, err: e };
  }
}

describe('fleetbench power', () => {
  it('prints the minimum detectable difference, the power of a given Δ and the scenarios or epochs it needs', async () => {
    const { out, err } = await power('--scenarios', '21', '--epochs', '3', '--discordance', '30%', '--delta', '10pp');
    expect(err).toBeNull();
    expect(out[0]).toBe('21 scenario(s) × 3 epoch(s) = 63 paired run(s); discordance 0.30 (given)');
    expect(out[1]).toContain(`minimum detectable difference in success rate: ≥ ${Math.ceil(minimumDetectableDelta(63, 0.3) * 100)} points (power 0.8`);
    const need = pairsNeeded(0.3, 0.1);
    expect(out[2]).toMatch(new RegExp(`^Δ 10\\.0 points: power 0\\.\\d\\d with this suite; power 0\\.8 needs about ${Math.ceil(need / 3)} scenario\\(s\\) at 3 epoch\\(s\\), or ${Math.ceil(need / 21)} epoch\\(s\\) over 21 scenario\\(s\\)$`));
    expect(out.join('\n')).toContain('| 10 | 210 |');
  });

  it('assumes the discordance 2p(1 − p) from --rate (default 0.5)', async () => {
    expect((await power('--scenarios', '40', '--rate', '0.8')).out[0]).toContain('discordance 0.32 (assumed 2p(1 − p) from a success rate of 0.80');
    expect((await power('--scenarios', '40')).out[0]).toContain('discordance 0.50');
  });

  it('refuses shares that could mean two things, a Δ larger than the discordance and a missing --scenarios', async () => {
    expect(String((await power('--scenarios', '30', '--rate', '40')).err)).toMatch(/--rate '40': write a share as 0.3, 30%/);
    expect(String((await power('--scenarios', '30', '--discordance', '0.1', '--delta', '0.2')).err)).toMatch(/exceeds the discordance/);
    expect((await power()).err).toBeTruthy();
  });
});
