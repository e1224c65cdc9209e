/**
 * Pure statistics for fleetbench reports (DESIGN.md, "Statistics"): Wilson intervals for rates,
 * exact McNemar for paired variant comparisons, pass@k / pass^k for repeated epochs, percentile
 * bootstrap for cost and time deltas, and judge-vs-ground-truth agreement (confusion metrics,
 * Cohen's kappa). No I/O; the bootstrap is deterministic for a given seed.
 *
 * Malformed input (negative or fractional counts, successes > n, k outside 1..n, confidence
 * outside (0, 1)) throws RangeError: a report built on a broken count must fail loudly rather
 * than print a plausible number. Quantities that are merely undefined (a rate over zero runs,
 * precision with no positive verdicts) are NaN, so callers can print "n/a".
 */

export interface RateInterval { rate: number; low: number; high: number }
export interface Interval { estimate: number; low: number; high: number }
export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  resamples?: number;
  /** Two-sided confidence level in (0, 1) (default 0.95). */
  confidence?: number;
  /** Seed of the mulberry32 generator (default 1); same seed, same interval. */
  seed?: number;
}
/**
 * 2x2 judge confusion counts. "Positive" = veto (the judge flags a bad change):
 * tp = veto of a veto-labeled diff, fp = veto of an approve-labeled diff,
 * fn = approve of a veto-labeled diff, tn = approve of an approve-labeled diff.
 */
export interface ConfusionCounts { tp: number; fp: number; fn: number; tn: number }
export interface ConfusionMetrics {
  n: number; accuracy: number; precision: number; recall: number; f1: number;
  /** fp / (fp + tn): share of good changes the judge vetoed. */
  fpr: number;
  /** fn / (fn + tp): share of bad changes the judge approved. */
  fnr: number;
  kappa: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? NaN : numerator / denominator;
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Quantile q of an ascending list by linear interpolation (Hyndman-Fan type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  if (lo === sorted.length - 1) return sorted[lo];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Quantile q of an unsorted list (type 7); NaN if the list is empty or contains NaN. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.some(Number.isNaN)) return NaN;
  return quantileSorted(Float64Array.from(xs).sort(), q);
}

/**
 * Inverse of the standard normal CDF: Wichura's algorithm AS241 (PPND16, Applied Statistics 37,
 * 1988), relative accuracy about 1e-16. normalQuantile(0) = -Infinity, normalQuantile(1) = Infinity.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num = (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r
      + 4.5921953931549871457e4) * r + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
      + 1.3314166789178437745e2) * r + 3.3871328727963666080e0) * q;
    const den = (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r + 3.9307895800092710610e4) * r
      + 2.1213794301586595867e4) * r + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
      + 4.2313330701600911252e1) * r + 1.0);
    return num / den;
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
      + 1.27045825245236838258e0) * r + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
      + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
      / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
      + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
      + 2.05319162663775882187e0) * r + 1.0);
  } else {
    r -= 5;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
      + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
      + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
      / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
      + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
      + 5.99832206555887937690e-1) * r + 1.0);
  }
  return q < 0 ? -x : x;
}

/**
 * Wilson score interval for a binomial rate (two-sided, default 95%). Preferred over the normal
 * ("Wald") interval because it stays inside [0, 1] and keeps its coverage at 0 or n successes
 * and small n. n = 0 gives rate NaN and the uninformative interval [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): RateInterval {
  assertCount('n', n);
  assertCount('successes', successes);
  if (successes > n) throw new RangeError(`successes (${successes}) must not exceed n (${n})`);
  assertConfidence(confidence);
  if (n === 0) return { rate: NaN, low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; pin it instead of trusting a cancellation.
  return {
    rate: p,
    low: successes === 0 ? 0 : Math.max(0, center - halfWidth),
    high: successes === n ? 1 : Math.min(1, center + halfWidth),
  };
}

function assertConfusion(m: ConfusionCounts): void {
  assertCount('tp', m.tp);
  assertCount('fp', m.fp);
  assertCount('fn', m.fn);
  assertCount('tn', m.tn);
}

/**
 * Cohen's kappa of a 2x2 agreement table (judge verdict vs. label), via the closed form
 * 2(tp·tn − fn·fp) / ((tp+fp)(fp+tn) + (tp+fn)(fn+tn)), which equals (po − pe)/(1 − pe).
 * Degenerate case: when judge and labels both use a single, same class (all tp or all tn),
 * chance agreement is 1 and kappa is 0/0; we return NaN ("undefined", as scikit-learn does)
 * rather than 1, because such a table carries no evidence about the judge's discrimination.
 * An empty table is NaN too.
 */
export function cohenKappa(matrix: ConfusionCounts): number {
  assertConfusion(matrix);
  const { tp, fp, fn, tn } = matrix;
  const denominator = (tp + fp) * (fp + tn) + (tp + fn) * (fn + tn);
  return ratio(2 * (tp * tn - fn * fp), denominator);
}

/** Standard confusion-matrix metrics (positive = veto, see ConfusionCounts); NaN where a denominator is 0. */
export function confusionMetrics(matrix: ConfusionCounts): ConfusionMetrics {
  assertConfusion(matrix);
  const { tp, fp, fn, tn } = matrix;
  const n = tp + fp + fn + tn;
  return {
    n,
    accuracy: ratio(tp + tn, n),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    fpr: ratio(fp, fp + tn),
    fnr: ratio(fn, fn + tp),
    kappa: cohenKappa(matrix),
  };
}

const LN_2PI = Math.log(2 * Math.PI);

/** ln(n!) − ln(√(2πn)·(n/e)^n), the error of Stirling's formula, for integers n ≥ 1 (Loader 2000). */
function stirlingError(n: number): number {
  if (n <= 15) {
    // Direct: the result enters an exponent, so an absolute error of ~1e-14 is harmless.
    let lnFactorial = 0;
    for (let i = 2; i <= n; i++) lnFactorial += Math.log(i);
    return lnFactorial - (n + 0.5) * Math.log(n) + n - 0.5 * LN_2PI;
  }
  const nn = n * n;
  const [s0, s1, s2, s3, s4] = [1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188];
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·ln(x/m) + m − x without cancellation when x ≈ m (Loader 2000). */
function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x;
  let v = (x - m) / (x + m);
  let sum = (x - m) * v;
  let term = 2 * x * v;
  v *= v;
  for (let j = 1; ; j++) {
    term *= v;
    const next = sum + term / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
}

/** P(X = x) for X ~ Binomial(n, 1/2), to full double precision for any n (saddle-point form). */
function binomialHalfPmf(n: number, x: number): number {
  if (x === 0 || x === n) return Math.pow(2, -n);
  const m = n / 2;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - devianceTerm(x, m) - devianceTerm(n - x, m);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * Two-sided exact McNemar test on the discordant pairs of a paired comparison: b = runs only
 * variant A got right, c = runs only variant B got right. p = min(1, 2·P(X ≤ min(b, c))) with
 * X ~ Binomial(b + c, 1/2) (equal to scipy.stats.binomtest(b, b + c).pvalue); b + c = 0 gives 1.
 * The lower tail is summed downward from an exact saddle-point term, so it stays accurate without
 * overflow for b + c in the hundreds of thousands.
 */
export function mcnemarExact(b: number, c: number): number {
  assertCount('b', b);
  assertCount('c', c);
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let term = binomialHalfPmf(n, k);
  let tail = term;
  // pmf(j − 1) / pmf(j) = j / (n − j + 1) < 1 for j ≤ n/2: terms shrink, stop once negligible.
  for (let j = k; j > 0 && term > tail * 1e-17; j--) {
    term *= j / (n - j + 1);
    tail += term;
  }
  return Math.min(1, 2 * tail);
}

function assertSamples(n: number, c: number, k: number): void {
  assertCount('n', n);
  assertCount('c', c);
  assertCount('k', k);
  if (c > n) throw new RangeError(`c (${c} correct samples) must not exceed n (${n} samples)`);
  if (k < 1 || k > n) throw new RangeError(`k must be between 1 and n = ${n} (the samples drawn), got k = ${k}`);
}

/**
 * pass@k: probability that at least one of k samples, drawn without replacement from n samples of
 * which c are correct, is correct. Unbiased estimator 1 − C(n−c, k)/C(n, k) in the numerically
 * stable product form 1 − Π_{i=n−c+1..n} (1 − k/i) of Chen et al. 2021 ("Evaluating Large Language
 * Models Trained on Code", the Codex paper), accumulated in log space. Requires 1 ≤ k ≤ n.
 */
export function passAtK(n: number, c: number, k: number): number {
  assertSamples(n, c, k);
  if (c === 0) return 0;
  if (n - c < k) return 1;
  let logProduct = 0;
  for (let i = n - c + 1; i <= n; i++) logProduct += Math.log1p(-k / i);
  return -Math.expm1(logProduct);
}

/**
 * pass^k: probability that all k samples, drawn without replacement from n samples of which c are
 * correct, are correct: C(c, k)/C(n, k) = Π_{i=0..k−1} (c−i)/(n−i). This is the unbiased estimator
 * of "all k i.i.d. trials succeed" used by τ-bench (Yao et al. 2024, arXiv:2406.12045), a measure of
 * reliability rather than of best-of-k. Requires 1 ≤ k ≤ n.
 */
export function passHatK(n: number, c: number, k: number): number {
  assertSamples(n, c, k);
  if (c < k) return 0;
  let product = 1;
  for (let i = 0; i < k; i++) product *= (c - i) / (n - i);
  return product;
}

/** mulberry32: a small, fast 32-bit seeded PRNG; returns a function yielding floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap interval of statistic(values): resample values with replacement
 * `resamples` times, take the (α/2, 1 − α/2) type-7 quantiles of the resampled statistics.
 * Deterministic for a seed. Empty input gives NaN everywhere; if the statistic returns NaN on
 * any resample, the bounds are NaN (an interval that silently dropped resamples would be biased).
 * statistic receives a fresh array each time and may mutate it.
 */
export function bootstrapInterval(
  values: readonly number[],
  statistic: (xs: number[]) => number,
  opts: BootstrapOptions = {},
): Interval {
  const { resamples = 2000, confidence = 0.95, seed = 1 } = opts;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  assertConfidence(confidence);
  const n = values.length;
  if (n === 0) return { estimate: NaN, low: NaN, high: NaN };
  const estimate = statistic([...values]);
  const random = mulberry32(seed);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const sample = new Array<number>(n);
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(random() * n)];
    stats[r] = statistic(sample);
  }
  if (stats.some(Number.isNaN)) return { estimate, low: NaN, high: NaN };
  stats.sort();
  const alpha = 1 - confidence;
  return { estimate, low: quantileSorted(stats, alpha / 2), high: quantileSorted(stats, 1 - alpha / 2) };
}

/**
 * Bootstrap interval of mean(cand − base) over paired values (same scenario and epoch in both
 * variants), e.g. the cost or wall-time delta of a candidate over a baseline. Pairing removes the
 * between-scenario variance. Lists must have equal length.
 */
export function pairedBootstrapDelta(
  base: readonly number[],
  cand: readonly number[],
  opts: BootstrapOptions = {},
): Interval {
  if (base.length !== cand.length) {
    throw new RangeError(`paired lists must have equal length, got ${base.length} and ${cand.length}`);
  }
  return bootstrapInterval(cand.map((x, i) => x - base[i]), mean, opts);
}
