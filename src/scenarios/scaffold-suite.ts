// `fleetbench init [DIR]`: a suite folder of one's own, outside the fleetbench repository: fleetbench.yaml, one
// example scenario per chosen ecosystem (the `scenarios new` scaffold), an agent prompt, a judge prompt and a CI
// workflow that runs the suite and gates on it. Everything it writes runs as written with the reference agents.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.ts';
import type { Ecosystem } from './schema.ts';
import { SCAFFOLD_ECOSYSTEMS, scaffoldScenario } from './scaffold.ts';

export interface SuiteScaffoldOptions {
  /** The folder to fill (created when missing). */
  dir: string;
  ecosystems: Ecosystem[];
  /** Prompt files to start from (the bundled ones): copied under the new ids, front matter id rewritten. */
  agentPromptFrom: string;
  judgePromptFrom: string;
  /** The running fleetbench version, for the package.json written when the folder has none. */
  version: string;
}

export const INIT_AGENT_PROMPT_ID = 'my-agent';
export const INIT_JUDGE_PROMPT_ID = 'my-judge';
const CONFIG = 'fleetbench.yaml';
const WORKFLOW = '.github/workflows/fleetbench.yml';

function configYaml(): string {
  return `# fleetbench experiment config, written by \`fleetbench init\`. Every field has a default.
# Run it:  npx fleetbench run --config ${CONFIG} --out reports/local
scenariosDir: scenarios          # relative to this file; one folder per scenario (fleetbench scenarios new ID --dir scenarios)
promptsDir: prompts            # agent prompts: builtin:<id>@<model> reads prompts/<id>.md (default: the bundled prompts/)
judgesDir: judges              # judge prompts: <id>@<model> reads judges/<id>.md (default: the bundled judges/)
agents:
  # Reference agents, no API key needed: replay:golden applies each scenario's solution.patch (the ceiling),
  # noop changes nothing (the floor). They check that the scenarios and the grading work.
  - replay:golden
  - noop
  # A model agent (needs ANTHROPIC_API_KEY): builtin:<prompt id>@<provider:model>. Prompt ids name files in promptsDir,
  # judge prompt ids files in judgesDir (above): prompts/${INIT_AGENT_PROMPT_ID}.md and judges/${INIT_JUDGE_PROMPT_ID}.md are copies of the
  # bundled baseline and scope-strict to edit. E.g.
  # - builtin:${INIT_AGENT_PROMPT_ID}@anthropic:claude-sonnet-5
judges:
  - heuristic                    # or <judge prompt id>@<provider:model>, e.g. ${INIT_JUDGE_PROMPT_ID}@anthropic:claude-haiku-4-5
epochs: 1
concurrency: 2
gate:                            # npx fleetbench gate DIR checks these (metrics: npx fleetbench gate --help)
  max:
    error_rate: 0                # the harness itself failed on no run
  # min:
  #   success_rate: 0.8          # per agent × judge; noop would fail this one, so set it for model agents
`;
}

function workflowYaml(ecosystems: Ecosystem[]): string {
  const toolchains: string[] = [];
  if (ecosystems.includes('python')) toolchains.push(`      - uses: actions/setup-python@v5\n        with: { python-version: '3.12' }\n      - run: python -m pip install pytest`);
  if (ecosystems.includes('go')) toolchains.push(`      - uses: actions/setup-go@v5\n        with: { go-version: stable }`);
  // rust: cargo is on GitHub's ubuntu runners already.
  return `# Runs the suite on every pull request and fails the check when the gate in ${CONFIG} fails.
name: fleetbench
on:
  pull_request:
  workflow_dispatch:
jobs:
  eval:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 22 }
${toolchains.map((t) => t + '\n').join('')}      - run: npm ci
      - run: npx fleetbench run --config ${CONFIG} --out reports/ci
        env:
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
      - run: npx fleetbench gate reports/ci --config ${CONFIG} --format github
      - uses: actions/upload-artifact@v4
        if: always()
        with: { name: fleetbench-report, path: reports/ci }
`;
}

/** The bundled prompt's body under a new id and description. */
function promptCopy(from: string, id: string, description: string): string {
  const text = fs.readFileSync(from, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new Error(`${from}: no front matter`);
  const meta = m[1].split('\n').filter((l) => !/^(id|description):/.test(l));
  // JSON-quoted: a description with a colon is not a plain YAML scalar.
  return `---\nid: ${id}\ndescription: ${JSON.stringify(description)}\n${meta.map((l) => l + '\n').join('')}---\n${text.slice(m[0].length)}`;
}

/** Writes the suite; refuses (before writing anything) when a file it would write exists. Returns the paths written. */
export async function scaffoldSuite(o: SuiteScaffoldOptions): Promise<string[]> {
  if (o.ecosystems.length === 0) throw new UsageError('choose at least one ecosystem');
  for (const e of o.ecosystems) {
    if (!SCAFFOLD_ECOSYSTEMS.includes(e)) throw new UsageError(`--ecosystem '${e}': scaffolds exist for ${SCAFFOLD_ECOSYSTEMS.join(', ')}`);
  }
  const dir = path.resolve(o.dir);
  const ecosystems = [...new Set(o.ecosystems)];
  const scenarioIds = ecosystems.map((e) => `greeting-${e}`);
  const files: Record<string, string> = {
    [CONFIG]: configYaml(),
    [`prompts/${INIT_AGENT_PROMPT_ID}.md`]: promptCopy(o.agentPromptFrom, INIT_AGENT_PROMPT_ID, 'My agent prompt (started from the bundled baseline): edit it.'),
    [`judges/${INIT_JUDGE_PROMPT_ID}.md`]: promptCopy(o.judgePromptFrom, INIT_JUDGE_PROMPT_ID, 'My judge prompt (started from the bundled scope-strict): edit it.'),
    [WORKFLOW]: workflowYaml(ecosystems),
  };
  // npm ci in CI needs a package.json naming fleetbench; an existing one is the user's and stays untouched.
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    files['package.json'] = JSON.stringify({ name: path.basename(dir).toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'my-suite', private: true, devDependencies: { fleetbench: `^${o.version}` } }, null, 2) + '\n';
  }
  const taken = [...Object.keys(files), ...scenarioIds.map((id) => `scenarios/${id}`)].filter((rel) => fs.existsSync(path.join(dir, rel)));
  if (taken.length) throw new UsageError(`${dir} already has ${taken.join(', ')}: init writes only new files (move them, or init another folder)`);
  const written: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    written.push(rel);
  }
  for (const [i, e] of ecosystems.entries()) {
    await scaffoldScenario(path.join(dir, 'scenarios'), scenarioIds[i], e);
    written.push(`scenarios/${scenarioIds[i]}/`);
  }
  return written;
}
