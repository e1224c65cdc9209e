'use strict';
// Connect-style middleware: (req, res, next). Works with node:http, express and the gateway's router.
const { keyFor } = require('./keys.js');

/**
 * `limiter` is a token bucket (take) or a sliding window (hit). Allowed requests get the
 * X-RateLimit-* headers and go on; limited ones get 429 with Retry-After (whole seconds, rounded up).
 */
function rateLimit({ limiter, trustedProxies = [], cost = () => 1, onLimited = () => {} }) {
  const limit = limiter.capacity ?? limiter.limit;
  return function rateLimitMiddleware(req, res, next) {
    const key = keyFor(req, { trustedProxies });
    const verdict = limiter.take ? limiter.take(key, cost(req)) : limiter.hit(key);
    res.setHeader('X-RateLimit-Limit', String(limit));
    res.setHeader('X-RateLimit-Remaining', String(verdict.remaining));
    if (verdict.allowed) return next();
    const waitMs = verdict.retryAfterMs ?? verdict.resetMs;
    res.statusCode = 429;
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
    res.setHeader('Content-Type', 'application/json');
    onLimited({ key, req });
    res.end(JSON.stringify({ error: 'rate_limited', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }));
  };
}

module.exports = { rateLimit };
