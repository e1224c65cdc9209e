'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { renderWith } = require('../lib/render.js');
const markdown = require('../lib/formatters/markdown.js');

describe('renderWith', () => {
  it('fills names and repeats lists', () => {
    const out = renderWith('v{{version}}:{{#items}} {{name}}{{/items}}', { version: '1.0.0', items: [{ name: 'a' }, { name: 'b' }] });
    assert.equal(out, 'v1.0.0: a b');
  });

  it('renders inverted blocks for empty lists', () => {
    assert.equal(renderWith('{{#items}}x{{/items}}{{^items}}none{{/items}}', { items: [] }), 'none');
  });
});

describe('markdown formatter', () => {
  it('links issues and shows breaking notes', () => {
    const release = {
      version: '3.0.0',
      date: '2024-05-02',
      sections: [
        {
          title: 'Breaking changes',
          commits: [{ hash: 'abc1234', type: 'fix', scope: 'api', subject: 'rename field (#7)', breaking: true, breakingNote: 'total is now totalMinor', issues: [7] }],
        },
      ],
    };
    const template = '{{#sections}}{{title}}\n{{#commits}}- {{scopePrefix}}{{subject}} ({{hash}}){{links}}{{note}}\n{{/commits}}{{/sections}}';
    assert.equal(
      markdown.format(release, { template, repoUrl: 'https://git.acme.dev/shop' }),
      'Breaking changes\n- **api:** rename field (#7) (abc1234) ([#7](https://git.acme.dev/shop/issues/7)) — total is now totalMinor\n',
    );
  });
});
