'use strict';
// Seeded bugs in lib/. The migrated test suite must catch every one of them: a test that no longer
// fails on a mutant lost what it was checking during the migration (or never checked types strictly).
module.exports = [
  {
    name: 'bucket-config-error-type',
    file: 'lib/token-bucket.js',
    find: 'throw new RangeError(`${name} must be a positive',
    replace: 'throw new TypeError(`${name} must be a positive',
    tests: ['test/token-bucket.test.js'],
  },
  {
    name: 'bucket-cost-message',
    file: 'lib/token-bucket.js',
    find: 'throw new RangeError(`cost ${cost} exceeds capacity ${capacity}`)',
    replace: 'throw new RangeError(`cost ${cost} is not allowed`)',
    tests: ['test/token-bucket.test.js'],
  },
  {
    name: 'bucket-retry-after-rounding',
    file: 'lib/token-bucket.js',
    find: 'retryAfterMs: Math.ceil((missing / refillPerSecond) * 1000)',
    replace: 'retryAfterMs: Math.ceil(missing / refillPerSecond) * 1000',
    tests: ['test/token-bucket.test.js'],
  },
  {
    name: 'bucket-never-evicts',
    file: 'lib/token-bucket.js',
    find: 'if (bucket.tokens + ((t - bucket.at) / 1000) * refillPerSecond >= capacity) buckets.delete(key);',
    replace: 'if (bucket.tokens >= capacity) buckets.delete(key);',
    tests: ['test/token-bucket.test.js'],
  },
  {
    name: 'window-flat-weight',
    file: 'lib/sliding-window.js',
    find: 'const overlap = 1 - (t - w.start) / windowMs;',
    replace: 'const overlap = 0.5;',
    tests: ['test/sliding-window.test.js'],
  },
  {
    name: 'window-config-message',
    file: 'lib/sliding-window.js',
    find: 'throw new RangeError(`windowMs must be an integer >= 100, got ${windowMs}`)',
    replace: 'throw new RangeError(`limit must be a positive integer, got ${limit}`)',
    tests: ['test/sliding-window.test.js'],
  },
  {
    name: 'keys-leftmost-forwarded',
    file: 'lib/keys.js',
    find: 'for (let i = forwarded.length - 1; i >= 0; i--) {',
    replace: 'for (let i = 0; i < forwarded.length; i++) {',
    tests: ['test/keys.test.js'],
  },
  {
    name: 'keys-ipv6-prefix-length',
    file: 'lib/keys.js',
    find: 'groups.slice(0, 4)',
    replace: 'groups.slice(0, 3)',
    tests: ['test/keys.test.js'],
  },
  {
    name: 'middleware-retry-after-number',
    file: 'lib/middleware.js',
    find: "res.setHeader('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));",
    replace: "res.setHeader('Retry-After', Math.max(1, Math.ceil(waitMs / 1000)));",
    tests: ['test/middleware.test.js'],
  },
  {
    name: 'middleware-remaining-number',
    file: 'lib/middleware.js',
    find: "res.setHeader('X-RateLimit-Remaining', String(verdict.remaining));",
    replace: "res.setHeader('X-RateLimit-Remaining', verdict.remaining);",
    tests: ['test/middleware.test.js'],
  },
  {
    name: 'middleware-error-code',
    file: 'lib/middleware.js',
    find: "error: 'rate_limited'",
    replace: "error: 'too_many_requests'",
    tests: ['test/middleware.test.js'],
  },
  {
    name: 'middleware-limited-hook-twice',
    file: 'lib/middleware.js',
    find: '    onLimited({ key, req });\n',
    replace: '    onLimited({ key, req });\n    onLimited({ key, req });\n',
    tests: ['test/middleware.test.js'],
  },
];
