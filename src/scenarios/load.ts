// Loading scenarios from disk: scenario.yaml, patches, variant headers, selection by id/glob/tag.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import picomatch from 'picomatch';
import { ScenarioSchema, VariantHeaderSchema, type Scenario, type VariantHeader } from './schema.ts';
import { FormatError, UsageError } from '../util/errors.ts';
import { parseWith } from '../util/zod-error.ts';

export interface Variant extends VariantHeader {
  name: string;
  file: string;
  diff: string;
}

export interface LoadedScenario extends Scenario {
  dir: string;
  repoDir: string;
  hiddenDir: string;
  solution: string;
  variants: Variant[];
}

export const DEFAULT_SCENARIOS_DIR = path.resolve(import.meta.dirname, '../../scenarios');

function readYaml(file: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new FormatError(file, '', `not valid YAML${line ? ` at line ${line}` : ''}: ${(e as Error).message.split('\n')[0]}`, 'fix the YAML syntax');
  }
}

/** Split a variant patch into its YAML header and the diff. */
export function parseVariant(file: string, text: string): { header: VariantHeader; diff: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) throw new FormatError(file, '', 'missing the header', 'start the file with ---, label/category/outcome/description lines, ---, then the diff');
  let raw: unknown;
  try { raw = YAML.parse(m[1]); } catch (e) { throw new FormatError(file, 'header', `not valid YAML: ${(e as Error).message.split('\n')[0]}`); }
  return { header: parseWith(VariantHeaderSchema, raw, file), diff: text.slice(m[0].length) };
}

function requireDiff(file: string, diff: string): void {
  if (!/^diff --git /m.test(diff)) throw new FormatError(file, '', 'contains no `diff --git` section', 'regenerate it with `git diff --binary` in a repo made from repo/');
}

export function loadScenario(dir: string): LoadedScenario {
  const file = path.join(dir, 'scenario.yaml');
  if (!fs.existsSync(file)) throw new FormatError(file, '', 'not found', `create it (see docs/scenario-format.md) or run \`fleetbench scenarios new ${path.basename(dir)}\``);
  const scenario = parseWith(ScenarioSchema, readYaml(file), file);
  if (scenario.id !== path.basename(dir)) throw new FormatError(file, 'id', `'${scenario.id}' differs from the folder name '${path.basename(dir)}'`, 'make them equal');
  const repoDir = path.join(dir, 'repo');
  if (!fs.existsSync(repoDir)) throw new FormatError(repoDir, '', 'missing', 'put the component before the change in repo/');
  const hiddenDir = path.join(dir, 'hidden');
  if (!fs.existsSync(hiddenDir)) throw new FormatError(hiddenDir, '', 'missing', 'put the hidden checks in hidden/');
  const solutionFile = path.join(dir, 'solution.patch');
  if (!fs.existsSync(solutionFile)) throw new FormatError(solutionFile, '', 'missing', 'add the golden diff as solution.patch');
  const solution = fs.readFileSync(solutionFile, 'utf8');
  requireDiff(solutionFile, solution);
  const vdir = path.join(dir, 'variants');
  const variants: Variant[] = [];
  if (fs.existsSync(vdir)) {
    for (const f of fs.readdirSync(vdir).filter((n) => n.endsWith('.patch')).sort()) {
      const vf = path.join(vdir, f);
      const name = f.slice(0, -'.patch'.length);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new FormatError(vf, '', `variant name '${name}' is not lowercase-dashed`, 'rename the file');
      if (name === 'golden') throw new FormatError(vf, '', "'golden' is reserved for solution.patch", 'rename the variant');
      const { header, diff } = parseVariant(vf, fs.readFileSync(vf, 'utf8'));
      requireDiff(vf, diff);
      variants.push({ ...header, name, file: vf, diff });
    }
  }
  return { ...scenario, dir, repoDir, hiddenDir, solution, variants };
}

export function listScenarioDirs(root = DEFAULT_SCENARIOS_DIR): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'scenario.yaml')))
    .map((d) => path.join(root, d.name)).sort();
}

export function loadAllScenarios(root = DEFAULT_SCENARIOS_DIR): LoadedScenario[] {
  return listScenarioDirs(root).map(loadScenario);
}

/**
 * Select scenarios by a comma-separated list of ids, globs or `tag:NAME`. Unknown ids are an error:
 * a typo should never silently shrink a benchmark.
 */
export function selectScenarios(all: LoadedScenario[], selector?: string | string[]): LoadedScenario[] {
  const parts = (Array.isArray(selector) ? selector : (selector ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return all;
  const picked = new Set<string>();
  for (const part of parts) {
    let hits: LoadedScenario[];
    if (part.startsWith('tag:')) hits = all.filter((s) => s.tags.includes(part.slice(4)));
    else if (/[*?[\]{}]/.test(part)) { const m = picomatch(part); hits = all.filter((s) => m(s.id)); }
    else hits = all.filter((s) => s.id === part);
    if (hits.length === 0) throw new UsageError(`scenario selector '${part}' matches nothing; known ids: ${all.map((s) => s.id).join(', ') || '(none)'}`);
    for (const h of hits) picked.add(h.id);
  }
  return all.filter((s) => picked.has(s.id));
}
