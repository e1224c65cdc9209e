'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { parseArgs, UsageError } = require('../lib/cli.js');

describe('parseArgs', () => {
  it('reads options with separate and inline values', () => {
    assert.deepEqual(parseArgs(['--current', '2.3.0', '--format=slack', '--repo-url', 'https://x']), {
      format: 'slack',
      template: 'default',
      current: '2.3.0',
      'repo-url': 'https://x',
    });
  });

  it('requires --current unless asking for help or the version', () => {
    assert.throws(() => parseArgs([]), UsageError);
    assert.equal(parseArgs(['--version']).version, true);
  });

  it('rejects unknown formats and arguments', () => {
    assert.throws(() => parseArgs(['--current', '1.0.0', '--format', 'html']), /--format must be one of/);
    assert.throws(() => parseArgs(['--current', '1.0.0', 'extra']), /unknown argument/);
  });
});
