'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { createThumbnailCache } = require('../lib/thumbnails/cache.js');
const { scratchDir, call } = require('./helpers/tmp.js');

describe('thumbnail cache', () => {
  it('renders on a miss and serves the cached bytes after', async (t) => {
    const cache = createThumbnailCache({ dir: scratchDir(t) });
    let renders = 0;
    const render = (id, size, cb) => {
      renders += 1;
      process.nextTick(cb, null, Buffer.from(`${id}@${size}`));
    };
    const first = await new Promise((resolve, reject) =>
      cache.getOrRender('up_1', 256, render, (err, bytes, info) => (err ? reject(err) : resolve({ bytes, info }))),
    );
    assert.deepEqual(first.info, { hit: false });
    const second = await new Promise((resolve, reject) =>
      cache.getOrRender('up_1', 256, render, (err, bytes, info) => (err ? reject(err) : resolve({ bytes, info }))),
    );
    assert.deepEqual(second.info, { hit: true });
    assert.equal(second.bytes.toString(), 'up_1@256');
    assert.equal(renders, 1);
    await call(cache.evict, 'up_1');
  });
});
