'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { nextVersion } = require('../lib/version.js');

const feat = { type: 'feat', breaking: false };
const fix = { type: 'fix', breaking: false };
const breaking = { type: 'fix', breaking: true };

describe('nextVersion', () => {
  it('bumps by the strongest change', () => {
    assert.equal(nextVersion('2.3.0', [fix]), '2.3.1');
    assert.equal(nextVersion('2.3.1', [fix, feat]), '2.4.0');
    assert.equal(nextVersion('v2.4.0', [feat, breaking]), '3.0.0');
  });

  it('stays below 1.0.0 for breaking changes in 0.x', () => {
    assert.equal(nextVersion('0.4.1', [breaking]), '0.5.0');
    assert.equal(nextVersion('0.4.1', [feat]), '0.4.2');
  });

  it('rejects a version that is not semver', () => {
    assert.throws(() => nextVersion('2.3', [fix]), /not a semver version/);
  });
});
