// HTTP entry point for Paylane webhooks: verify, parse, de-duplicate, dispatch, answer.
// Paylane retries any delivery that does not get a 2xx, so only a failure worth retrying gets a 5xx.
import { log } from '../lib/legacy-logger';
import type { Dispatcher } from './dispatcher';
import { MalformedWebhookError, parseEvent } from './events';
import { verifySignature } from './signature';

export interface WebhookRequest {
  headers: Record<string, string | undefined>;
  rawBody: string;
}

export interface WebhookResponse {
  status: number;
  body: { received: boolean; error?: string };
}

export interface HandlerDeps {
  secret: string;
  dispatcher: Dispatcher;
  /** Ids of deliveries already handled; Paylane delivers at least once. */
  seen: Set<string>;
  now?: () => Date;
}

export async function handleWebhook(req: WebhookRequest, deps: HandlerDeps): Promise<WebhookResponse> {
  const now = deps.now ?? (() => new Date());
  const started = now().getTime();
  const deliveryId = req.headers['paylane-delivery'] ?? 'unknown';

  const check = verifySignature(req.headers['paylane-signature'], req.rawBody, deps.secret, now());
  if (!check.ok) {
    log('warn', 'webhooks', `rejected delivery ${deliveryId}: signature ${check.reason}`);
    return { status: 400, body: { received: false, error: 'invalid signature' } };
  }

  let event;
  try {
    event = parseEvent(req.rawBody);
  } catch (err) {
    if (!(err instanceof MalformedWebhookError)) throw err;
    log('error', 'webhooks', `malformed delivery ${deliveryId}: ${err.message}; body: ${req.rawBody.slice(0, 500)}`);
    return { status: 400, body: { received: false, error: 'malformed payload' } };
  }

  if (deps.seen.has(event.id)) {
    log('info', 'webhooks', `duplicate delivery of ${event.id}, already handled`);
    return { status: 200, body: { received: true } };
  }

  const result = await deps.dispatcher.dispatch(event);
  const durationMs = now().getTime() - started;
  if (result.status === 'failed') {
    log('error', 'webhooks', `event ${event.id} (${event.type}, merchant ${event.merchantId}) failed in ${durationMs}ms`);
    return { status: 500, body: { received: false, error: 'handler failed' } };
  }
  deps.seen.add(event.id);
  log('info', 'webhooks', `event ${event.id} (${event.type}, merchant ${event.merchantId}) ${result.status} in ${durationMs}ms`);
  return { status: 200, body: { received: true } };
}
