// `scenarios new ID [--ecosystem E]`: a small but valid scenario to edit, so a new author starts from something that
// validates: repo/, hidden/, a golden patch and one labeled variant (variants/touches-readme.patch), all made by git.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { runOk } from '../util/proc.ts';
import { UsageError } from '../util/errors.ts';
import type { Ecosystem } from './schema.ts';
import { SCAFFOLDS, type ScaffoldTemplate } from './scaffold-templates.ts';

export const SCAFFOLD_ECOSYSTEMS = Object.keys(SCAFFOLDS) as Ecosystem[];

function scenarioYaml(id: string, ecosystem: Ecosystem, t: ScaffoldTemplate): string {
  return YAML.stringify({
    id, title: 'Adopt the house greeting style', ecosystem, tags: ['example'], prompt: t.prompt,
    scope: { allow: t.allow }, hidden: t.hidden,
  }, { lineWidth: 0 });
}

const VARIANT_HEADER = '---\nlabel: veto\ncategory: out-of-scope\noutcome: out_of_scope\ndescription: The right change, plus an unasked-for README edit outside the scope.\n---\n';

export async function scaffoldScenario(root: string, id: string, ecosystem: Ecosystem = 'python'): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`scenario id '${id}': use lowercase letters, digits and dashes`);
  const t = SCAFFOLDS[ecosystem];
  if (!t) throw new UsageError(`no scaffold for ecosystem '${ecosystem}': use one of ${SCAFFOLD_ECOSYSTEMS.join(', ')}`);
  const dir = path.resolve(root, id);
  if (fs.existsSync(dir)) throw new UsageError(`${dir} already exists; choose another id`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-new-'));
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-new-repo-'));
  try {
    for (const [rel, text] of Object.entries(t.files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    }
    fs.writeFileSync(path.join(tmp, 'scenario.yaml'), scenarioYaml(id, ecosystem, t));
    // The golden and the variant are made by git from real edits, never written by hand.
    fs.cpSync(path.join(tmp, 'repo'), repo, { recursive: true });
    const git = (...args: string[]) => runOk('git', ['-c', 'user.name=fleetbench', '-c', 'user.email=fleetbench@localhost', ...args], { cwd: repo });
    await git('init', '-q'); await git('add', '-A'); await git('commit', '-qm', 'base');
    for (const [rel, text] of Object.entries(t.golden)) fs.writeFileSync(path.join(repo, rel), text);
    fs.writeFileSync(path.join(tmp, 'solution.patch'), await git('diff', '--binary'));
    fs.appendFileSync(path.join(repo, 'README.md'), '\nNow with the house greeting style.\n');
    fs.mkdirSync(path.join(tmp, 'variants'));
    fs.writeFileSync(path.join(tmp, 'variants', 'touches-readme.patch'), VARIANT_HEADER + await git('diff', '--binary'));
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(tmp, dir);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(repo, { recursive: true, force: true });
  }
}
