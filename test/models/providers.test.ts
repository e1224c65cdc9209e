// Fail-fast checks: unknown providers and missing keys are reported before any run, by name.
import { describe, expect, it } from 'vitest';
import {
  ModelConfigError,
  assertModelIds,
  checkModelIds,
  createModelClient,
  parseModelId,
  providerConfigSchema,
  resolveModelId,
} from '../../src/models/index.ts';

const providers = [{ name: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnv: 'VLLM_API_KEY' }];

describe('model ids', () => {
  it('splits at the first colon (model names may contain colons)', () => {
    expect(parseModelId('anthropic:claude-sonnet-5')).toEqual({ provider: 'anthropic', model: 'claude-sonnet-5' });
    expect(parseModelId('ollama:llama3.1:8b')).toEqual({ provider: 'ollama', model: 'llama3.1:8b' });
    expect(parseModelId('gpt-4.1')).toBeNull();
    expect(parseModelId('openai:')).toBeNull();
  });

  it('resolves base URLs from the SDK variables, else the public endpoints', () => {
    const env = { ANTHROPIC_BASE_URL: 'http://127.0.0.1:1234' };
    expect(resolveModelId('anthropic:claude-haiku-4-5', { env })).toMatchObject({ api: 'anthropic', baseUrl: 'http://127.0.0.1:1234' });
    expect(resolveModelId('openai:gpt-4.1', { env })).toMatchObject({ api: 'openai', baseUrl: 'https://api.openai.com/v1' });
    expect(resolveModelId('vllm:qwen', { env, providers })).toMatchObject({
      api: 'openai',
      provider: 'vllm',
      model: 'qwen',
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKeyEnv: 'VLLM_API_KEY',
    });
  });

  it('rejects provider configs that shadow a built-in provider', () => {
    expect(providerConfigSchema.safeParse({ name: 'openai', baseUrl: 'http://x/v1' }).success).toBe(false);
    expect(providerConfigSchema.safeParse({ name: 'vllm', baseUrl: 'not a url' }).success).toBe(false);
    expect(providerConfigSchema.safeParse(providers[0]).success).toBe(true);
  });
});

describe('checkModelIds', () => {
  it('names an unknown provider and lists the known ones', () => {
    expect(checkModelIds(['foo:bar'], { providers, env: {} })).toEqual([
      "unknown provider 'foo' in model id 'foo:bar'; known: anthropic, openai, vllm",
    ]);
  });

  it('names the variable to set for a missing key, once per variable', () => {
    const problems = checkModelIds(['anthropic:claude-sonnet-5', 'anthropic:claude-haiku-4-5', 'openai:gpt-4.1', 'vllm:qwen'], {
      providers,
      env: { OPENAI_API_KEY: 'set', VLLM_API_KEY: '  ' },
    });
    expect(problems).toEqual([
      'ANTHROPIC_API_KEY is not set; export it or use --replay DIR (needed by anthropic:claude-sonnet-5, anthropic:claude-haiku-4-5)',
      'VLLM_API_KEY is not set; export it or use --replay DIR (needed by vllm:qwen)',
    ]);
  });

  it('needs no key in replay mode, but still rejects unknown providers', () => {
    expect(checkModelIds(['anthropic:claude-sonnet-5', 'openai:gpt-4.1'], { env: {}, replay: '/tmp/rec' })).toEqual([]);
    expect(checkModelIds(['nope:x'], { env: {}, replay: '/tmp/rec' })).toHaveLength(1);
  });

  it('reports every problem at once, and assertModelIds throws them together', () => {
    expect(checkModelIds(['bad', 'foo:bar', 'openai:gpt-4.1'], { env: {} })).toHaveLength(3);
    expect(() => assertModelIds(['foo:bar', 'openai:gpt-4.1'], { env: {} })).toThrow(ModelConfigError);
    try {
      assertModelIds(['foo:bar', 'openai:gpt-4.1'], { env: {} });
    } catch (err) {
      expect((err as ModelConfigError).problems).toHaveLength(2);
      expect((err as Error).message).toContain('OPENAI_API_KEY is not set');
    }
    expect(() => assertModelIds(['openai:gpt-4.1'], { env: { OPENAI_API_KEY: 'x' } })).not.toThrow();
  });
});

describe('createModelClient fails fast', () => {
  it('on a missing key, before any request', () => {
    expect(() => createModelClient('anthropic:claude-sonnet-5', { env: {} })).toThrow(
      'ANTHROPIC_API_KEY is not set; export it or use --replay DIR',
    );
  });

  it('on an unknown provider', () => {
    expect(() => createModelClient('foo:bar', { env: {} })).toThrow("unknown provider 'foo' in model id 'foo:bar'; known: anthropic, openai");
  });

  it('on --record together with --replay', () => {
    expect(() => createModelClient('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'x' }, record: '/tmp/a', replay: '/tmp/b' })).toThrow(
      ModelConfigError,
    );
  });

  it('but not in replay mode without a key', () => {
    expect(createModelClient('anthropic:claude-sonnet-5', { env: {}, replay: '/tmp/none' }).id).toBe('anthropic:claude-sonnet-5');
  });
});
