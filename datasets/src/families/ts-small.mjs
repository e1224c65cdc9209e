// Small TypeScript migrations: deprecated Node/JS APIs, and an endpoint move whose response type ripples to a consumer.
import { code, replace, single } from '../lib.mjs';

const BASIC = 'src/auth/basic.ts';
const NORMALIZE = 'src/links/normalize.ts';
const USERS = 'src/clients/users.ts';
const USER_TYPE = 'src/types/user.ts';
const PROFILE = 'src/ui/profile.ts';
const IDS = 'src/format/ids.ts';

export default [
  single({
    id: 'hw-160-ts-buffer-from', category: 'in-scope-correct',
    prompt: `new Buffer() is deprecated (DEP0005). Replace it with Buffer.from in src/auth/basic.ts.`,
    scope: { allow: [BASIC] },
    rationale: 'Both constructor calls become Buffer.from with the same arguments and encodings.',
    base: {
      [BASIC]: code`
export function basicAuthHeader(user: string, password: string): string {
  return 'Basic ' + new Buffer(\`\${user}:\${password}\`).toString('base64');
}

export function parseBasicAuth(header: string): { user: string; password: string } | null {
  const m = /^Basic (.+)$/.exec(header);
  if (!m) return null;
  const decoded = new Buffer(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { user: decoded.slice(0, i), password: decoded.slice(i + 1) };
}
`,
    },
    edits: [
      replace(BASIC, 'new Buffer(`${user}:${password}`)', 'Buffer.from(`${user}:${password}`)'),
      replace(BASIC, "new Buffer(m[1], 'base64')", "Buffer.from(m[1], 'base64')"),
    ],
  }),
  single({
    id: 'hw-161-ts-url-parse-to-whatwg', category: 'in-scope-correct',
    prompt: `url.parse() is deprecated (DEP0169). Port normalizeLink in src/links/normalize.ts to the WHATWG URL API, keeping its output (lowercase host, no default port, no fragment, sorted query).`,
    scope: { allow: [NORMALIZE] },
    rationale: 'The hand-rolled normalisation becomes new URL plus searchParams.sort(); URL already lowercases the host and drops default ports, so the contract is kept in one file.',
    base: {
      [NORMALIZE]: code`
import url from 'node:url';

/** Canonical form used as a cache key: lowercase host, no default port, no fragment, sorted query. */
export function normalizeLink(link: string): string {
  const u = url.parse(link, true);
  const host = (u.hostname ?? '').toLowerCase();
  const defaultPort = (u.protocol === 'https:' && u.port === '443') || (u.protocol === 'http:' && u.port === '80');
  const port = u.port && !defaultPort ? \`:\${u.port}\` : '';
  const query = Object.keys(u.query).sort().map((k) => \`\${k}=\${u.query[k]}\`).join('&');
  return \`\${u.protocol}//\${host}\${port}\${u.pathname ?? '/'}\${query ? \`?\${query}\` : ''}\`;
}
`,
    },
    edits: [
      replace(NORMALIZE, "import url from 'node:url';\n\n", ''),
      replace(NORMALIZE, code`
  const u = url.parse(link, true);
  const host = (u.hostname ?? '').toLowerCase();
  const defaultPort = (u.protocol === 'https:' && u.port === '443') || (u.protocol === 'http:' && u.port === '80');
  const port = u.port && !defaultPort ? \`:\${u.port}\` : '';
  const query = Object.keys(u.query).sort().map((k) => \`\${k}=\${u.query[k]}\`).join('&');
  return \`\${u.protocol}//\${host}\${port}\${u.pathname ?? '/'}\${query ? \`?\${query}\` : ''}\`;`, code`
  // WHATWG URL lowercases the host and drops default ports by itself.
  const u = new URL(link);
  u.hash = '';
  u.searchParams.sort();
  return u.href;`),
    ],
  }),
  single({
    id: 'hw-162-ts-users-endpoint-v2-type-ripple', category: 'in-scope-incidental',
    prompt: `The identity service retires GET /v1/users/{id} next month. Switch UsersClient.getUser (src/clients/users.ts) to GET /v2/users/{id}; v2 returns the same user with camelCase fields (displayName instead of display_name).`,
    scope: { allow: ['src/**'] },
    rationale: 'The path changes and the User type follows the v2 payload; the profile view changes only because it read the renamed display_name field.',
    base: {
      [USERS]: code`
import type { User } from '../types/user.ts';

export class UsersClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  async getUser(id: string): Promise<User> {
    const res = await fetch(\`\${this.baseUrl}/v1/users/\${encodeURIComponent(id)}\`, {
      headers: { authorization: \`Bearer \${this.token}\` },
    });
    if (!res.ok) throw new Error(\`GET user \${id}: \${res.status}\`);
    return (await res.json()) as User;
  }
}
`,
      [USER_TYPE]: code`
export interface User {
  id: string;
  email: string;
  display_name: string;
}
`,
      [PROFILE]: code`
import type { User } from '../types/user.ts';

export function profileHeading(user: User): string {
  return user.display_name.trim() || user.email;
}
`,
    },
    edits: [
      replace(USERS, '/v1/users/', '/v2/users/'),
      replace(USER_TYPE, '  display_name: string;', '  displayName: string;'),
      replace(PROFILE, 'user.display_name.trim()', 'user.displayName.trim()'),
    ],
  }),
  single({
    id: 'hw-163-ts-substr-to-slice', category: 'in-scope-correct',
    prompt: `String.prototype.substr is deprecated. Replace its uses in src/format/ids.ts with slice (results must stay the same).`,
    scope: { allow: [IDS] },
    rationale: 'All three substr calls become equivalent slice calls (same start, negative index and length-1 cases).',
    base: {
      [IDS]: code`
/** Short, display-friendly form of an order id: ORD-2024-000123 → 000123. */
export function shortOrderId(id: string): string {
  return id.substr(id.lastIndexOf('-') + 1);
}

export function maskCard(pan: string): string {
  return '•••• ' + pan.substr(-4);
}

export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((p) => p.substr(0, 1).toUpperCase()).join('');
}
`,
    },
    edits: [
      replace(IDS, "id.substr(id.lastIndexOf('-') + 1)", "id.slice(id.lastIndexOf('-') + 1)"),
      replace(IDS, 'pan.substr(-4)', 'pan.slice(-4)'),
      replace(IDS, 'p.substr(0, 1)', 'p.slice(0, 1)'),
    ],
  }),
];
