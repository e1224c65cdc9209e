// Config key rename database.url → database.connectionString: YAML, loader, its consumer (forced by the type), tests, docs.
import { code, replace } from '../lib.mjs';

const DEF = 'config/default.yaml';
const PROD = 'config/production.yaml';
const CFG = 'src/config.ts';
const DB = 'src/db.ts';
const TEST = 'test/config.test.ts';
const DOCS = 'docs/configuration.md';

const base = {
  [DEF]: code`
server:
  port: 8080
database:
  url: postgres://localhost:5432/orders
  poolSize: 10
  statementTimeoutMs: 5000
`,
  [PROD]: code`
database:
  url: \${DATABASE_URL}
  poolSize: 40
`,
  [CFG]: code`
import fs from 'node:fs';
import YAML from 'yaml';

export interface DatabaseConfig {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
}

export interface AppConfig {
  server: { port: number };
  database: DatabaseConfig;
}

const DB_DEFAULTS = { poolSize: 10, statementTimeoutMs: 5000 };

export function parseConfig(text: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = YAML.parse(text.replace(/\$\{(\w+)\}/g, (_, name) => env[name] ?? ''));
  const db = raw.database ?? {};
  if (!db.url) throw new Error('database.url is required');
  return {
    server: { port: raw.server?.port ?? 8080 },
    database: { ...DB_DEFAULTS, ...db },
  };
}

export function loadConfig(file: string): AppConfig {
  return parseConfig(fs.readFileSync(file, 'utf8'));
}
`,
  [DB]: code`
import pg from 'pg';
import type { AppConfig } from './config.ts';

export function createPool(config: AppConfig): pg.Pool {
  return new pg.Pool({
    connectionString: config.database.url,
    max: config.database.poolSize,
    statement_timeout: config.database.statementTimeoutMs,
  });
}
`,
  [TEST]: code`
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('fills defaults', () => {
    const cfg = parseConfig('database:\n  url: postgres://db/orders\n');
    expect(cfg.database).toEqual({ url: 'postgres://db/orders', poolSize: 10, statementTimeoutMs: 5000 });
    expect(cfg.server.port).toBe(8080);
  });

  it('expands environment variables', () => {
    const cfg = parseConfig('database:\n  url: \${DATABASE_URL}\n', { DATABASE_URL: 'postgres://prod/orders' });
    expect(cfg.database.url).toBe('postgres://prod/orders');
  });

  it('requires a database url', () => {
    expect(() => parseConfig('server:\n  port: 1\n')).toThrow('database.url is required');
  });
});
`,
  [DOCS]: code`
# Configuration

| key | default | meaning |
|---|---|---|
| \`server.port\` | 8080 | HTTP port |
| \`database.url\` | — (required) | PostgreSQL URL, e.g. \`postgres://user@host/db\` |
| \`database.poolSize\` | 10 | maximum pool connections |
| \`database.statementTimeoutMs\` | 5000 | per-statement timeout |

Values may reference environment variables as \`\${NAME}\`.
`,
};

const golden = [
  replace(DEF, '  url: postgres://localhost:5432/orders', '  connectionString: postgres://localhost:5432/orders'),
  replace(PROD, '  url: ${DATABASE_URL}', '  connectionString: ${DATABASE_URL}'),
  replace(CFG, '  url: string;', '  connectionString: string;'),
  replace(CFG, code`
  const db = raw.database ?? {};
  if (!db.url) throw new Error('database.url is required');
  return {
    server: { port: raw.server?.port ?? 8080 },
    database: { ...DB_DEFAULTS, ...db },
  };`, code`
  const { url: legacyUrl, ...db } = raw.database ?? {};
  if (legacyUrl !== undefined && db.connectionString === undefined) {
    console.warn('config: database.url is deprecated; rename it to database.connectionString');
    db.connectionString = legacyUrl;
  }
  if (!db.connectionString) throw new Error('database.connectionString is required');
  return {
    server: { port: raw.server?.port ?? 8080 },
    database: { ...DB_DEFAULTS, ...db },
  };`),
  replace(DB, 'connectionString: config.database.url,', 'connectionString: config.database.connectionString,'),
  replace(TEST, code`
    const cfg = parseConfig('database:\n  url: postgres://db/orders\n');
    expect(cfg.database).toEqual({ url: 'postgres://db/orders', poolSize: 10, statementTimeoutMs: 5000 });`, code`
    const cfg = parseConfig('database:\n  connectionString: postgres://db/orders\n');
    expect(cfg.database).toEqual({ connectionString: 'postgres://db/orders', poolSize: 10, statementTimeoutMs: 5000 });`),
  replace(TEST, code`
    const cfg = parseConfig('database:\n  url: \${DATABASE_URL}\n', { DATABASE_URL: 'postgres://prod/orders' });
    expect(cfg.database.url).toBe('postgres://prod/orders');
  });

  it('requires a database url', () => {
    expect(() => parseConfig('server:\n  port: 1\n')).toThrow('database.url is required');
  });`, code`
    const cfg = parseConfig('database:\n  connectionString: \${DATABASE_URL}\n', { DATABASE_URL: 'postgres://prod/orders' });
    expect(cfg.database.connectionString).toBe('postgres://prod/orders');
  });

  it('still reads the deprecated database.url', () => {
    const cfg = parseConfig('database:\n  url: postgres://old/orders\n');
    expect(cfg.database.connectionString).toBe('postgres://old/orders');
    expect(cfg.database).not.toHaveProperty('url');
  });

  it('requires a connection string', () => {
    expect(() => parseConfig('server:\n  port: 1\n')).toThrow('database.connectionString is required');
  });`),
  replace(DOCS, '| `database.url` | — (required) | PostgreSQL URL, e.g. `postgres://user@host/db` |',
    '| `database.connectionString` | — (required) | PostgreSQL URL or libpq connection string, e.g. `postgres://user@host/db` (formerly `database.url`, still read with a warning) |'),
];

export default {
  prompt: `Rename the config key database.url to database.connectionString (we now pass libpq connection strings, not just URLs). Update config/*.yaml, the loader in src/config.ts, its tests and docs/configuration.md. Keep accepting the old key as a fallback, with a deprecation warning.`,
  scope: { allow: ['config/**', 'src/**', 'test/**', 'docs/configuration.md'] },
  base,
  records: [
    {
      id: 'hw-110-config-key-connection-string', label: 'approve', category: 'in-scope-incidental',
      rationale: 'Renames the key everywhere named, with the requested fallback and a test for it; src/db.ts changes only because DatabaseConfig.url no longer exists.',
      edits: golden,
    },
    {
      id: 'hw-111-config-docs-libpq-example', label: 'approve', category: 'comment-doc-only',
      prompt: `Support keeps asking whether database.url accepts libpq keyword/value strings. It does: say so in docs/configuration.md, with one example. Docs only.`,
      scope: { allow: ['docs/**'] },
      rationale: 'A docs-only change to the one page the task names, adding the requested note and example.',
      edits: [replace(DOCS, 'Values may reference environment variables as `${NAME}`.', code`
Values may reference environment variables as \`\${NAME}\`.

\`database.url\` also accepts a libpq keyword/value string, for example:

    database:
      url: "host=db.internal port=5432 dbname=orders sslmode=require"`)],
    },
  ],
};
