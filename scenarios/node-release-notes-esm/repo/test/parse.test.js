'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { parseCommit, parseLog } = require('../lib/parse.js');

describe('parseCommit', () => {
  it('reads type, scope and subject', () => {
    const commit = parseCommit('a1b2c3d4e5f6', 'feat(cart): keep the basket across devices (#412)');
    assert.deepEqual(commit, {
      hash: 'a1b2c3d',
      type: 'feat',
      scope: 'cart',
      subject: 'keep the basket across devices (#412)',
      breaking: false,
      breakingNote: null,
      issues: [412],
    });
  });

  it('marks breaking changes from ! and from the footer', () => {
    assert.equal(parseCommit('1111111', 'feat!: drop Node 18').breaking, true);
    const footer = parseCommit('2222222', 'fix(api): rename field\n\nBREAKING CHANGE: `total` is now `totalMinor`');
    assert.equal(footer.breaking, true);
    assert.equal(footer.breakingNote, '`total` is now `totalMinor`');
  });

  it('skips headers that are not conventional', () => {
    assert.equal(parseCommit('3333333', "Merge branch 'main' into feature"), null);
    assert.equal(parseCommit('4444444', 'wip'), null);
  });
});

describe('parseLog', () => {
  it('splits git log records', () => {
    const log = 'aaaaaaa1\x1ffix: one\n\x1e\nbbbbbbb2\x1fchore: two\x1e\nccccccc3\x1fnot conventional\x1e';
    assert.deepEqual(
      parseLog(log).map((c) => [c.hash, c.type]),
      [
        ['aaaaaaa', 'fix'],
        ['bbbbbbb', 'chore'],
      ],
    );
  });
});
