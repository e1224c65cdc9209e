// Small pure helpers every figure uses: timing samples, medians, ratios.

/** The median of the samples (mean of the middle two for an even count). Throws on an empty list. */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of no samples');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Timing samples in ms with their median, min and max (what the JSON keeps for every timed thing). */
export interface Timing { medianMs: number; minMs: number; maxMs: number; samplesMs: number[] }

export function timingOf(samplesMs: number[]): Timing {
  const rounded = samplesMs.map(round1);
  return { medianMs: round1(median(samplesMs)), minMs: Math.min(...rounded), maxMs: Math.max(...rounded), samplesMs: rounded };
}

/** Run `fn` `times` times sequentially and time each call with performance.now(). */
export async function timeRepeated(times: number, fn: (i: number) => Promise<unknown> | unknown): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return timingOf(samples);
}

/** a / b, or null when b is not a positive number (a ratio over nothing means nothing). */
export function ratio(a: number, b: number): number | null {
  return b > 0 && Number.isFinite(a) ? a / b : null;
}

export function round1(x: number): number { return Math.round(x * 10) / 10; }
export function round3(x: number): number { return Math.round(x * 1000) / 1000; }

/**
 * Makespan of running jobs of the given durations, in this order, on `workers` slots that each take the next job
 * when free (what the runner's p-limit does). With 3 equal jobs on 2 slots it is 2 jobs long: the best concurrency
 * scaling such a set can show is sum / makespan = 1.5, whatever the harness does.
 */
export function listScheduleMakespan(durations: number[], workers: number): number {
  if (workers < 1) throw new Error('at least one worker');
  const free = new Array<number>(workers).fill(0);
  for (const d of durations) {
    let i = 0;
    for (let w = 1; w < workers; w++) if (free[w] < free[i]) i = w;
    free[i] += d;
  }
  return Math.max(...free);
}
