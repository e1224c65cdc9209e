#!/usr/bin/env python3
"""Independent reference values for test/scoring/stats.test.ts.

Run: python3 test/scoring/stats-reference.py   (needs scipy and numpy; tested with scipy 1.17.1)
Each line prints the Python expression and its value (repr, 17 significant digits); the test file
pastes these values next to the call that produced them. Methods are chosen to be independent of
the TypeScript implementation: Wilson bounds by root-finding on the score-test equation (not the
closed form), kappa / pass@k / pass^k with exact rational arithmetic, McNemar with scipy.stats.binomtest,
the normal quantile with scipy.special.ndtri, and the bootstrap with a separate port of mulberry32
and numpy.percentile.
"""
from fractions import Fraction
from math import comb, floor, sqrt

import numpy as np
from scipy import optimize, special, stats


def show(expr, value):
    value = tuple(map(float, value)) if isinstance(value, tuple) else value
    print(f"{expr} = {float(value)!r}" if isinstance(value, np.floating) else f"{expr} = {value!r}")


# --- Wilson: the bounds are the p0 where |p_hat - p0| = z * sqrt(p0 (1 - p0) / n) ---
def wilson_by_root(successes, n, confidence=0.95):
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    p_hat = successes / n
    score = lambda p0: (p_hat - p0) ** 2 - z * z * p0 * (1 - p0) / n
    # Keep p_hat itself out of the bracket: at p_hat in {0, 1} it is a spurious root of the score equation.
    tol = dict(xtol=1e-17, rtol=8.9e-16)
    low = 0.0 if successes == 0 else optimize.brentq(score, 0.0, min(p_hat, 1 - 1e-12), **tol)
    high = 1.0 if successes == n else optimize.brentq(score, max(p_hat, 1e-12), 1.0, **tol)
    return low, high


for args in [(7, 10), (0, 10), (10, 10), (1, 1), (29, 30), (45, 50, 0.9), (512, 1000, 0.99), (3, 200)]:
    low, high = wilson_by_root(*args)
    show(f"wilson_by_root{args} low", low)
    show(f"wilson_by_root{args} high", high)


# --- Cohen's kappa by hand, exact: (po - pe) / (1 - pe) ---
def kappa(tp, fp, fn, tn):
    n = tp + fp + fn + tn
    po = Fraction(tp + tn, n)
    pe = Fraction((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn), n * n)
    return float((po - pe) / (1 - pe))


for m in [(20, 5, 10, 15), (45, 15, 25, 15), (10, 0, 0, 10), (0, 10, 10, 0), (0, 5, 0, 0), (3, 1, 2, 94)]:
    show(f"kappa{m}", kappa(*m))

# --- McNemar exact = two-sided binomial test on the discordant pairs ---
for b, c in [(0, 5), (3, 12), (12, 3), (10, 10), (1, 2), (100, 200), (0, 30), (0, 1000),
             (40000, 40500), (49000, 51000), (49700, 50300)]:
    show(f"stats.binomtest({b}, {b + c}, 0.5).pvalue", stats.binomtest(b, b + c, 0.5).pvalue)

# --- pass@k = 1 - C(n-c, k) / C(n, k), pass^k = C(c, k) / C(n, k), exact rationals ---
for n, c, k in [(10, 3, 1), (10, 3, 5), (200, 13, 10), (1000, 1, 1), (50, 25, 3), (100, 99, 2)]:
    show(f"1 - Fraction(comb({n - c}, {k}), comb({n}, {k}))", float(1 - Fraction(comb(n - c, k), comb(n, k))))
for n, c, k in [(10, 3, 1), (10, 7, 3), (8, 6, 4), (200, 180, 10), (1000, 999, 100)]:
    show(f"Fraction(comb({c}, {k}), comb({n}, {k}))", float(Fraction(comb(c, k), comb(n, k))))

# --- inverse normal CDF ---
for p in [0.5, 0.975, 0.025, 0.995, 0.9, 0.3, 0.075, 0.925, 1e-10, 1 - 1e-6, 1e-300]:
    show(f"special.ndtri({p!r})", special.ndtri(p))


# --- bootstrap: a separate port of mulberry32, then numpy's percentile ---
def mulberry32(seed):
    state = seed & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def next_float():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return next_float


def seq_mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def bootstrap(values, statistic, resamples, confidence, seed):
    rng = mulberry32(seed)
    n = len(values)
    draws = [statistic([values[floor(rng() * n)] for _ in range(n)]) for _ in range(resamples)]
    alpha = 1 - confidence
    low, high = np.percentile(draws, [100 * alpha / 2, 100 * (1 - alpha / 2)], method="linear")
    return float(low), float(high)


rng = mulberry32(42)
show("mulberry32(42) first 3", [rng() for _ in range(3)])
SAMPLE = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2]
show("bootstrap(SAMPLE, seq_mean, 1000, 0.95, 42)", bootstrap(SAMPLE, seq_mean, 1000, 0.95, 42))
show("bootstrap(SAMPLE, np.median, 500, 0.9, 7)",
     bootstrap(SAMPLE, lambda xs: float(np.median(xs)), 500, 0.9, 7))
BASE = [1.0, 2.0, 1.5, 3.0, 2.5, 1.2]
CAND = [1.4, 2.1, 2.0, 3.3, 2.4, 1.9]
deltas = [c - b for b, c in zip(BASE, CAND)]
show("seq_mean(deltas)", seq_mean(deltas))
show("bootstrap(deltas, seq_mean, 2000, 0.95, 1)", bootstrap(deltas, seq_mean, 2000, 0.95, 1))

# --- type-7 quantile helper ---
for q in [0.0, 0.3, 0.5, 0.95, 1.0]:
    show(f"np.quantile([3, 1, 4, 1, 5, 9, 2, 6], {q})", np.quantile([3, 1, 4, 1, 5, 9, 2, 6], q))
