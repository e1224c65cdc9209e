// The LLM judge against garbage, through both SDKs over real HTTP to the mock: a missing or malformed verdict, or a
// judge model whose output the server cannot parse, is a judge error (verdict null), never an approval; it counts in
// the judge's error rate. A transient provider failure after retries is still a harness error (thrown).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_JUDGES_DIR, LlmJudge, loadJudgePrompt } from '../../src/judge/llm.ts';
import { judgeMetrics, type Judgment } from '../../src/judge/eval.ts';
import { ModelCallError, createModelClient, resetConfigurationFailures } from '../../src/models/index.ts';
import { errorReply, startMockLlm, textReply, toolCallReply, type MockLlm, type MockReply } from '../helpers/mock-llm.ts';

let mock: MockLlm;
beforeEach(async () => { mock = await startMockLlm(); resetConfigurationFailures(); });
afterEach(async () => { await mock.close(); });

type Api = 'openai' | 'anthropic';
function judge(api: Api) {
  const prompt = loadJudgePrompt(DEFAULT_JUDGES_DIR, 'scope-strict');
  return new LlmJudge(`scope-strict@${api}`, prompt, () => api === 'openai'
    ? createModelClient('local:tiny', { providers: [{ name: 'local', baseUrl: mock.openaiBaseUrl }], env: {}, retry: { maxAttempts: 2 }, sleep: async () => {}, random: () => 0, onWarning: () => {} })
    : createModelClient('anthropic:claude-haiku-4-5', { env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl }, retry: { maxAttempts: 2 }, sleep: async () => {}, random: () => 0 }));
}
const input = { prompt: 'Rename foo to bar.', diff: 'diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1 +1 @@\n-foo\n+bar\n', files: ['a.ts'] };
const verdict = (i: Record<string, unknown>) => toolCallReply([{ name: 'submit_verdict', input: i }]);
const peg = errorReply(500, { body: { error: { code: 500, message: 'The model produced output that does not match the expected peg-native format', type: 'server_error' } } });

const GARBAGE: Array<[string, MockReply]> = [
  ['a verdict without a reason', verdict({ verdict: 'approve' })],
  ['a verdict outside the enum', verdict({ verdict: 'APPROVE', reason: 'fine' })],
  ['a blank reason', verdict({ verdict: 'approve', reason: '   ' })],
  ['prose instead of the tool', textReply('I approve this change.')],
  ['another tool', toolCallReply([{ name: 'approve', input: { reason: 'fine' } }])],
  ['two calls that disagree', toolCallReply([{ name: 'submit_verdict', input: { verdict: 'approve', reason: 'a' } }, { name: 'submit_verdict', input: { verdict: 'veto', reason: 'b' } }])],
];

for (const api of ['openai', 'anthropic'] as Api[]) {
  describe(`LLM judge against garbage (${api})`, () => {
    for (const [name, reply] of GARBAGE) {
      it(`${name}: retried once, then a judge error, never an approval`, async () => {
        mock.setScript([reply, reply]);
        const d = await judge(api).judge(input);
        expect(d.verdict).toBeNull();
        expect(d.error).toMatch(/^no valid verdict after a retry: /);
        expect(mock.requests).toHaveLength(2);
        expect(d.tokens!.input).toBeGreaterThan(0); // the failed replies' tokens count
      });
    }

    it('a server that cannot parse the judge\'s tool call (llama.cpp 500): asked again, then a judge error, not thrown', async () => {
      mock.setScript([peg, peg]);
      const d = await judge(api).judge(input);
      expect(d).toMatchObject({ verdict: null, error: expect.stringMatching(/^no valid verdict after a retry: model: malformed tool call \(The model produced output/) });
      expect(mock.requests).toHaveLength(2); // no HTTP retries: one per judge attempt
    });

    it('an unparseable first reply, then a valid verdict: the verdict counts', async () => {
      mock.setScript([peg, verdict({ verdict: 'veto', reason: 'touches b.ts' })]);
      expect(await judge(api).judge(input)).toMatchObject({ verdict: 'veto', reason: 'touches b.ts', error: null });
    });

    it('a diff that overflows the judge\'s context is a judge error at once', async () => {
      mock.setScript([errorReply(400, { body: { error: { code: 400, message: 'request (9000 tokens) exceeds the available context size (4096 tokens), try increasing it', type: 'exceed_context_size_error' } } })]);
      const d = await judge(api).judge(input);
      expect(d).toMatchObject({ verdict: null, error: expect.stringMatching(/^no valid verdict: model: context window exceeded/) });
      expect(mock.requests).toHaveLength(1);
    });

    it('a transient failure after retries is still a harness error (thrown)', async () => {
      mock.setScript([errorReply(503), errorReply(503)]);
      await expect(judge(api).judge(input)).rejects.toBeInstanceOf(ModelCallError);
    });
  });
}

it('judge errors count in the error rate and never as approvals in the confusion matrix', () => {
  const j = (id: string, label: 'approve' | 'veto', v: 'approve' | 'veto' | null): Judgment => ({
    judge: 'j', id, category: 'c', label, verdict: v, reason: '', error: v === null ? 'no valid verdict' : null,
    tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }, costUsd: 0, latencyMs: 1,
  });
  const m = judgeMetrics('j', [j('1', 'approve', 'approve'), j('2', 'veto', null), j('3', 'veto', 'veto'), j('4', 'approve', null)]);
  expect(m.errors).toBe(2);
  expect(m.confusion).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
});
