// The verifier MCP server over stdio, driven by the SDK's real Client against the real CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BIN } from '../helpers/cli.ts';

let ws: string;
let client: Client;

beforeAll(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-mcp-'));
  fs.writeFileSync(path.join(ws, 'pyproject.toml'), '[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["."]\n');
  fs.mkdirSync(path.join(ws, 'tests'));
  fs.writeFileSync(path.join(ws, 'calc.py'), 'def add(a, b):\n    return a - b\n');
  fs.writeFileSync(path.join(ws, 'tests', 'test_calc.py'), 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n');
  client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--workspace', ws], stderr: 'ignore' }));
});
afterAll(async () => { await client?.close(); });

describe('fleetbench mcp (stdio)', () => {
  it('lists the verify tool with an optional verifier argument', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['verify']);
    expect(tools[0].inputSchema.properties).toHaveProperty('verifier');
    expect(tools[0].description).toMatch(/pytest/);
  });

  it('reports a failing test concisely, then passes once the code is fixed', async () => {
    const fail = await client.callTool({ name: 'verify', arguments: {} });
    expect(fail.isError).toBe(true);
    const text = (fail.content as Array<{ text: string }>)[0].text;
    expect(text).toMatch(/test_calc\.py/);
    expect(text).toMatch(/-1|== 5/);
    expect(text.length).toBeLessThanOrEqual(1600);
    fs.writeFileSync(path.join(ws, 'calc.py'), 'def add(a, b):\n    return a + b\n');
    const ok = await client.callTool({ name: 'verify', arguments: { verifier: 'pytest' } });
    expect(ok.isError).toBe(false);
    expect((ok.content as Array<{ text: string }>)[0].text.split('\n')).toHaveLength(1);
  });

  it('refuses an unknown verifier name', async () => {
    const r = await client.callTool({ name: 'verify', arguments: { verifier: 'gradle' } });
    expect(r.isError).toBe(true);
    expect((r.content as Array<{ text: string }>)[0].text).toMatch(/unknown verifier 'gradle'; active: pytest/);
  });
});
