// The pricing table is data (src/models/pricing.json, with its date): valid against its schema, replaceable by a
// user's file through FLEETBENCH_PRICING_FILE, and end-of-life models are marked but keep their price.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PRICING_FILE, pricingFileSchema, readPricingFile } from '../../src/models/pricing.ts';

describe('pricing.json', () => {
  it('is a dated, valid table that marks claude-sonnet-4-5 end of life (2026-11-30) and still prices it', () => {
    const raw = JSON.parse(fs.readFileSync(DEFAULT_PRICING_FILE, 'utf8'));
    expect(pricingFileSchema.safeParse(raw).success).toBe(true);
    const t = readPricingFile(DEFAULT_PRICING_FILE);
    expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.endOfLife['anthropic:claude-sonnet-4-5']).toBe('2026-11-30');
    expect(t.prices['anthropic:claude-sonnet-4-5']).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 });
    expect(t.prices['anthropic:claude-sonnet-5']).toEqual({ input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 });
  });

  it('reads a replacement table of the same format, cache rates defaulting to the input rate, and names a bad one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-pricing-'));
    const good = path.join(dir, 'prices.json');
    fs.writeFileSync(good, JSON.stringify({ date: '2027-01-15', models: { 'anthropic:claude-next': { input: 4, output: 20 } } }));
    expect(readPricingFile(good)).toMatchObject({ date: '2027-01-15', prices: { 'anthropic:claude-next': { input: 4, output: 20, cacheRead: 4, cacheWrite: 4 } } });
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ date: 'yesterday', models: {} }));
    expect(() => readPricingFile(bad)).toThrow(/bad\.json[\s\S]*date/);
  });
});
