// Routes a verified event to the domain handler for its type. Handlers that fail with a transient error
// are retried a few times with exponential backoff before the delivery is given back to the provider.
import { log } from '../lib/legacy-logger';
import type { WebhookEvent, WebhookType } from './events';

export type EventHandler = (event: WebhookEvent) => Promise<void>;

/** Thrown by a handler when retrying may help (a lock, a timeout of a downstream service). */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

export interface DispatchOptions {
  attempts?: number;
  /** Backoff before retry n is baseDelayMs * 2^(n-1). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type DispatchResult = { status: 'handled'; attempts: number } | { status: 'ignored' } | { status: 'failed'; attempts: number; error: Error };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Dispatcher {
  private readonly handlers = new Map<WebhookType, EventHandler>();
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: DispatchOptions = {}) {
    this.attempts = options.attempts ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.sleep = options.sleep ?? realSleep;
  }

  on(type: WebhookType, handler: EventHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  async dispatch(event: WebhookEvent): Promise<DispatchResult> {
    const handler = this.handlers.get(event.type);
    if (!handler) {
      log('info', 'webhooks', `no handler for ${event.type} (${event.id}), ignoring`);
      return { status: 'ignored' };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event);
        return { status: 'handled', attempts: attempt };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        const retry = error instanceof TransientError && attempt < this.attempts;
        if (!retry) {
          log('error', 'webhooks', `handler for ${event.type} (${event.id}) failed after ${attempt} attempt(s): ${error.message}`);
          return { status: 'failed', attempts: attempt, error };
        }
        const delay = this.baseDelayMs * 2 ** (attempt - 1);
        log('warn', 'webhooks', `handler for ${event.type} (${event.id}) failed transiently, retry ${attempt} in ${delay}ms: ${error.message}`);
        await this.sleep(delay);
      }
    }
  }
}
