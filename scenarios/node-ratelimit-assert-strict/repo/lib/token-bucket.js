'use strict';
// Token bucket per key: `capacity` tokens, refilled continuously at `refillPerSecond`. A request costs
// one token (or `cost`); it is allowed when the bucket holds enough.

function positiveNumber(name, value, { integer = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

function createTokenBucket({ capacity, refillPerSecond, now = Date.now, maxKeys = 100_000 }) {
  positiveNumber('capacity', capacity, { integer: true });
  positiveNumber('refillPerSecond', refillPerSecond);
  const buckets = new Map();

  function refill(key) {
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxKeys) evictFull(t);
      bucket = { tokens: capacity, at: t };
      buckets.set(key, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, t - bucket.at) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
    bucket.at = t;
    return bucket;
  }

  // Buckets that have refilled completely carry no state worth keeping.
  function evictFull(t) {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + ((t - bucket.at) / 1000) * refillPerSecond >= capacity) buckets.delete(key);
    }
  }

  return {
    capacity,
    /** { allowed, remaining, retryAfterMs }: retryAfterMs is 0 when allowed. */
    take(key, cost = 1) {
      positiveNumber('cost', cost, { integer: true });
      if (cost > capacity) throw new RangeError(`cost ${cost} exceeds capacity ${capacity}`);
      const bucket = refill(key);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
      }
      const missing = cost - bucket.tokens;
      return { allowed: false, remaining: Math.floor(bucket.tokens), retryAfterMs: Math.ceil((missing / refillPerSecond) * 1000) };
    },
    /** Tokens left for a key, without taking any. */
    peek(key) {
      return Math.floor(refill(key).tokens);
    },
    get size() {
      return buckets.size;
    },
  };
}

module.exports = { createTokenBucket };
