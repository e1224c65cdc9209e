/**
 * Power of the paired success-rate comparison `fleetbench compare` runs (pure, no I/O): how large a difference
 * between two variants a suite of n scenarios × e epochs tells apart, and how many runs a given difference needs.
 *
 * The test. compare pairs runs by scenario and epoch and applies the two-sided exact McNemar test (mcnemarExact,
 * significant when p < alpha) to the discordant pairs: b runs only the base got right, c only the candidate. It treats
 * every scenario × epoch pair as one independent pair, so N = n·e pairs; the power below is that test's power.
 *
 * The model. Each pair is discordant with probability ψ (the discordance); a discordant pair favours the candidate
 * with probability π = (ψ + Δ) / (2ψ), so Δ = P(cand only) − P(base only) is the difference of the success rates,
 * and |Δ| ≤ ψ. The success rate itself enters only through ψ: with no observed pairing, ψ = 2p(1 − p) (the two
 * variants' outcomes independent at rate p), which overstates the discordance of real, positively correlated
 * variants, so the figure errs on the cautious side.
 *
 * Exact power (N ≤ EXACT_MAX_PAIRS): the number of discordant pairs m ~ Binomial(N, ψ); given m, the exact test rejects
 * when min(b, c) ≤ k(m), the largest k with mcnemarExact(k, m − k) < alpha; so
 *   power = Σ_m P(M = m) · [P(C ≤ k(m)) + P(C ≥ m − k(m))],  C ~ Binomial(m, π)
 * (the unconditional power of the conditional exact test: Suissa & Shuster 1991, Biometrics 47:361–372; Lachin 1992,
 * Statistics in Medicine 11:1239–1251). It is exact, including the exact test's conservativeness at small N.
 * Normal approximation (larger N): Connor (1987, Biometrics 43:207–211) gives the pairs needed as
 *   N = (z_{1−α/2} √ψ + z_{1−β} √(ψ − Δ²))² / Δ²
 * and the power for N as Φ((Δ √N − z_{1−α/2} √ψ) / √(ψ − Δ²)).
 * The minimum detectable difference (MDE) is the smallest Δ whose power reaches the target (0.80); power grows with
 * Δ for fixed ψ and N, so it is found by bisection. test/scoring/power.test.ts checks both against simulation.
 *
 * Epochs: because compare treats epochs as independent pairs, K epochs count like K times the scenarios here. When
 * outcomes are mostly decided by the scenario (an agent always or never solves it), extra epochs buy less than this
 * suggests and extra scenarios buy what it says (docs/statistics.md).
 */
import { mcnemarExact, normalQuantile } from './stats.ts';

export const DEFAULT_POWER = 0.8;
export const DEFAULT_ALPHA = 0.05;
/** Above this many pairs the exact sum costs more than it adds: the normal approximation is within a point. */
export const EXACT_MAX_PAIRS = 4000;

export interface PowerOptions { alpha?: number; power?: number }

function normalCdf(x: number): number {
  // Via erfc in the Numerical Recipes "erfcc" form (relative error < 1.2e-7): ample for a power figure.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r / 2 : r / 2;
}

function assertInputs(pairs: number, discordance: number, delta: number): void {
  if (!Number.isSafeInteger(pairs) || pairs < 0) throw new RangeError(`pairs must be a non-negative integer, got ${pairs}`);
  if (!(discordance >= 0 && discordance <= 1)) throw new RangeError(`discordance must be in [0, 1], got ${discordance}`);
  if (!(Math.abs(delta) <= discordance)) throw new RangeError(`|delta| (${delta}) cannot exceed the discordance (${discordance})`);
}

/** The discordance assumed when only a success rate is known: both variants independent at rate p, 2p(1 − p). */
export const assumedDiscordance = (rate: number): number => 2 * rate * (1 - rate);

/** ln(i!) for i = 0..n. */
function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
  return lf;
}

function logPmf(lf: Float64Array, m: number, k: number, lnq: number, ln1q: number): number {
  // 0 · ln 0 = 0: a certain event (q = 0 or 1) must not become NaN.
  return lf[m] - lf[k] - lf[m - k] + (k ? k * lnq : 0) + (m - k ? (m - k) * ln1q : 0);
}

/** P(X ≤ k) for X ~ Binomial(m, q), summed downward from the k term by the pmf ratio (one exp per tail). */
function lowerTail(lf: Float64Array, m: number, k: number, q: number): number {
  if (k < 0) return 0;
  if (q <= 0) return 1;
  if (q >= 1) return k >= m ? 1 : 0;
  let term = Math.exp(logPmf(lf, m, k, Math.log(q), Math.log1p(-q)));
  let sum = term;
  const odds = (1 - q) / q;
  for (let j = k; j > 0 && term > sum * 1e-17; j--) {
    term *= (j / (m - j + 1)) * odds;
    sum += term;
  }
  return Math.min(1, sum);
}

/** Largest k with mcnemarExact(k, m − k) < alpha, for every m ≤ n (−1: no split of m pairs is significant). */
function rejectionBounds(n: number, alpha: number): Int32Array {
  // Bisections call this a few dozen times with the same alpha: keep the longest table per alpha (a pure memo).
  const cached = boundsCache.get(alpha);
  if (cached && cached.length > n) return cached;
  const bound = new Int32Array(Math.max(n, 2 * (cached?.length ?? 0)) + 1);
  let k = -1;
  for (let m = 0; m < bound.length; m++) {
    // The bound never shrinks as m grows: only try the next k.
    while (k + 1 < m - (k + 1) && mcnemarExact(k + 1, m - k - 1) < alpha) k++;
    bound[m] = k;
  }
  boundsCache.set(alpha, bound);
  return bound;
}
const boundsCache = new Map<number, Int32Array>();

/** Power of the exact McNemar test by the unconditional sum (see the file comment). */
export function exactMcnemarPower(pairs: number, discordance: number, delta: number, alpha = DEFAULT_ALPHA): number {
  assertInputs(pairs, discordance, delta);
  if (pairs === 0 || discordance === 0) return 0;
  const lf = logFactorials(pairs);
  const bound = rejectionBounds(pairs, alpha);
  const pi = (discordance + delta) / (2 * discordance);
  const lnPsi = Math.log(discordance), ln1Psi = Math.log1p(-discordance);
  // Only m within ±12 standard deviations of Nψ carries weight worth adding.
  const sd = Math.sqrt(pairs * discordance * (1 - discordance));
  const lo = Math.max(0, Math.floor(pairs * discordance - 12 * sd - 1)), hi = Math.min(pairs, Math.ceil(pairs * discordance + 12 * sd + 1));
  let power = 0;
  for (let m = lo; m <= hi; m++) {
    const k = bound[m];
    if (k < 0) continue;
    const weight = discordance === 1 ? (m === pairs ? 1 : 0) : Math.exp(logPmf(lf, pairs, m, lnPsi, ln1Psi));
    if (weight === 0) continue;
    // C ≤ k: the base wins big; C ≥ m − k is m − C ≤ k with the roles swapped.
    power += weight * (lowerTail(lf, m, k, pi) + lowerTail(lf, m, k, 1 - pi));
  }
  return Math.min(1, power);
}

/** Connor's normal-approximation power for N pairs. */
export function normalMcnemarPower(pairs: number, discordance: number, delta: number, alpha = DEFAULT_ALPHA): number {
  assertInputs(pairs, discordance, delta);
  if (pairs === 0 || discordance === 0 || delta === 0) return pairs && discordance ? alpha : 0;
  const za = normalQuantile(1 - alpha / 2);
  const spread = Math.sqrt(discordance - delta * delta);
  if (spread === 0) return 1;
  return normalCdf((Math.abs(delta) * Math.sqrt(pairs) - za * Math.sqrt(discordance)) / spread);
}

/** Power of the paired test compare runs: exact up to EXACT_MAX_PAIRS pairs, Connor's approximation beyond. */
export function mcnemarPower(pairs: number, discordance: number, delta: number, alpha = DEFAULT_ALPHA): number {
  return pairs <= EXACT_MAX_PAIRS ? exactMcnemarPower(pairs, discordance, delta, alpha) : normalMcnemarPower(pairs, discordance, delta, alpha);
}

/** Connor (1987): pairs needed to detect delta at the given discordance (not rounded). */
export function connorPairs(discordance: number, delta: number, opts: PowerOptions = {}): number {
  const za = normalQuantile(1 - (opts.alpha ?? DEFAULT_ALPHA) / 2), zb = normalQuantile(opts.power ?? DEFAULT_POWER);
  const d = Math.abs(delta);
  return (za * Math.sqrt(discordance) + zb * Math.sqrt(Math.max(0, discordance - d * d))) ** 2 / (d * d);
}

/**
 * Minimum detectable difference (as a fraction, e.g. 0.12 = 12 points) of N pairs at this discordance: the smallest
 * |Δ| with power ≥ the target. Infinity when even Δ = ψ (every discordant pair one way) falls short, e.g. with fewer
 * than six discordant pairs to expect, which no exact two-sided test at 0.05 can call significant.
 */
export function minimumDetectableDelta(pairs: number, discordance: number, opts: PowerOptions = {}): number {
  const alpha = opts.alpha ?? DEFAULT_ALPHA, target = opts.power ?? DEFAULT_POWER;
  if (pairs === 0 || discordance === 0 || mcnemarPower(pairs, discordance, discordance, alpha) < target) return Infinity;
  let lo = 0, hi = discordance;
  while (hi - lo > 1e-5) {
    const mid = (lo + hi) / 2;
    if (mcnemarPower(pairs, discordance, mid, alpha) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Pairs (scenarios × epochs) needed for the target power at this discordance and difference: the smallest N found by
 * bisection on the exact power (which wobbles slightly with N, hence "about"), Connor's figure when that is beyond
 * EXACT_MAX_PAIRS. Infinity when Δ = 0 (nothing to detect) or the discordance is 0.
 */
export function pairsNeeded(discordance: number, delta: number, opts: PowerOptions = {}): number {
  const alpha = opts.alpha ?? DEFAULT_ALPHA, target = opts.power ?? DEFAULT_POWER;
  assertInputs(0, discordance, delta);
  if (delta === 0 || discordance === 0) return Infinity;
  const guess = Math.ceil(connorPairs(discordance, delta, opts));
  if (guess > EXACT_MAX_PAIRS) return guess;
  let hi = Math.max(8, guess);
  while (hi <= EXACT_MAX_PAIRS && exactMcnemarPower(hi, discordance, delta, alpha) < target) hi *= 2;
  if (hi > EXACT_MAX_PAIRS) {
    if (exactMcnemarPower(EXACT_MAX_PAIRS, discordance, delta, alpha) < target) return Math.max(guess, EXACT_MAX_PAIRS + 1);
    hi = EXACT_MAX_PAIRS;
  }
  let lo = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (exactMcnemarPower(mid, discordance, delta, alpha) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** What a suite of `scenarios` × `epochs` can tell apart, and what it would take to detect a given Δ. */
export interface SuitePower {
  scenarios: number;
  epochs: number;
  pairs: number;
  discordance: number;
  /** Minimum detectable |Δ| at 80% power (fraction; Infinity when out of reach). */
  mde: number;
  /** With a Δ to detect: its power at this size, and the scenarios (at these epochs) or epochs (at these scenarios) it needs. */
  delta?: number;
  power?: number;
  scenariosNeeded?: number;
  epochsNeeded?: number;
}

export function suitePower(scenarios: number, epochs: number, discordance: number, delta?: number, opts: PowerOptions = {}): SuitePower {
  const pairs = scenarios * epochs;
  const out: SuitePower = { scenarios, epochs, pairs, discordance, mde: minimumDetectableDelta(pairs, discordance, opts) };
  if (delta === undefined) return out;
  const need = pairsNeeded(discordance, delta, opts);
  return {
    ...out, delta, power: mcnemarPower(pairs, discordance, delta, opts.alpha),
    scenariosNeeded: Math.ceil(need / Math.max(1, epochs)), epochsNeeded: Math.ceil(need / Math.max(1, scenarios)),
  };
}

/** Discordance and difference observed in a comparison: b (base only) and c (candidate only) of N pairs. */
export function observedPairing(pairs: number, b: number, c: number): { discordance: number; delta: number } {
  return pairs ? { discordance: (b + c) / pairs, delta: (c - b) / pairs } : { discordance: NaN, delta: NaN };
}

/** The power side of one compared variant: what its pairs tell apart, and, for a non-significant Δ, what detecting it takes. */
export interface ComparisonPower {
  pairs: number;
  scenarios: number;
  /** Paired runs per scenario (the epochs, when every scenario has them all). */
  epochs: number;
  discordance: number;
  delta: number;
  significant: boolean;
  /** Minimum detectable |Δ| at the observed discordance (Infinity when out of reach). */
  mde: number;
  /** For a non-significant, non-zero Δ: pairs, scenarios (at these epochs) or epochs (over these scenarios) to detect it. */
  pairsNeeded?: number;
  scenariosNeeded?: number;
  epochsNeeded?: number;
}

/** From a comparison's counts: N graded pairs over `scenarios` scenarios, b lost and c gained, and its McNemar p. */
export function comparisonPower(pairs: number, scenarios: number, b: number, c: number, p: number, opts: PowerOptions = {}): ComparisonPower {
  const { discordance, delta } = observedPairing(pairs, b, c);
  const epochs = scenarios ? pairs / scenarios : 0;
  const significant = p < (opts.alpha ?? DEFAULT_ALPHA);
  const out: ComparisonPower = { pairs, scenarios, epochs, discordance, delta, significant, mde: pairs ? minimumDetectableDelta(pairs, discordance, opts) : Infinity };
  if (significant || !pairs || delta === 0) return out;
  const need = pairsNeeded(discordance, delta, opts);
  return { ...out, pairsNeeded: need, scenariosNeeded: Math.ceil(need / epochs), epochsNeeded: Math.ceil(need / scenarios) };
}
