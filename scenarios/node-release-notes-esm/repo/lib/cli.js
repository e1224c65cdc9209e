'use strict';
const fs = require('node:fs');
const { parseLog } = require('./parse.js');
const { buildRelease } = require('./release.js');
const { loadTemplate } = require('./render.js');
const pkg = require('../package.json');

const FORMATS = ['markdown', 'json', 'slack'];

const USAGE = `usage: release-notes --current <version> [options]

Reads git log records (git log --format='%H%x1f%B%x1e' <since>..HEAD) from --input or stdin and prints
the release notes of the next version.

  --current <version>   the version being released from (required)
  --input <file>        read the log from a file instead of stdin
  --format <format>     markdown (default), json or slack
  --template <name>     markdown template from templates/ (default: default)
  --name <project>      project name for the slack format (default: the package name)
  --repo-url <url>      link issue references (#123) to <url>/issues/123
  --date <YYYY-MM-DD>   release date (default: today, UTC)
  --version             print this tool's version
  --help                print this help`;

class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['current', 'input', 'format', 'template', 'name', 'repo-url', 'date']);

function parseArgs(argv) {
  const options = { format: 'markdown', template: 'default' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '--version') {
      options[arg.slice(2)] = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined];
    if (flag === undefined || !VALUE_OPTIONS.has(flag)) throw new UsageError(`unknown argument: ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${flag} needs a value`);
    options[flag] = value;
  }
  if (options.help || options.version) return options;
  if (!options.current) throw new UsageError('--current is required');
  if (!FORMATS.includes(options.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError('--date must be YYYY-MM-DD');
  return options;
}

// Formatters are loaded on demand: most runs only need markdown.
function loadFormatter(format) {
  return require(`./formatters/${format}.js`);
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv, io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`release-notes: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const log = options.input ? fs.readFileSync(options.input, 'utf8') : await readAll(io.stdin);
  const release = buildRelease({
    name: options.name ?? pkg.name,
    currentVersion: options.current,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    commits: parseLog(log),
  });
  const formatter = loadFormatter(options.format);
  const template = options.format === 'markdown' ? loadTemplate(options.template) : undefined;
  io.stdout.write(formatter.format(release, { template, repoUrl: options['repo-url'] }));
  return 0;
}

module.exports = { main, parseArgs, USAGE, UsageError };
