'use strict';
const { describe, it } = require('node:test');
const { expect } = require('./support/expect.js');
const { createTokenBucket } = require('../lib/token-bucket.js');
const { createSlidingWindow } = require('../lib/sliding-window.js');
const { rateLimit } = require('../lib/middleware.js');
const { request, run } = require('./support/fake-http.js');

const frozen = () => 5_000_000;

describe('rateLimit middleware', () => {
  it('lets requests through with rate-limit headers', () => {
    const middleware = rateLimit({ limiter: createTokenBucket({ capacity: 5, refillPerSecond: 1, now: frozen }) });
    const { res, nextCalled } = run(middleware, request());
    expect(nextCalled).to.be.true;
    expect(res.headers).to.have.property('X-RateLimit-Limit', 5);
    expect(res.headers['X-RateLimit-Remaining']).to.equal(4);
  });

  it('answers 429 with Retry-After once the bucket is empty', () => {
    const middleware = rateLimit({ limiter: createTokenBucket({ capacity: 1, refillPerSecond: 0.4, now: frozen }) });
    run(middleware, request());
    const { res, nextCalled } = run(middleware, request());
    expect(nextCalled).to.be.false;
    expect(res.statusCode).to.equal(429);
    expect(res.headers).to.have.property('Retry-After', 3);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'rate_limited', retryAfterSeconds: 3 });
  });

  it('works with a sliding window', () => {
    const middleware = rateLimit({ limiter: createSlidingWindow({ limit: 1, windowMs: 60_000, now: () => 90_000 }) });
    run(middleware, request());
    const { res } = run(middleware, request());
    expect(res.statusCode).to.equal(429);
    expect(res.headers['Retry-After']).to.equal('30');
  });

  it('charges expensive endpoints more and reports limited clients', () => {
    const limited = [];
    const middleware = rateLimit({
      limiter: createTokenBucket({ capacity: 10, refillPerSecond: 1, now: frozen }),
      cost: (req) => (req.url.startsWith('/v1/exports') ? 8 : 1),
      onLimited: ({ key }) => limited.push(key),
    });
    const exportReq = { ...request(), url: '/v1/exports/orders.csv' };
    expect(run(middleware, exportReq).nextCalled).to.be.true;
    expect(run(middleware, exportReq).nextCalled).to.be.false;
    expect(limited).to.deep.equal(['ip:203.0.113.7']);
    expect(limited).to.have.lengthOf(1);
  });

  it('counts clients behind the load balancers separately', () => {
    const middleware = rateLimit({
      limiter: createTokenBucket({ capacity: 1, refillPerSecond: 1, now: frozen }),
      trustedProxies: ['10.0.0.5'],
    });
    const via = (client) => request({ ip: '10.0.0.5', headers: { 'x-forwarded-for': client } });
    expect(run(middleware, via('198.51.100.1')).nextCalled).to.be.true;
    expect(run(middleware, via('198.51.100.2')).nextCalled).to.be.true;
    expect(run(middleware, via('198.51.100.1')).nextCalled).to.be.false;
  });
});
