// Pricing table, cost formula, unknown-price warnings and the per-run UsageTotals accumulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageTotals, pricingTable, costUsd, createModelClient, priceFor, undatedModelId } from '../../src/models/index.ts';
import { startMockLlm, textReply, type MockLlm } from '../helpers/mock-llm.ts';

describe('pricing table', () => {
  it('covers the current Anthropic and OpenAI models', () => {
    for (const id of [
      'anthropic:claude-opus-5', 'anthropic:claude-opus-4-8', 'anthropic:claude-sonnet-5', 'anthropic:claude-opus-4-1',
      'anthropic:claude-opus-4-5', 'anthropic:claude-opus-4-6', 'anthropic:claude-sonnet-4-5', 'anthropic:claude-sonnet-4-6', 'anthropic:claude-sonnet-4', 'anthropic:claude-haiku-4-5', 'anthropic:claude-3-7-sonnet',
      'anthropic:claude-3-5-haiku', 'openai:gpt-4.1', 'openai:gpt-4.1-mini', 'openai:gpt-4.1-nano', 'openai:gpt-4o',
      'openai:gpt-4o-mini', 'openai:o3', 'openai:o4-mini', 'openai:gpt-5', 'openai:gpt-5-mini', 'openai:gpt-5-nano',
    ]) {
      expect(pricingTable().prices[id], id).toBeDefined();
    }
    expect(priceFor('anthropic:claude-opus-4-5')).toEqual({ input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 });
    expect(priceFor('openai:gpt-4o-mini')).toEqual({ input: 0.15, output: 0.6, cacheRead: 0.075, cacheWrite: 0.15 });
  });

  it('resolves dated snapshots and -latest aliases to the undated price, without prefix guessing', () => {
    expect(undatedModelId('anthropic:claude-sonnet-5-20260101')).toBe('anthropic:claude-sonnet-5');
    expect(undatedModelId('openai:gpt-4o-2024-08-06')).toBe('openai:gpt-4o');
    expect(priceFor('anthropic:claude-3-5-haiku-latest')).toEqual(priceFor('anthropic:claude-3-5-haiku'));
    expect(priceFor('openai:gpt-4.1-mini-2025-04-14')).toEqual(priceFor('openai:gpt-4.1-mini'));
    expect(priceFor('openai:gpt-4.1-turbo-ultra')).toBeNull();
    expect(priceFor('local:gpt-4.1')).toBeNull(); // a compatible server's model is not OpenAI's
  });

  it('lets the config override and add prices; cache rates default to the input rate', () => {
    const overrides = { 'openai:gpt-4.1': { input: 1, output: 2, cacheRead: 0.1 }, 'local:qwen': { input: 0.5, output: 1 } };
    expect(priceFor('openai:gpt-4.1', overrides)).toEqual({ input: 1, output: 2, cacheRead: 0.1, cacheWrite: 1 });
    expect(priceFor('local:qwen', overrides)).toEqual({ input: 0.5, output: 1, cacheRead: 0.5, cacheWrite: 0.5 });
  });

  it('prices each token kind at its own rate', () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cacheReadTokens: 2_000_000, cacheWriteTokens: 400_000 };
    expect(costUsd(usage, { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 })).toBeCloseTo(3 + 1.5 + 0.6 + 1.5, 10);
  });
});

describe('unknown price', () => {
  let mock: MockLlm;
  beforeEach(async () => {
    mock = await startMockLlm();
  });
  afterEach(async () => {
    await mock.close();
  });

  it('gives cost null and exactly one warning per model id, never a crash', async () => {
    mock.setScript(() => textReply('ok'));
    const warnings: string[] = [];
    const opts = {
      env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl },
      onWarning: (w: string) => void warnings.push(w),
    };
    const a = createModelClient('anthropic:claude-experimental-9', opts);
    const b = createModelClient('anthropic:claude-experimental-9', opts); // a second run, same model
    const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'x' }] }], maxTokens: 5 };
    const responses = [await a.complete(ask), await a.complete(ask), await b.complete(ask)];
    expect(responses.map((r) => r.costUsd)).toEqual([null, null, null]);
    expect(responses[0].usage.inputTokens).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no price known for model 'anthropic:claude-experimental-9'.*pricing/);

    createModelClient('anthropic:claude-experimental-10', opts);
    expect(warnings).toHaveLength(2);
    createModelClient('anthropic:claude-haiku-4-5', opts);
    expect(warnings).toHaveLength(2);
  });
});

describe('UsageTotals', () => {
  const call = (i: number, o: number, cr: number, cw: number, cost: number | null) => ({
    usage: { inputTokens: i, outputTokens: o, cacheReadTokens: cr, cacheWriteTokens: cw },
    costUsd: cost,
  });

  it('sums tokens and cost per run', () => {
    const totals = new UsageTotals().add(call(100, 10, 1000, 50, 0.1)).add(call(200, 20, 0, 0, 0.2));
    expect(totals.snapshot()).toEqual({
      calls: 2,
      inputTokens: 300,
      outputTokens: 30,
      cacheReadTokens: 1000,
      cacheWriteTokens: 50,
      costUsd: 0.3,
      knownCostUsd: 0.3,
      unpricedCalls: 0,
    });
  });

  it('reports total cost null once any call is unpriced, keeping the known part', () => {
    const totals = new UsageTotals().add(call(1, 1, 0, 0, 0.5)).add(call(1, 1, 0, 0, null));
    expect(totals.snapshot()).toMatchObject({ calls: 2, costUsd: null, knownCostUsd: 0.5, unpricedCalls: 1 });
  });

  it('starts empty at zero cost', () => {
    expect(new UsageTotals().snapshot()).toMatchObject({ calls: 0, costUsd: 0, unpricedCalls: 0 });
  });
});
