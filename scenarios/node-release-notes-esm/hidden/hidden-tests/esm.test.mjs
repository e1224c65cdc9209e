// Hidden checks for the CommonJS → ESM conversion of @acme/release-notes: the package is native ESM,
// the library imports cleanly, and the CLI works from any directory with every format and template.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve('.');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const LOG = [
  'a1b2c3d4e5\x1ffeat(cart): keep the basket across devices (#412)\x1e',
  'b2c3d4e5f6\x1ffix!: drop legacy totals\n\nBREAKING CHANGE: total is now totalMinor\x1e',
  'c3d4e5f6a7\x1fchore: bump deps\x1e',
  'd4e5f6a7b8\x1fperf(search): cache facet counts\x1e',
].join('\n');

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : name.endsWith('.js') ? [path] : [];
  });
}

/** Runs the CLI from a directory outside the package, as a globally installed bin would be. */
function cli(args, input = LOG) {
  const r = spawnSync(process.execPath, [join(root, 'bin/release-notes.js'), ...args], {
    cwd: tmpdir(),
    input,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('package is native ESM', () => {
  it('declares "type": "module"', () => {
    assert.equal(pkg.type, 'module');
  });

  it('has no CommonJS left in lib/ and bin/', () => {
    const offenders = [...jsFiles(join(root, 'lib')), ...jsFiles(join(root, 'bin'))].filter((file) => {
      const source = readFileSync(file, 'utf8');
      // A require made with createRequire (e.g. for package.json) is fine in ESM.
      const bareRequire = /\brequire\s*\(/.test(source) && !/createRequire\s*\(\s*import\.meta\.url\s*\)/.test(source);
      return bareRequire || /module\.exports|\bexports\.\w+\s*=|__dirname|__filename/.test(source);
    });
    assert.deepEqual(offenders, []);
  });
});

describe('library', () => {
  it('exports the public API as named exports', async () => {
    const lib = await import(join(root, 'lib/index.js'));
    for (const name of ['parseCommit', 'parseLog', 'groupCommits', 'nextVersion', 'releaseType', 'renderWith', 'loadTemplate', 'listTemplates', 'buildRelease', 'main']) {
      assert.equal(typeof lib[name], 'function', name);
    }
    const release = lib.buildRelease({ name: 'shop', currentVersion: '2.3.0', date: '2024-05-02', commits: lib.parseLog(LOG) });
    assert.equal(release.version, '3.0.0');
  });

  it('loads the shipped templates whatever the working directory', async () => {
    const lib = await import(join(root, 'lib/index.js'));
    const before = process.cwd();
    process.chdir(tmpdir());
    try {
      assert.deepEqual(lib.listTemplates(), ['compact', 'default']);
      assert.match(lib.loadTemplate('default'), /\{\{#sections\}\}/);
      assert.throws(() => lib.loadTemplate('fancy'), /unknown template "fancy" \(available: compact, default\)/);
    } finally {
      process.chdir(before);
    }
  });
});

describe('release-notes CLI', () => {
  it('prints its own version', () => {
    const r = cli(['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('renders markdown from the default template', () => {
    const r = cli(['--current', '2.3.0', '--date', '2024-05-02', '--repo-url', 'https://git.acme.dev/shop']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        '## 3.0.0 (2024-05-02)',
        '',
        '### Breaking changes',
        '',
        '- drop legacy totals (b2c3d4e) — total is now totalMinor',
        '',
        '### Features',
        '',
        '- **cart:** keep the basket across devices (#412) (a1b2c3d) ([#412](https://git.acme.dev/shop/issues/412))',
        '',
        '### Performance',
        '',
        '- **search:** cache facet counts (d4e5f6a)',
        '',
        '',
      ].join('\n'),
    );
  });

  it('renders the compact template', () => {
    const r = cli(['--current', '0.9.0', '--date', '2024-05-02', '--template', 'compact']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^0\.10\.0 \(2024-05-02\)\nBreaking changes: drop legacy totals \(b2c3d4e\); \n/);
  });

  it('loads the slack and json formatters on demand', () => {
    const slack = cli(['--current', '2.3.0', '--date', '2024-05-02', '--format', 'slack', '--name', 'shop-api']);
    assert.equal(slack.code, 0, slack.stderr);
    const message = JSON.parse(slack.stdout);
    assert.equal(message.text, 'shop-api 3.0.0 released');
    assert.equal(message.blocks.length, 4);
    const json = cli(['--current', '2.3.0', '--date', '2024-05-02', '--format=json']);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).sections.map((s) => s.title), ['Breaking changes', 'Features', 'Performance']);
  });

  it('says when there is nothing to release', () => {
    const r = cli(['--current', '1.0.0', '--date', '2024-05-02'], 'e5f6a7b8c9\x1fchore: tidy\x1e');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '## 1.0.1 (2024-05-02)\n\nNo user-facing changes.\n');
  });

  it('exits 2 with the usage on a bad argument', () => {
    const r = cli(['--current', '1.0.0', '--format', 'html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be one of markdown, json, slack/);
    assert.match(r.stderr, /usage: release-notes/);
  });
});
