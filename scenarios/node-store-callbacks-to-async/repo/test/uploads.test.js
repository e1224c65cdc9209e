'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { createStore } = require('../lib/store/index.js');
const { createUploadService, UploadStateError } = require('../lib/uploads/service.js');
const { scratchDir, call } = require('./helpers/tmp.js');

function setup(t) {
  let n = 0;
  let clock = Date.parse('2024-05-02T09:00:00Z');
  const service = createUploadService({
    store: createStore({ dir: scratchDir(t) }),
    now: () => new Date(clock),
    newId: () => `up_${++n}`,
  });
  return { service, advance: (ms) => (clock += ms) };
}

const photo = { userId: 'u_7', filename: 'beach.jpg', bytes: 2_400_000, contentType: 'image/jpeg' };

describe('upload service', () => {
  it('registers a pending upload', async (t) => {
    const { service } = setup(t);
    const record = await call(service.register, photo);
    assert.equal(record.id, 'up_1');
    assert.equal(record.status, 'pending');
    assert.deepEqual(await call(service.get, 'up_1'), record);
  });

  it('rejects an unsupported file', async (t) => {
    const { service } = setup(t);
    await assert.rejects(call(service.register, { ...photo, contentType: 'text/html' }), /unsupported content type/);
  });

  it('completes an upload once', async (t) => {
    const { service } = setup(t);
    await call(service.register, photo);
    const ready = await call(service.complete, 'up_1', { checksum: 'sha256:ab12' });
    assert.equal(ready.status, 'ready');
    await assert.rejects(call(service.complete, 'up_1', { checksum: 'sha256:ab12' }), UploadStateError);
  });

  it("lists a user's uploads oldest first", async (t) => {
    const { service, advance } = setup(t);
    await call(service.register, photo);
    advance(1000);
    await call(service.register, { ...photo, filename: 'dunes.jpg' });
    const list = await call(service.listForUser, 'u_7');
    assert.deepEqual(list.map((r) => r.filename), ['beach.jpg', 'dunes.jpg']);
  });

  it('counts downloads', async (t) => {
    const { service } = setup(t);
    await call(service.register, photo);
    await call(service.recordDownload, 'up_1');
    assert.equal(await call(service.recordDownload, 'up_1'), 2);
  });

  it('purges uploads abandoned while pending', async (t) => {
    const { service, advance } = setup(t);
    await call(service.register, photo);
    await call(service.register, { ...photo, filename: 'kept.jpg' });
    await call(service.complete, 'up_2', { checksum: 'sha256:cd34' });
    advance(25 * 3600 * 1000);
    assert.equal(await call(service.purgeAbandoned, 24 * 3600 * 1000), 1);
    assert.deepEqual((await call(service.listForUser, 'u_7')).map((r) => r.id), ['up_2']);
  });
});
