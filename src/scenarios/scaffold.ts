// `scenarios new ID`: a small but valid scenario to edit, so a new author starts from something that validates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOk } from '../util/proc.ts';
import { UsageError } from '../util/errors.ts';

const FILES: Record<string, string> = {
  'repo/README.md': '# greeting\n\nA tiny greeting component. Replace it with the component your migration is about.\n',
  'repo/pyproject.toml': '[project]\nname = "greeting"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["."]\n',
  'repo/.gitignore': '__pycache__/\n.pytest_cache/\n',
  'repo/greeting.py': 'def greet(name):\n    return "Hello " + name\n',
  'repo/tests/test_greeting.py': 'from greeting import greet\n\n\ndef test_mentions_the_name():\n    assert "Ada" in greet("Ada")\n',
  'hidden/hidden_tests/test_greeting_format.py': 'from greeting import greet\n\n\ndef test_house_style():\n    assert greet("Ada") == "Hello, Ada!"\n',
};

const GOLDEN = 'def greet(name):\n    return f"Hello, {name}!"\n';

function scenarioYaml(id: string): string {
  return `id: ${id}
title: Adopt the house greeting style
ecosystem: python
tags: [example]
prompt: |
  Our style guide now requires greetings in the form "Hello, <name>!". Update greet() in greeting.py
  to produce it. Change nothing else.
scope:
  allow: ["greeting.py", "tests/**"]
hidden:
  command: python3 -m pytest -q -p no:cacheprovider hidden_tests
  tool: pytest
`;
}

export async function scaffoldScenario(root: string, id: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`scenario id '${id}': use lowercase letters, digits and dashes`);
  const dir = path.resolve(root, id);
  if (fs.existsSync(dir)) throw new UsageError(`${dir} already exists; choose another id`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-new-'));
  try {
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    }
    fs.writeFileSync(path.join(tmp, 'scenario.yaml'), scenarioYaml(id));
    // The golden patch is made by git from a real edit, never written by hand.
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-new-repo-'));
    fs.cpSync(path.join(tmp, 'repo'), repo, { recursive: true });
    const git = (...args: string[]) => runOk('git', ['-c', 'user.name=fleetbench', '-c', 'user.email=fleetbench@localhost', ...args], { cwd: repo });
    await git('init', '-q'); await git('add', '-A'); await git('commit', '-qm', 'base');
    fs.writeFileSync(path.join(repo, 'greeting.py'), GOLDEN);
    fs.writeFileSync(path.join(tmp, 'solution.patch'), await git('diff', '--binary'));
    fs.rmSync(repo, { recursive: true, force: true });
    fs.mkdirSync(path.join(tmp, 'variants'));
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(tmp, dir);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
