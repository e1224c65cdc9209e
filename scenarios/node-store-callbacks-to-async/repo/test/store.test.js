'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { createStore } = require('../lib/store/index.js');
const { scratchDir, call } = require('./helpers/tmp.js');

describe('store', () => {
  it('reads back what it wrote', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    await call(store.put, 'uploads/u_1', { filename: 'cat.png', bytes: 1024 });
    assert.deepEqual(await call(store.get, 'uploads/u_1'), { filename: 'cat.png', bytes: 1024 });
  });

  it('overwrites a value', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    await call(store.put, 'settings/theme', 'light');
    await call(store.put, 'settings/theme', 'dark');
    assert.equal(await call(store.get, 'settings/theme'), 'dark');
  });

  it('lists keys by prefix, sorted', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    for (const key of ['users/u_2/uploads', 'uploads/b', 'uploads/a', 'uploads-archive/x']) {
      await call(store.put, key, 1);
    }
    assert.deepEqual(await call(store.list, 'uploads/'), ['uploads/a', 'uploads/b']);
  });

  it('deletes a value', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    await call(store.put, 'uploads/gone', true);
    assert.equal(await call(store.delete, 'uploads/gone'), true);
    assert.deepEqual(await call(store.list, ''), []);
  });

  it('updates a value from its current one', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    for (let i = 0; i < 3; i++) await call(store.update, 'counters/visits', (n = 0) => n + 1);
    assert.equal(await call(store.get, 'counters/visits'), 3);
  });

  it('reports its size', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    await call(store.put, 'a', 'x');
    await call(store.put, 'b', 'y');
    const stats = await call(store.stats);
    assert.equal(stats.keys, 2);
    assert.ok(stats.bytes > 0);
  });

  it('keeps every value under many concurrent writers (stress, slow)', async (t) => {
    const store = createStore({ dir: scratchDir(t) });
    const keys = Array.from({ length: 300 }, (_, i) => `stress/k${String(i).padStart(3, '0')}`);
    await Promise.all(keys.map((key, i) => call(store.put, key, { i })));
    assert.deepEqual(await call(store.list, 'stress/'), keys);
    assert.deepEqual(await call(store.get, 'stress/k123'), { i: 123 });
  });
});
