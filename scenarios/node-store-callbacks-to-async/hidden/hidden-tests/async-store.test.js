'use strict';
// Hidden checks for the callback → promise conversion of the store and the upload service: the
// documented semantics (README "Store semantics") hold, including under concurrent updates.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { createStore } = require('../lib/store/index.js');
const { InvalidKeyError, StoreCorruptError } = require('../lib/store/errors.js');
const { keyToPath } = require('../lib/store/paths.js');
const { createUploadService, UploadNotFoundError } = require('../lib/uploads/service.js');

const ROOT = path.join(__dirname, '..', '.tmp');

function scratch(t) {
  fs.mkdirSync(ROOT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'hidden-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function isPromise(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function';
}

/** Calls fn and returns what it returned; a synchronous throw fails the test with a clear message. */
function noThrow(fn) {
  try {
    return fn();
  } catch (err) {
    assert.fail(`threw synchronously instead of rejecting: ${err && err.message}`);
  }
}

describe('store methods return promises', () => {
  it('every method returns a promise', async (t) => {
    const store = createStore({ dir: scratch(t) });
    const calls = [
      () => store.put('a/b', 1),
      () => store.get('a/b'),
      () => store.update('a/b', (n) => n + 1),
      () => store.list('a/'),
      () => store.stats(),
      () => store.delete('a/b'),
    ];
    for (const call of calls) {
      const result = call();
      assert.ok(isPromise(result), `${call} did not return a promise`);
      await result;
    }
  });

  it('resolves undefined for a missing key and false for deleting one', async (t) => {
    const store = createStore({ dir: scratch(t) });
    assert.equal(await store.get('nothing/here'), undefined);
    assert.equal(await store.delete('nothing/here'), false);
    assert.deepEqual(await store.list('nothing/'), []);
    assert.deepEqual(await store.stats(), { keys: 0, bytes: 0 });
  });

  it('resolves put with nothing and update with the new value', async (t) => {
    const store = createStore({ dir: scratch(t) });
    assert.equal(await store.put('k', { a: 1 }), undefined);
    assert.deepEqual(await store.update('k', (v) => ({ ...v, b: 2 })), { a: 1, b: 2 });
    assert.deepEqual(await store.get('k'), { a: 1, b: 2 });
  });

  it('rejects, never throws, on an invalid key', async (t) => {
    const store = createStore({ dir: scratch(t) });
    await assert.rejects(noThrow(() => store.get('../etc/passwd')), InvalidKeyError);
    await assert.rejects(noThrow(() => store.put('Bad Key', 1)), InvalidKeyError);
    await assert.rejects(noThrow(() => store.update('a//b', (x) => x)), InvalidKeyError);
    await assert.rejects(noThrow(() => store.delete('')), InvalidKeyError);
  });

  it('rejects with StoreCorruptError for a damaged value file', async (t) => {
    const dir = scratch(t);
    const store = createStore({ dir });
    await store.put('uploads/broken', { ok: true });
    fs.writeFileSync(keyToPath(dir, 'uploads/broken'), '{"key":"uploads/broken","val');
    await assert.rejects(store.get('uploads/broken'), StoreCorruptError);
    await assert.rejects(store.update('uploads/broken', (v) => v), StoreCorruptError);
  });

  it('rejects update when fn throws, and keeps the old value', async (t) => {
    const store = createStore({ dir: scratch(t) });
    await store.put('k', 1);
    await assert.rejects(
      store.update('k', () => {
        throw new Error('nope');
      }),
      /nope/,
    );
    assert.equal(await store.get('k'), 1);
    assert.equal(await store.update('k', (n) => n + 1), 2);
  });
});

describe('concurrent updates', () => {
  it('applies every concurrent update of one key', async (t) => {
    const store = createStore({ dir: scratch(t) });
    const results = await Promise.all(Array.from({ length: 40 }, () => store.update('counters/hits', (n = 0) => n + 1)));
    assert.equal(await store.get('counters/hits'), 40);
    assert.deepEqual([...results].sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('orders puts and updates of one key as they were called', async (t) => {
    const store = createStore({ dir: scratch(t) });
    await Promise.all([store.put('k', 'a'), store.update('k', (v) => `${v}b`), store.put('k', 'c'), store.update('k', (v) => `${v}d`)]);
    assert.equal(await store.get('k'), 'cd');
  });
});

describe('upload service', () => {
  function service(t) {
    let n = 0;
    return createUploadService({ store: createStore({ dir: scratch(t) }), now: () => new Date('2024-05-02T09:00:00Z'), newId: () => `up_${++n}` });
  }
  const photo = { userId: 'u_9', filename: 'a.png', bytes: 10, contentType: 'image/png' };

  it('returns promises and rejects on bad input instead of throwing', async (t) => {
    const uploads = service(t);
    const registered = uploads.register(photo);
    assert.ok(isPromise(registered));
    await registered;
    await assert.rejects(noThrow(() => uploads.register({ ...photo, bytes: -1 })), TypeError);
    await assert.rejects(noThrow(() => uploads.get('up_404')), UploadNotFoundError);
    await assert.rejects(noThrow(() => uploads.recordDownload('up_404')), UploadNotFoundError);
    await assert.rejects(noThrow(() => uploads.complete('up_404', { checksum: 'x' })), UploadNotFoundError);
  });

  it('counts every concurrent download', async (t) => {
    const uploads = service(t);
    await uploads.register(photo);
    await Promise.all(Array.from({ length: 30 }, () => uploads.recordDownload('up_1')));
    assert.equal((await uploads.get('up_1')).downloads, 30);
  });

  it('indexes concurrent registrations of one user', async (t) => {
    const uploads = service(t);
    await Promise.all(Array.from({ length: 12 }, (_, i) => uploads.register({ ...photo, filename: `f${i}.png` })));
    const list = await uploads.listForUser('u_9');
    assert.equal(list.length, 12);
    assert.deepEqual(await uploads.listForUser('u_nobody'), []);
  });
});
