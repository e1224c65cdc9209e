'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { groupCommits } = require('../lib/group.js');

const commit = (type, subject, extra = {}) => ({ hash: '0000000', type, scope: null, subject, breaking: false, breakingNote: null, issues: [], ...extra });

describe('groupCommits', () => {
  it('orders sections and drops hidden types', () => {
    const sections = groupCommits([
      commit('fix', 'b'),
      commit('chore', 'bump deps'),
      commit('feat', 'a'),
      commit('deps', 'upgrade express'),
      commit('refactor', 'drop old API', { breaking: true }),
    ]);
    assert.deepEqual(
      sections.map((s) => [s.title, s.commits.map((c) => c.subject)]),
      [
        ['Breaking changes', ['drop old API']],
        ['Features', ['a']],
        ['Bug fixes', ['b']],
        ['Other changes', ['upgrade express']],
      ],
    );
  });

  it('sorts by scope, then subject', () => {
    const [features] = groupCommits([
      commit('feat', 'zeta', { scope: 'api' }),
      commit('feat', 'alpha', { scope: 'ui' }),
      commit('feat', 'beta', { scope: 'api' }),
    ]);
    assert.deepEqual(features.commits.map((c) => c.subject), ['beta', 'zeta', 'alpha']);
  });
});
