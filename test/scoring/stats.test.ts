// Reference values come from test/scoring/stats-reference.py (scipy 1.17.1, numpy 2.4.6, exact
// fractions); each is pasted next to the Python expression that printed it. Hand-derived values
// say so. Re-run: python3 test/scoring/stats-reference.py
import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval, cohenKappa, confusionMetrics, mcnemarExact, mean, mulberry32, normalQuantile,
  pairedBootstrapDelta, passAtK, passHatK, quantile, wilsonInterval,
} from '../../src/scoring/stats.ts';

/** |actual − expected| ≤ max(abs, rel·|expected|); rel matters only for tiny p-values. */
function expectClose(actual: number, expected: number, abs = 1e-9, rel = 1e-9): void {
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}

describe('normalQuantile', () => {
  it.each([
    [0.5, 0.0], // special.ndtri(0.5)
    [0.975, 1.959963984540054], // special.ndtri(0.975)
    [0.025, -1.9599639845400545], // special.ndtri(0.025)
    [0.995, 2.5758293035489004], // special.ndtri(0.995)
    [0.9, 1.2815515655446004], // special.ndtri(0.9)
    [0.3, -0.5244005127080409], // special.ndtri(0.3)
    [0.075, -1.4395314709384563], // special.ndtri(0.075)
    [0.925, 1.4395314709384563], // special.ndtri(0.925)
    [1e-10, -6.361340902404056], // special.ndtri(1e-10)
    [1 - 1e-6, 4.753424308817087], // special.ndtri(0.999999)
    [1e-300, -37.0470962993612], // special.ndtri(1e-300)
  ])('normalQuantile(%s) matches scipy to 1e-12', (p, expected) => {
    expectClose(normalQuantile(p), expected, 1e-12, 1e-12);
  });

  it('maps 0 and 1 to infinities and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.1, NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  // Python: wilson_by_root(...) = brentq roots of (p̂ − p0)² = z²·p0(1 − p0)/n, z = stats.norm.ppf(1 − α/2)
  it.each([
    [7, 10, 0.95, 0.39677814746114526, 0.8922087325936989], // wilson_by_root(7, 10)
    [0, 10, 0.95, 0.0, 0.27753279986288926], // wilson_by_root(0, 10)
    [10, 10, 0.95, 0.7224672001371109, 1.0], // wilson_by_root(10, 10)
    [1, 1, 0.95, 0.20654931437723742, 1.0], // wilson_by_root(1, 1)
    [29, 30, 0.95, 0.8332960900859083, 0.9940914096183876], // wilson_by_root(29, 30)
    [45, 50, 0.9, 0.8084624858484291, 0.9504709655225548], // wilson_by_root(45, 50, 0.9)
    [512, 1000, 0.99, 0.4713395266216968, 0.5525022854206214], // wilson_by_root(512, 1000, 0.99)
    [3, 200, 0.95, 0.00511423779325831, 0.043165728792690254], // wilson_by_root(3, 200)
  ])('wilsonInterval(%i, %i, %s)', (successes, n, confidence, low, high) => {
    const interval = wilsonInterval(successes, n, confidence);
    expect(interval.rate).toBe(successes / n);
    expectClose(interval.low, low);
    expectClose(interval.high, high);
  });

  it('pins the bounds to exactly 0 and 1 at 0 and n successes', () => {
    expect(wilsonInterval(0, 7).low).toBe(0);
    expect(wilsonInterval(7, 7).high).toBe(1);
  });

  it('returns rate NaN and [0, 1] for n = 0', () => {
    const interval = wilsonInterval(0, 0);
    expect(interval.rate).toBeNaN();
    expect([interval.low, interval.high]).toEqual([0, 1]);
  });

  it('widens with the confidence level', () => {
    const narrow = wilsonInterval(12, 40, 0.8);
    const wide = wilsonInterval(12, 40, 0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('rejects malformed counts and confidence levels', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/must not exceed n/);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/confidence/);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(/confidence/);
  });
});

describe('cohenKappa and confusionMetrics', () => {
  // Python: kappa(tp, fp, fn, tn) = float((po − pe) / (1 − pe)) with fractions.Fraction
  it.each([
    [{ tp: 20, fp: 5, fn: 10, tn: 15 }, 0.4], // kappa(20, 5, 10, 15)
    [{ tp: 45, fp: 15, fn: 25, tn: 15 }, 0.13043478260869565], // kappa(45, 15, 25, 15)
    [{ tp: 10, fp: 0, fn: 0, tn: 10 }, 1.0], // kappa(10, 0, 0, 10)
    [{ tp: 0, fp: 10, fn: 10, tn: 0 }, -1.0], // kappa(0, 10, 10, 0)
    [{ tp: 0, fp: 5, fn: 0, tn: 0 }, 0.0], // kappa(0, 5, 0, 0): judge always vetoes, all labels approve
    [{ tp: 3, fp: 1, fn: 2, tn: 94 }, 0.6511627906976745], // kappa(3, 1, 2, 94)
  ])('cohenKappa(%o) = %s', (matrix, expected) => {
    expectClose(cohenKappa(matrix), expected);
  });

  it('is NaN (undefined) when judge and labels use one and the same class, or the table is empty', () => {
    expect(cohenKappa({ tp: 10, fp: 0, fn: 0, tn: 0 })).toBeNaN();
    expect(cohenKappa({ tp: 0, fp: 0, fn: 0, tn: 10 })).toBeNaN();
    expect(cohenKappa({ tp: 0, fp: 0, fn: 0, tn: 0 })).toBeNaN();
  });

  it('computes every metric with positive = veto (hand-derived fractions)', () => {
    // 5 veto-labeled diffs (3 vetoed, 2 approved), 95 approve-labeled (1 vetoed, 94 approved).
    const m = confusionMetrics({ tp: 3, fp: 1, fn: 2, tn: 94 });
    expect(m.n).toBe(100);
    expectClose(m.accuracy, 97 / 100);
    expectClose(m.precision, 3 / 4);
    expectClose(m.recall, 3 / 5);
    expectClose(m.f1, 2 / 3); // 2·3 / (2·3 + 1 + 2)
    expectClose(m.fpr, 1 / 95); // vetoed 1 of 95 good changes
    expectClose(m.fnr, 2 / 5); // approved 2 of 5 bad changes
    expectClose(m.kappa, 0.6511627906976745); // kappa(3, 1, 2, 94)
  });

  it('reports NaN where a metric is undefined', () => {
    const onlyGood = confusionMetrics({ tp: 0, fp: 0, fn: 0, tn: 10 });
    expect(onlyGood).toMatchObject({ n: 10, accuracy: 1, fpr: 0 });
    for (const key of ['precision', 'recall', 'f1', 'fnr', 'kappa'] as const) expect(onlyGood[key]).toBeNaN();
    const empty = confusionMetrics({ tp: 0, fp: 0, fn: 0, tn: 0 });
    expect(empty.n).toBe(0);
    for (const key of ['accuracy', 'precision', 'recall', 'f1', 'fpr', 'fnr', 'kappa'] as const) {
      expect(empty[key]).toBeNaN();
    }
    expect(() => confusionMetrics({ tp: -1, fp: 0, fn: 0, tn: 0 })).toThrow(RangeError);
  });
});

describe('mcnemarExact', () => {
  it.each([
    [0, 5, 0.0625], // stats.binomtest(0, 5, 0.5).pvalue
    [3, 12, 0.03515625], // stats.binomtest(3, 15, 0.5).pvalue
    [12, 3, 0.03515625], // stats.binomtest(12, 15, 0.5).pvalue
    [10, 10, 1.0], // stats.binomtest(10, 20, 0.5).pvalue
    [1, 2, 1.0], // stats.binomtest(1, 3, 0.5).pvalue
    [100, 200, 8.014875216538921e-9], // stats.binomtest(100, 300, 0.5).pvalue
    [0, 30, 1.862645149230957e-9], // stats.binomtest(0, 30, 0.5).pvalue
    [0, 1000, 1.8665272370064378e-301], // stats.binomtest(0, 1000, 0.5).pvalue
    [40000, 40500, 0.07862036880511007], // stats.binomtest(40000, 80500, 0.5).pvalue
    [49000, 51000, 2.5887160383468943e-10], // stats.binomtest(49000, 100000, 0.5).pvalue
    [49700, 50300, 0.058197353110190364], // stats.binomtest(49700, 100000, 0.5).pvalue
  ])('mcnemarExact(%i, %i) matches scipy binomtest (relative 1e-9)', (b, c, expected) => {
    expectClose(mcnemarExact(b, c), expected, 0, 1e-9);
  });

  it('is 1 without discordant pairs and with balanced ones at the 100000 scale', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(50000, 50000)).toBe(1);
  });

  it('underflows gracefully to 0 instead of overflowing for extreme imbalance', () => {
    expect(mcnemarExact(0, 100000)).toBe(0);
    expect(mcnemarExact(3, 99997)).toBe(0);
  });

  it('rejects malformed counts', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(2.5, 3)).toThrow(RangeError);
  });
});

describe('passAtK and passHatK', () => {
  it.each([
    [10, 3, 1, 0.3], // 1 - Fraction(comb(7, 1), comb(10, 1))
    [10, 3, 5, 0.9166666666666666], // 1 - Fraction(comb(7, 5), comb(10, 5))
    [200, 13, 10, 0.49755111473060615], // 1 - Fraction(comb(187, 10), comb(200, 10))
    [1000, 1, 1, 0.001], // 1 - Fraction(comb(999, 1), comb(1000, 1))
    [50, 25, 3, 0.8826530612244898], // 1 - Fraction(comb(25, 3), comb(50, 3))
    [100, 99, 2, 1.0], // 1 - Fraction(comb(1, 2), comb(100, 2))
  ])('passAtK(%i, %i, %i) = %s', (n, c, k, expected) => {
    expectClose(passAtK(n, c, k), expected);
  });

  it.each([
    [10, 3, 1, 0.3], // Fraction(comb(3, 1), comb(10, 1))
    [10, 7, 3, 0.2916666666666667], // Fraction(comb(7, 3), comb(10, 3))
    [8, 6, 4, 0.21428571428571427], // Fraction(comb(6, 4), comb(8, 4))
    [200, 180, 10, 0.3397743762367859], // Fraction(comb(180, 10), comb(200, 10))
    [1000, 999, 100, 0.9], // Fraction(comb(999, 100), comb(1000, 100))
  ])('passHatK(%i, %i, %i) = %s', (n, c, k, expected) => {
    expectClose(passHatK(n, c, k), expected);
  });

  it('handles no, all and too few correct samples exactly', () => {
    expect(passAtK(10, 0, 3)).toBe(0);
    expect(passAtK(10, 10, 3)).toBe(1);
    expect(passAtK(5, 2, 5)).toBe(1); // any 5 of 5 include a correct one
    expect(passHatK(10, 0, 1)).toBe(0);
    expect(passHatK(10, 10, 5)).toBe(1);
    expect(passHatK(10, 3, 5)).toBe(0); // c < k
    expect(passHatK(5, 5, 5)).toBe(1);
    expect(passHatK(5, 4, 5)).toBe(0);
  });

  it('agrees at k = 1 (both are c/n) and brackets it for k > 1', () => {
    for (const [n, c] of [[10, 4], [37, 20], [3, 1]]) {
      expectClose(passAtK(n, c, 1), c / n);
      expectClose(passHatK(n, c, 1), c / n);
      expect(passAtK(n, c, 2)).toBeGreaterThan(c / n);
      expect(passHatK(n, c, 2)).toBeLessThan(c / n);
    }
  });

  it('throws a RangeError for k > n, k < 1, c > n and fractional counts', () => {
    for (const f of [passAtK, passHatK]) {
      expect(() => f(3, 1, 5)).toThrow(/k must be between 1 and n = 3/);
      expect(() => f(3, 1, 0)).toThrow(/k must be between 1 and n/);
      expect(() => f(0, 0, 1)).toThrow(RangeError);
      expect(() => f(3, 4, 1)).toThrow(/must not exceed n/);
      expect(() => f(3.5, 1, 1)).toThrow(RangeError);
    }
  });
});

describe('mean and quantile', () => {
  it.each([
    [0.0, 1.0], // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.0)
    [0.3, 2.1], // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.3)
    [0.5, 3.5], // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.5)
    [0.95, 7.949999999999998], // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], 0.95)
    [1.0, 9.0], // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], 1.0)
  ])('quantile(q = %s) matches numpy linear interpolation', (q, expected) => {
    expectClose(quantile([3, 1, 4, 1, 5, 9, 2, 6], q), expected);
  });

  it('is NaN on empty input or NaN values, and rejects q outside [0, 1]', () => {
    expect(mean([])).toBeNaN();
    expect(mean([1, 2, 6])).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, NaN, 3], 0.5)).toBeNaN();
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe('mulberry32 and the bootstrap', () => {
  const SAMPLE = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2];
  const median = (xs: number[]) => quantile(xs, 0.5);

  it('mulberry32 matches an independent Python port and is deterministic per seed', () => {
    const random = mulberry32(42);
    // mulberry32(42) first 3 (Python port in stats-reference.py)
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const fromA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(fromA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(fromA);
  });

  it('bootstrapInterval reproduces the Python port of the same resampling', () => {
    // bootstrap(SAMPLE, seq_mean, 1000, 0.95, 42)
    const ofMean = bootstrapInterval(SAMPLE, mean, { resamples: 1000, confidence: 0.95, seed: 42 });
    expectClose(ofMean.estimate, 4.23, 1e-12);
    expectClose(ofMean.low, 3.4800000000000004, 1e-12);
    expectClose(ofMean.high, 5.029999999999999, 1e-12);
    // bootstrap(SAMPLE, np.median, 500, 0.9, 7)
    const ofMedian = bootstrapInterval(SAMPLE, median, { resamples: 500, confidence: 0.9, seed: 7 });
    expectClose(ofMedian.estimate, 4.2, 1e-12); // hand: (4.0 + 4.4) / 2
    expectClose(ofMedian.low, 3.3499999999999996, 1e-12);
    expectClose(ofMedian.high, 5.2, 1e-12);
  });

  it('is deterministic for a seed and changes with it', () => {
    const first = bootstrapInterval(SAMPLE, mean, { seed: 3 });
    expect(bootstrapInterval(SAMPLE, mean, { seed: 3 })).toEqual(first);
    expect(bootstrapInterval(SAMPLE, mean, { seed: 4 })).not.toEqual(first);
    expect(first.low).toBeLessThan(first.estimate);
    expect(first.high).toBeGreaterThan(first.estimate);
  });

  it('covers the true mean of uniform samples at roughly the nominal rate', () => {
    const coverage = (confidence: number) => {
      let hits = 0;
      for (let t = 0; t < 200; t++) {
        const draw = mulberry32(1000 + t);
        const xs = Array.from({ length: 40 }, () => draw());
        const ci = bootstrapInterval(xs, mean, { resamples: 500, confidence, seed: t });
        if (ci.low <= 0.5 && 0.5 <= ci.high) hits++;
      }
      return hits / 200;
    };
    // Percentile intervals under-cover slightly at n = 40; 200 trials add a ±0.02 standard error.
    const at90 = coverage(0.9);
    expect(at90).toBeGreaterThan(0.8);
    expect(at90).toBeLessThan(0.97);
    const at50 = coverage(0.5);
    expect(at50).toBeGreaterThan(0.35);
    expect(at50).toBeLessThan(0.65);
  });

  it('handles empty input, NaN statistics and bad options', () => {
    expect(bootstrapInterval([], mean)).toEqual({ estimate: NaN, low: NaN, high: NaN });
    const withNaN = bootstrapInterval([1, 2, 3], (xs) => (xs.includes(1) ? NaN : 0), { resamples: 50 });
    expect(withNaN.low).toBeNaN();
    expect(withNaN.high).toBeNaN();
    expect(() => bootstrapInterval(SAMPLE, mean, { resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapInterval(SAMPLE, mean, { confidence: 1.2 })).toThrow(RangeError);
  });

  it('pairedBootstrapDelta bootstraps mean(cand − base) over pairs', () => {
    const base = [1.0, 2.0, 1.5, 3.0, 2.5, 1.2];
    const cand = [1.4, 2.1, 2.0, 3.3, 2.4, 1.9];
    const delta = pairedBootstrapDelta(base, cand, { resamples: 2000, confidence: 0.95, seed: 1 });
    expectClose(delta.estimate, 0.3166666666666666, 1e-12); // seq_mean(deltas)
    // bootstrap(deltas, seq_mean, 2000, 0.95, 1)
    expectClose(delta.low, 0.09999999999999994, 1e-12);
    expectClose(delta.high, 0.5166666666666666, 1e-12);
    expect(pairedBootstrapDelta(base, base)).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(() => pairedBootstrapDelta([1, 2], [1])).toThrow(/equal length/);
  });
});
