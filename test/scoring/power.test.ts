// The power figures are checked against simulation: draw paired outcomes with a known difference, run the exact
// McNemar test compare runs (mcnemarExact, significant when p < 0.05), and count how often it rejects.
import { describe, it, expect } from 'vitest';
import {
  connorPairs, exactMcnemarPower, mcnemarPower, minimumDetectableDelta, normalMcnemarPower, pairsNeeded, suitePower, EXACT_MAX_PAIRS,
} from '../../src/scoring/power.ts';
import { mcnemarExact, mulberry32 } from '../../src/scoring/stats.ts';

/** Share of simulated suites in which compare's test calls the difference significant. */
function simulatedPower(pairs: number, discordance: number, delta: number, trials: number, seed: number): number {
  const random = mulberry32(seed);
  const candOnly = (discordance + delta) / 2, either = discordance;
  let rejected = 0;
  for (let t = 0; t < trials; t++) {
    let b = 0, c = 0;
    for (let i = 0; i < pairs; i++) {
      const u = random();
      if (u < candOnly) c++;
      else if (u < either) b++;
    }
    if (mcnemarExact(b, c) < 0.05) rejected++;
  }
  return rejected / trials;
}

describe('minimum detectable difference, checked by simulation', () => {
  // 4000 trials: the simulated power's standard error is about 0.0063, so ±0.025 is four of them.
  const TRIALS = 4000, TOLERANCE = 0.025;
  it.each([
    { scenarios: 30, epochs: 1, discordance: 0.3 },
    { scenarios: 21, epochs: 3, discordance: 0.4 },
    { scenarios: 100, epochs: 2, discordance: 0.15 },
  ])('$scenarios scenarios × $epochs epochs at discordance $discordance: power at the MDE ≈ 0.80', ({ scenarios, epochs, discordance }) => {
    const pairs = scenarios * epochs;
    const mde = minimumDetectableDelta(pairs, discordance);
    expect(mde).toBeGreaterThan(0);
    expect(mde).toBeLessThanOrEqual(discordance);
    expect(simulatedPower(pairs, discordance, mde, TRIALS, 7)).toBeCloseTo(0.8, 1);
    expect(Math.abs(simulatedPower(pairs, discordance, mde, TRIALS, 11) - 0.8)).toBeLessThan(TOLERANCE);
    // A difference 40% smaller is clearly under-powered.
    expect(simulatedPower(pairs, discordance, mde * 0.6, TRIALS, 13)).toBeLessThan(0.6);
  });

  it('beyond the exact range, the normal approximation also gives 80% in simulation', () => {
    const pairs = EXACT_MAX_PAIRS + 1000, discordance = 0.2;
    const mde = minimumDetectableDelta(pairs, discordance);
    expect(Math.abs(simulatedPower(pairs, discordance, mde, 1500, 17) - 0.8)).toBeLessThan(0.04);
  });

  it('pairsNeeded gives a suite whose simulated power reaches 80%', () => {
    const need = pairsNeeded(0.3, 0.1);
    expect(need).toBeGreaterThan(200);
    expect(Math.abs(simulatedPower(need, 0.3, 0.1, TRIALS, 19) - 0.8)).toBeLessThan(TOLERANCE);
    expect(simulatedPower(Math.round(need * 0.7), 0.3, 0.1, TRIALS, 23)).toBeLessThan(0.72);
  });
});

describe('power formulas', () => {
  it('the exact power matches simulation at an arbitrary point, including the small-sample conservativeness', () => {
    const exact = exactMcnemarPower(20, 0.5, 0.3);
    expect(Math.abs(simulatedPower(20, 0.5, 0.3, 4000, 29) - exact)).toBeLessThan(0.025);
    // The normal approximation overstates what the exact test achieves on few pairs.
    expect(normalMcnemarPower(20, 0.5, 0.3)).toBeGreaterThan(exact);
  });

  it('agrees with Connor (1987) on large suites', () => {
    // ~300 pairs: the exact test is a little conservative; ~1200 pairs: within two points of power.
    expect(Math.abs(exactMcnemarPower(Math.ceil(connorPairs(0.25, 0.08)), 0.25, 0.08) - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(exactMcnemarPower(Math.ceil(connorPairs(0.25, 0.04)), 0.25, 0.04) - 0.8)).toBeLessThan(0.02);
    expect(Math.abs(minimumDetectableDelta(3000, 0.3) - minimumDetectableDelta(EXACT_MAX_PAIRS + 1, 0.3) * Math.sqrt((EXACT_MAX_PAIRS + 1) / 3000))).toBeLessThan(0.005);
  });

  it('is symmetric in the sign of Δ and rejects at about alpha (or less) when there is no difference', () => {
    expect(mcnemarPower(60, 0.3, -0.15)).toBeCloseTo(mcnemarPower(60, 0.3, 0.15), 12);
    expect(mcnemarPower(60, 0.3, 0)).toBeLessThanOrEqual(0.05);
  });

  it('has no power when no split can be significant, and says so with Infinity', () => {
    // Five pairs: even 5–0 gives p = 0.0625.
    expect(exactMcnemarPower(5, 1, 1)).toBe(0);
    expect(minimumDetectableDelta(5, 0.5)).toBe(Infinity);
    expect(minimumDetectableDelta(100, 0)).toBe(Infinity);
    expect(pairsNeeded(0.3, 0)).toBe(Infinity);
  });

  it('rejects impossible inputs', () => {
    expect(() => mcnemarPower(10, 0.2, 0.3)).toThrow(RangeError);
    expect(() => mcnemarPower(-1, 0.2, 0.1)).toThrow(RangeError);
    expect(() => mcnemarPower(10, 1.2, 0.1)).toThrow(RangeError);
  });

  it('suitePower splits the pairs needed into scenarios at these epochs or epochs at these scenarios', () => {
    const s = suitePower(21, 1, 0.3, 0.1);
    const need = pairsNeeded(0.3, 0.1);
    expect(s.pairs).toBe(21);
    expect(s.scenariosNeeded).toBe(need);
    expect(s.epochsNeeded).toBe(Math.ceil(need / 21));
    expect(s.power!).toBeLessThan(0.3);
    expect(suitePower(21, 3, 0.3).mde).toBeLessThan(s.mde);
  });
});
