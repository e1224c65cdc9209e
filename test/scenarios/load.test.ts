import { describe, it, expect, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScenario, selectScenarios, parseVariant, type LoadedScenario } from '../../src/scenarios/load.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { FormatError, UsageError } from '../../src/util/errors.ts';

let root: string;
beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-load-')); });

describe('loadScenario', () => {
  it('loads a scaffolded scenario', async () => {
    const dir = await scaffoldScenario(root, 'demo-one');
    const s = loadScenario(dir);
    expect(s.id).toBe('demo-one');
    expect(s.ecosystem).toBe('python');
    expect(s.solution).toMatch(/^diff --git a\/greeting.py/);
    expect(s.scope.tests.length).toBeGreaterThan(0);
  });

  it('names the file, the field and the fix for a bad field', async () => {
    const dir = await scaffoldScenario(root, 'demo-two');
    const file = path.join(dir, 'scenario.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('ecosystem: python', 'ecosystem: cobol'));
    expect(() => loadScenario(dir)).toThrow(FormatError);
    expect(() => loadScenario(dir)).toThrow(/scenario\.yaml: field 'ecosystem'.*fix: use one of: node, python/);
  });

  it('reports YAML syntax errors with the line', async () => {
    const dir = await scaffoldScenario(root, 'demo-three');
    fs.writeFileSync(path.join(dir, 'scenario.yaml'), 'id: demo-three\ntitle: [unclosed\n');
    expect(() => loadScenario(dir)).toThrow(/scenario\.yaml: not valid YAML/);
  });

  it('refuses an id that differs from the folder, and unknown keys', async () => {
    const dir = await scaffoldScenario(root, 'demo-four');
    const file = path.join(dir, 'scenario.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('id: demo-four', 'id: other'));
    expect(() => loadScenario(dir)).toThrow(/field 'id'.*differs from the folder name/);
    fs.writeFileSync(file, text + 'colour: blue\n');
    expect(() => loadScenario(dir)).toThrow(/remove or rename colour/);
  });

  it('requires a variant header with a valid outcome', async () => {
    const dir = await scaffoldScenario(root, 'demo-five');
    const diff = fs.readFileSync(path.join(dir, 'solution.patch'), 'utf8');
    fs.writeFileSync(path.join(dir, 'variants', 'bad.patch'), diff);
    expect(() => loadScenario(dir)).toThrow(/bad\.patch: missing the header/);
    fs.writeFileSync(path.join(dir, 'variants', 'bad.patch'), `---\nlabel: veto\ncategory: x\noutcome: great\ndescription: y\n---\n${diff}`);
    expect(() => loadScenario(dir)).toThrow(/bad\.patch: field 'outcome'/);
    fs.writeFileSync(path.join(dir, 'variants', 'bad.patch'), `---\nlabel: veto\ncategory: x\noutcome: incorrect\ndescription: y\n---\n${diff}`);
    expect(loadScenario(dir).variants[0]).toMatchObject({ name: 'bad', outcome: 'incorrect', label: 'veto' });
  });

  it('parses a variant header and keeps the diff intact', () => {
    const v = parseVariant('x.patch', '---\nlabel: approve\ncategory: in-scope-alt\noutcome: success\ndescription: d\n---\ndiff --git a/x b/x\n');
    expect(v.header.label).toBe('approve');
    expect(v.diff).toBe('diff --git a/x b/x\n');
  });
});

describe('selectScenarios', () => {
  const mk = (id: string, tags: string[]) => ({ id, tags } as unknown as LoadedScenario);
  const all = [mk('py-a', ['datetime']), mk('py-b', []), mk('node-c', ['esm'])];
  it('selects by id, glob and tag', () => {
    expect(selectScenarios(all, 'py-*').map((s) => s.id)).toEqual(['py-a', 'py-b']);
    expect(selectScenarios(all, 'tag:esm,py-b').map((s) => s.id)).toEqual(['py-b', 'node-c']);
    expect(selectScenarios(all, undefined)).toHaveLength(3);
  });
  it('refuses a selector that matches nothing', () => {
    expect(() => selectScenarios(all, 'py-zzz')).toThrow(UsageError);
  });
});
