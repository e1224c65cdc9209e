// Import layering of src/, as ../shared/DESIGN.md draws it: data flows one way, config → matrix → runner → pipeline
// → RunResult → results.jsonl → scoring → report, the CLI on top, and no module reaches up that chain. Each rule
// below is one sentence of that design (or of the start-up budget: heavy packages load only where needed), written
// against the tree as it stands; test/package/check-layers.test.ts runs it, and fails on a planted upward import.
//   npx tsx scripts/check-layers.ts [srcDir]     exit 1 on a violation not in KNOWN_VIOLATIONS
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface Edge {
  /** Importing file, relative to src/ ('scoring/stats.ts'). */
  from: string;
  /** Imported file relative to src/ for relative imports, else the package name ('commander', 'node:fs'). */
  to: string;
  typeOnly: boolean;
  line: number;
}

export interface Violation extends Edge { rule: string }

/** Modules that only define formats (zod schemas, their types, pure helpers on them): anyone may read them. */
const FORMATS = new Set(['pipeline/result.ts', 'scenarios/schema.ts', 'config/schema.ts', 'models/failures.ts', 'models/types.ts']);
/** What the results directory's readers may take from runner/: its files' owners, not the matrix runner itself. */
const RESULTS_OWNERS = new Set(['runner/store.ts', 'runner/manifest.ts', 'runner/provenance.ts']);
/** Node modules that do I/O: the scoring layer is pure functions. */
const IO = /^node:(fs|child_process|net|http|https|worker_threads|readline)(\/|$)/;

const layer = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);
const pkg = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

interface Rule { name: string; applies: (e: Edge) => boolean }

export const RULES: Rule[] = [
  { name: 'only the CLI (src/cli) parses command lines: commander is imported nowhere else',
    applies: (e) => pkg(e.to) === 'commander' && layer(e.from) !== 'cli' },
  { name: 'nothing below the CLI imports it (the library, src/index.ts included, never reaches into cli/)',
    applies: (e) => layer(e.to) === 'cli' && layer(e.from) !== 'cli' },
  { name: 'model SDKs load only in src/models (start-up: commands that call no model never load them)',
    applies: (e) => !e.typeOnly && ['@anthropic-ai/sdk', 'openai'].includes(pkg(e.to)) && layer(e.from) !== 'models' },
  { name: 'dockerode loads only in the docker sandbox (src/sandbox/docker*.ts)',
    applies: (e) => !e.typeOnly && pkg(e.to) === 'dockerode' && !/^sandbox\/docker[^/]*\.ts$/.test(e.from) },
  { name: 'the MCP SDK loads only in src/mcp and the `mcp` command',
    applies: (e) => !e.typeOnly && pkg(e.to) === '@modelcontextprotocol/sdk' && layer(e.from) !== 'mcp' && e.from !== 'cli/mcp.ts' },
  { name: 'util/ is the bottom: it imports nothing else of src/',
    applies: (e) => layer(e.from) === 'util' && e.to.endsWith('.ts') && layer(e.to) !== 'util' },
  { name: 'scoring/ is pure: no I/O, and from src/ only util/ and the format modules',
    applies: (e) => layer(e.from) === 'scoring' && (IO.test(e.to) || (e.to.endsWith('.ts') && !['scoring', 'util'].includes(layer(e.to)) && !FORMATS.has(e.to))) },
  { name: 'report/ reads results, it never runs anything: no sandbox, agent, mcp, verifiers, importer, pipeline (beyond RunResult) or the matrix runner',
    applies: (e) => layer(e.from) === 'report' && e.to.endsWith('.ts') && (['sandbox', 'agent', 'mcp', 'verifiers', 'import'].includes(layer(e.to))
      || (layer(e.to) === 'pipeline' && !FORMATS.has(e.to)) || (layer(e.to) === 'runner' && !RESULTS_OWNERS.has(e.to))) },
  { name: 'report/ and runner/ are top of the chain: only the CLI, the library index, report/ and the viewer import report/',
    applies: (e) => layer(e.to) === 'report' && !['report', 'cli', 'index.ts', 'view'].includes(layer(e.from)) },
  { name: 'the matrix runner is imported only by the CLI and the library index (report/ and view/ may read the results files through their owners)',
    applies: (e) => layer(e.to) === 'runner' && !['runner', 'cli', 'index.ts'].includes(layer(e.from)) && !(['report', 'view'].includes(layer(e.from)) && RESULTS_OWNERS.has(e.to)) },
  { name: 'view/ reads results, it never runs anything: no sandbox, agent (beyond transcript types), mcp, verifiers, importer, models, pipeline (beyond RunResult) or report writers',
    applies: (e) => layer(e.from) === 'view' && e.to.endsWith('.ts') && (['sandbox', 'mcp', 'verifiers', 'import', 'models', 'config'].includes(layer(e.to))
      || (layer(e.to) === 'agent' && !e.typeOnly) || (layer(e.to) === 'pipeline' && !FORMATS.has(e.to)) || (layer(e.to) === 'runner' && !RESULTS_OWNERS.has(e.to))
      || ['report/report.ts', 'report/files.ts', 'report/merge.ts'].includes(e.to)) },
  { name: 'the viewer is a tool of the CLI: only cli/ imports view/',
    applies: (e) => layer(e.to) === 'view' && !['view', 'cli'].includes(layer(e.from)) },
  { name: 'one run (pipeline/) never reaches up to the runner, the reports, the CLI, the importer or the config',
    applies: (e) => layer(e.from) === 'pipeline' && ['runner', 'report', 'cli', 'import', 'config'].includes(layer(e.to)) },
  { name: 'below the pipeline (agents, judges, verifiers, sandboxes, models, scenarios, mcp), pipeline/ is read only for the RunResult format',
    applies: (e) => ['agent', 'judge', 'verifiers', 'sandbox', 'models', 'scenarios', 'mcp', 'config'].includes(layer(e.from)) && layer(e.to) === 'pipeline' && !FORMATS.has(e.to) },
  { name: 'the scenario importer is a tool of the CLI: only cli/ imports import/',
    applies: (e) => layer(e.to) === 'import' && !['import', 'cli'].includes(layer(e.from)) },
];

/**
 * Violations that exist in the tree today, in files the layering check's author does not own: reported on every run
 * as warnings (with the fix) so they stay visible, and not failed on; a new violation anywhere fails.
 */
export const KNOWN_VIOLATIONS: { from: string; to: string; fix: string }[] = [];

function sourceFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) return sourceFiles(dir, r);
    return /\.(ts|mts)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [r] : [];
  });
}

/** Every import of every file under srcDir: static imports and re-exports (with their type-only flag) and import(). */
export function importEdges(srcDir: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(path.join(srcDir, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    const add = (spec: string, typeOnly: boolean, node: ts.Node) => {
      const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
      edges.push({ from: file, to, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const c = node.importClause;
        const typeOnly = Boolean(c && (c.isTypeOnly || (!c.name && c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly))));
        add(node.moduleSpecifier.text, typeOnly, node);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly, node);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, false, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return edges;
}

export function checkLayers(srcDir: string): { violations: Violation[]; known: Violation[] } {
  const all = importEdges(srcDir).flatMap((e) => RULES.filter((r) => r.applies(e)).map((r) => ({ ...e, rule: r.name })));
  const isKnown = (v: Violation) => KNOWN_VIOLATIONS.some((k) => k.from === v.from && k.to === v.to);
  return { violations: all.filter((v) => !isKnown(v)), known: all.filter(isKnown) };
}

export const formatViolation = (v: Violation) => `src/${v.from}:${v.line} imports ${v.to}${v.typeOnly ? ' (type only)' : ''}: breaks "${v.rule}"`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const srcDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'src'));
  const { violations, known } = checkLayers(srcDir);
  for (const v of known) console.error(`known: ${formatViolation(v)}; fix: ${KNOWN_VIOLATIONS.find((k) => k.from === v.from && k.to === v.to)!.fix}`);
  for (const v of violations) console.error(formatViolation(v));
  console.error(violations.length ? `${violations.length} layering violation(s)` : `layering ok (${RULES.length} rules${known.length ? `, ${known.length} known violation(s)` : ''})`);
  process.exitCode = violations.length ? 1 : 0;
}
