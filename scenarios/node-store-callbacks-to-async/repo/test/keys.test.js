'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { keyToPath, pathToKey, validateKey } = require('../lib/store/paths.js');
const { InvalidKeyError } = require('../lib/store/errors.js');

describe('keys', () => {
  it('accepts slash-separated lowercase segments', () => {
    assert.equal(validateKey('users/u_42/uploads'), 'users/u_42/uploads');
    assert.equal(validateKey('uploads/2024.05-a'), 'uploads/2024.05-a');
  });

  it('rejects keys that could escape the store or collide', () => {
    for (const bad of ['', '/abs', 'a//b', '../x', 'a/../b', 'Upper', 'a b', 'x'.repeat(201), 42]) {
      assert.throws(() => validateKey(bad), InvalidKeyError, String(bad));
    }
  });

  it('maps a key to a sharded file and back', () => {
    const file = keyToPath('/data', 'users/u_42/uploads');
    assert.match(file, /^\/data\/[0-9a-f]{2}\/users%2Fu_42%2Fuploads\.json$/);
    assert.equal(path.dirname(keyToPath('/data', 'users/u_42/uploads')), path.dirname(file));
    assert.equal(pathToKey(file), 'users/u_42/uploads');
  });
});
