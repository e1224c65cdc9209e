#!/usr/bin/env node
// Builds docs/cli.md for the internal developer portal from the README's "Usage" section.
// Runs in the portal's docs pipeline, which still uses a CommonJS-only toolchain: keep this file .cjs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const usage = /## Usage\n([\s\S]*?)(?=\n## |$)/.exec(readme);
if (!usage) {
  console.error('README.md has no "## Usage" section');
  process.exit(1);
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs', 'cli.md'), `# release-notes ${version}\n${usage[1].trimEnd()}\n`);
console.log('wrote docs/cli.md');
