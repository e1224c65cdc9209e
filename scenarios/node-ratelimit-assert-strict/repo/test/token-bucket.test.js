'use strict';
const { describe, it } = require('node:test');
const { expect } = require('./support/expect.js');
const { createTokenBucket } = require('../lib/token-bucket.js');

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('token bucket', () => {
  it('allows a burst up to its capacity', () => {
    const c = clock();
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 1, now: c.now });
    const verdicts = [1, 2, 3, 4].map(() => bucket.take('k'));
    expect(verdicts.map((v) => v.allowed)).to.deep.equal([true, true, true, false]);
    expect(verdicts[2].remaining).to.equal(0);
  });

  it('says how long to wait for the next token', () => {
    const c = clock();
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 0.5, now: c.now });
    bucket.take('k');
    bucket.take('k');
    const denied = bucket.take('k');
    expect(denied.allowed).to.be.false;
    expect(denied.retryAfterMs).to.equal(2000);
    c.advance(1500);
    expect(bucket.take('k').retryAfterMs).to.equal(500);
  });

  it('refills over time, never above capacity', () => {
    const c = clock();
    const bucket = createTokenBucket({ capacity: 5, refillPerSecond: 2, now: c.now });
    for (let i = 0; i < 5; i++) bucket.take('k');
    c.advance(1000);
    expect(bucket.peek('k')).to.equal(2);
    c.advance(60_000);
    expect(bucket.peek('k')).to.equal(5);
  });

  it('charges a request its cost', () => {
    const bucket = createTokenBucket({ capacity: 10, refillPerSecond: 1, now: clock().now });
    expect(bucket.take('k', 4)).to.deep.equal({ allowed: true, remaining: 6, retryAfterMs: 0 });
    expect(bucket.take('k', 7).allowed).to.be.false;
    expect(() => bucket.take('k', 11)).to.throw(RangeError, /exceeds capacity/);
  });

  it('keeps keys apart', () => {
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1, now: clock().now });
    expect(bucket.take('a').allowed).to.be.true;
    expect(bucket.take('b').allowed).to.be.true;
    expect(bucket.take('a').allowed).to.not.be.true;
  });

  it('rejects nonsense configuration', () => {
    expect(() => createTokenBucket({ capacity: 0, refillPerSecond: 1 })).to.throw(RangeError, /capacity must be a positive integer/);
    expect(() => createTokenBucket({ capacity: 2.5, refillPerSecond: 1 })).to.throw(RangeError, /capacity/);
    expect(() => createTokenBucket({ capacity: 5, refillPerSecond: -1 })).to.throw(RangeError, /refillPerSecond/);
  });

  it('forgets buckets that refilled when it reaches maxKeys', () => {
    const c = clock();
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 1, now: c.now, maxKeys: 3 });
    ['a', 'b', 'c'].forEach((k) => bucket.take(k));
    c.advance(5000);
    bucket.take('d');
    expect(bucket.size).to.be.below(4);
    expect(bucket.size).to.equal(1);
  });
});
