'use strict';
// Sliding-window counter: the count of the current fixed window plus the previous window's count
// weighted by how much of it still overlaps the sliding window. Two numbers per key instead of a log
// of timestamps; the estimate assumes the previous window's requests were spread evenly.

function createSlidingWindow({ limit, windowMs, now = Date.now }) {
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowMs) || windowMs < 100) throw new RangeError(`windowMs must be an integer >= 100, got ${windowMs}`);
  const windows = new Map();

  function state(key, t) {
    const start = Math.floor(t / windowMs) * windowMs;
    let w = windows.get(key);
    if (!w || start - w.start >= 2 * windowMs) {
      w = { start, current: 0, previous: 0 };
    } else if (start > w.start) {
      w = { start, current: 0, previous: w.current };
    }
    windows.set(key, w);
    return w;
  }

  function estimate(w, t) {
    const overlap = 1 - (t - w.start) / windowMs;
    return w.previous * overlap + w.current;
  }

  return {
    limit,
    /** Counts a hit if allowed. { allowed, remaining, estimated, resetMs }. */
    hit(key) {
      const t = now();
      const w = state(key, t);
      const estimated = estimate(w, t);
      const allowed = estimated + 1 <= limit;
      if (allowed) w.current += 1;
      const after = allowed ? estimated + 1 : estimated;
      return {
        allowed,
        remaining: Math.max(0, Math.floor(limit - after)),
        estimated: after,
        resetMs: w.start + windowMs - t,
      };
    },
  };
}

module.exports = { createSlidingWindow };
