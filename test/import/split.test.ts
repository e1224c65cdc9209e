// The source/test split per ecosystem (with the user's override) and the drafted scenario fields.
import { describe, expect, it } from 'vitest';
import { isTestPath, splitPaths, splitRules } from '../../src/import/split.ts';
import { detectEcosystem, draftId, draftPrompt, draftScope, draftTitle, hiddenCommandFor, licenseOf } from '../../src/import/draft.ts';

describe('source/test split', () => {
  it('knows each ecosystem\'s test layout', () => {
    const node = splitRules('node');
    expect(splitPaths(['index.js', 'test.js', 'test/a.js', 'lib/x.spec.ts', 'lib/x.ts', 'test/fixtures/f.json', 'package.json'], node))
      .toEqual({ tests: ['test.js', 'test/a.js', 'lib/x.spec.ts', 'test/fixtures/f.json'], source: ['index.js', 'lib/x.ts', 'package.json'] });
    expect(splitPaths(['pkg/mod.py', 'tests/test_mod.py', 'conftest.py', 'pkg/mod_test.py'], splitRules('python')).tests).toEqual(['tests/test_mod.py', 'conftest.py', 'pkg/mod_test.py']);
    expect(splitPaths(['a.go', 'a_test.go', 'testdata/in.txt'], splitRules('go')).tests).toEqual(['a_test.go', 'testdata/in.txt']);
    expect(splitPaths(['src/lib.rs', 'tests/it.rs'], splitRules('rust')).tests).toEqual(['tests/it.rs']);
    expect(splitPaths(['src/main/java/A.java', 'src/test/java/ATest.java', 'pom.xml'], splitRules('java-maven')).tests).toEqual(['src/test/java/ATest.java']);
  });

  it('--tests replaces the globs and --source wins over them', () => {
    const r = splitRules('node', { tests: ['spec/**'], source: ['spec/helpers/**'] });
    expect(isTestPath('spec/a.js', r)).toBe(true);
    expect(isTestPath('test/a.js', r)).toBe(false);
    expect(isTestPath('spec/helpers/h.js', r)).toBe(false);
  });
});

describe('drafts', () => {
  it('detects the ecosystem from marker files', () => {
    expect(detectEcosystem(['package.json', 'index.js'])).toBe('node');
    expect(detectEcosystem(['go.mod'])).toBe('go');
    expect(detectEcosystem(['setup.py'])).toBe('python');
    expect(detectEcosystem(['README'])).toBeNull();
  });

  it('scope: touched folders as dir/** (covering subfolders), root files by name', () => {
    expect(draftScope(['lib/a.js', 'lib/sub/b.js', 'package.json', 'test/x.js'])).toEqual(['lib/**', 'package.json', 'test/**']);
  });

  it('title, id and prompt from the commit message', () => {
    expect(draftTitle('feat(core)!: move to ESM\n\nbody')).toBe('move to ESM');
    expect(draftTitle('v4.0.0: use core streams')).toBe('use core streams');
    expect(draftId('mini-range', 'Convert to ES modules')).toBe('mini-range-convert-to-es-modules');
    const p = draftPrompt('Convert to ESM\n\nNamed exports only.\nSigned-off-by: A <a@b>');
    expect(p).toMatch(/^Convert to ESM\n\nNamed exports only\.\n\nMake this change/);
    expect(p).not.toContain('Signed-off-by');
  });

  it('hidden command per ecosystem; node takes the tool from the new test script', () => {
    expect(hiddenCommandFor('node', ['test/a.js'], '{"scripts":{"test":"node --test"}}')).toEqual({ command: 'npm test', tool: 'node-test' });
    expect(hiddenCommandFor('node', [], '{"scripts":{"test":"tape test.js"}}').tool).toBe('npm');
    expect(hiddenCommandFor('python', ['tests/test_a.py', 'tests/conftest.py'])).toEqual({ command: 'python3 -m pytest -q -p no:cacheprovider tests/test_a.py', tool: 'pytest' });
  });

  it('license from the LICENSE text', () => {
    expect(licenseOf('The MIT License\n\nPermission is hereby granted, free of charge, to any person')).toBe('MIT');
    expect(licenseOf('ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any purpose with or without fee')).toBe('ISC');
    expect(licenseOf('Apache License\nVersion 2.0, January 2004')).toBe('Apache-2.0');
    expect(licenseOf('All rights reserved.')).toBeNull();
    expect(licenseOf('Apache License, Version 2.0')).toBe('Apache-2.0');
  });
});
