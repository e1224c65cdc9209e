// The model bridge: an Anthropic-Messages endpoint the harness serves per run for external agents (Claude Code).
// It forwards to the run's model through this package's ModelClient, so tokens, cost, budget, retries and
// record/replay are the harness's own, and the real API key stays here: the agent only holds a per-run dummy key.
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { ModelClient, ModelResponse } from './types.ts';
import { ModelCallError, isModelCaused } from './errors.ts';
import type { ModelFailure } from './failures.ts';
import { UsageTotals, type UsageSummary } from './usage.ts';
import { anthropicMessageFrom, requestFromAnthropic, writeAnthropicSse } from './bridge-wire.ts';

export interface BridgeLimits { tokens?: number; costUsd?: number }

export interface ModelBridge {
  /** Where it listens: a unix socket path (mountable into a sandbox). */
  socketPath: string;
  /** The key the agent must present; worthless anywhere else. */
  dummyKey: string;
  usage(): UsageSummary;
  /** Set when a budget limit stopped the agent (the run ends as no_pr with the limit named). */
  limitHit(): string | null;
  /** Set when the upstream model call failed for a reason that is not the model's (transient after retries,
   * configuration, unknown): a harness error, not the agent's fault. */
  failure(): Error | null;
  /** Set when the upstream model failed because of what it produced (context window exceeded, unparseable tool
   * call …): the agent adapter ends the run as no_pr with `modelFailureReason(…)`, never as a harness error. */
  modelFailure(): ModelFailure | null;
  /** Every exchange, for the transcript. */
  onExchange?: (e: { request: unknown; response: ModelResponse | null; error?: string }) => void;
  close(): Promise<void>;
}

function sendError(res: http.ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ type: 'error', error: { type, message } }));
}

export async function startModelBridge(opts: { model: ModelClient; socketPath: string; limits?: BridgeLimits; onExchange?: ModelBridge['onExchange'] }): Promise<ModelBridge> {
  const dummyKey = `fleetbench-dummy-${crypto.randomBytes(12).toString('hex')}`;
  const totals = new UsageTotals();
  let limit: string | null = null;
  let failure: Error | null = null;
  let modelFailure: ModelFailure | null = null;
  let seq = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || url !== '/v1/messages') return sendError(res, 404, 'not_found_error', `the model bridge serves POST /v1/messages only (got ${req.method} ${url})`);
    const key = req.headers['x-api-key'] ?? String(req.headers.authorization ?? '').replace(/^Bearer /i, '');
    if (key !== dummyKey) return sendError(res, 401, 'authentication_error', 'invalid key for this run\'s model bridge');
    let body: Record<string, any>;
    try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { return sendError(res, 400, 'invalid_request_error', 'body is not JSON'); }
    const s = totals.snapshot();
    const used = s.inputTokens + s.outputTokens + s.cacheReadTokens + s.cacheWriteTokens;
    if (opts.limits?.tokens !== undefined && used >= opts.limits.tokens) limit ??= `tokens (${used} ≥ ${opts.limits.tokens})`;
    if (opts.limits?.costUsd !== undefined && s.knownCostUsd >= opts.limits.costUsd) limit ??= `cost ($${s.knownCostUsd.toFixed(4)} ≥ $${opts.limits.costUsd})`;
    // 400 is not retried by the agent's SDK: the budget is final.
    if (limit) return sendError(res, 400, 'invalid_request_error', `fleetbench budget exhausted: ${limit}`);
    const request = requestFromAnthropic(body);
    let response: ModelResponse;
    try {
      response = await opts.model.complete(request);
    } catch (e) {
      bridge.onExchange?.({ request: body, response: null, error: (e as Error).message });
      // Tokens of a failed call count when the server reported them.
      if (e instanceof ModelCallError && e.usage) totals.add({ usage: e.usage, costUsd: e.costUsd ?? null });
      if (isModelCaused(e)) {
        // The model's own failure goes back to the agent as the Messages API reports it (a 400 its SDK does not
        // retry), e.g. `prompt is too long` for a context overflow; the run is the model's outcome, not an error.
        modelFailure ??= { kind: e.modelKind!, message: e.providerMessage };
        const text = e.modelKind === 'context_window_exceeded' ? `prompt is too long: ${e.providerMessage}` : `model: ${e.modelKind}: ${e.providerMessage}`;
        return sendError(res, 400, 'invalid_request_error', text);
      }
      failure ??= e as Error;
      return sendError(res, 400, 'api_error', `upstream model failed: ${(e as Error).message}`);
    }
    totals.add(response);
    bridge.onExchange?.({ request: body, response });
    const msg = anthropicMessageFrom(response, `msg_bridge_${++seq}`, typeof body.model === 'string' ? body.model : response.model);
    if (body.stream) return writeAnthropicSse(res, msg);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(msg));
  });

  fs.rmSync(opts.socketPath, { force: true });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.socketPath, () => resolve()); });
  fs.chmodSync(opts.socketPath, 0o666); // the sandboxed user (uid 1000 in docker) must be able to connect

  const bridge: ModelBridge = {
    socketPath: opts.socketPath, dummyKey,
    usage: () => totals.snapshot(),
    limitHit: () => limit,
    failure: () => failure,
    modelFailure: () => modelFailure,
    onExchange: opts.onExchange,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); fs.rmSync(opts.socketPath, { force: true }); }),
  };
  return bridge;
}
