'use strict';
const { describe, it } = require('node:test');
const { expect } = require('./support/expect.js');
const { createSlidingWindow } = require('../lib/sliding-window.js');

function clock(start) {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('sliding window', () => {
  it('allows up to the limit within a window', () => {
    const c = clock(60_000);
    const window = createSlidingWindow({ limit: 3, windowMs: 60_000, now: c.now });
    const verdicts = [1, 2, 3, 4].map(() => window.hit('k'));
    expect(verdicts.map((v) => v.allowed)).to.deep.equal([true, true, true, false]);
    expect(verdicts[3].resetMs).to.equal(60_000);
  });

  it('weights the previous window by its remaining overlap', () => {
    const c = clock(0);
    const window = createSlidingWindow({ limit: 10, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 8; i++) window.hit('k');
    c.advance(60_000 + 15_000); // a quarter into the next window: 75% of the previous one still counts
    const verdict = window.hit('k');
    expect(verdict.estimated).to.be.closeTo(8 * 0.75 + 1, 1e-9);
    expect(verdict.remaining).to.equal(3);
    expect(verdict.resetMs).to.equal(45_000);
  });

  it('forgets windows older than the previous one', () => {
    const c = clock(0);
    const window = createSlidingWindow({ limit: 2, windowMs: 1000, now: c.now });
    window.hit('k');
    window.hit('k');
    c.advance(2500);
    expect(window.hit('k')).to.have.property('estimated', 1);
  });

  it('does not count denied hits', () => {
    const c = clock(0);
    const window = createSlidingWindow({ limit: 2, windowMs: 1000, now: c.now });
    window.hit('k');
    window.hit('k');
    for (let i = 0; i < 5; i++) window.hit('k');
    c.advance(1500);
    expect(window.hit('k').estimated).to.be.closeTo(2 * 0.5 + 1, 1e-9);
  });

  it('rejects nonsense configuration', () => {
    expect(() => createSlidingWindow({ limit: 0, windowMs: 1000 })).to.throw(RangeError, /limit/);
    expect(() => createSlidingWindow({ limit: 5, windowMs: 10 })).to.throw(RangeError, /windowMs must be an integer >= 100/);
  });

  it('rolls over in real time (slow)', async () => {
    const window = createSlidingWindow({ limit: 2, windowMs: 100 });
    const burst = [window.hit('rt'), window.hit('rt'), window.hit('rt')];
    expect(burst.map((v) => v.allowed)).to.deep.equal([true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(window.hit('rt').allowed).to.be.true;
  });
});
