import { beforeAll, describe, expect, it } from 'vitest';
import { setLegacySink } from '../src/lib/legacy-logger';
import { Dispatcher, TransientError } from '../src/webhooks/dispatcher';
import { parseEvent } from '../src/webhooks/events';
import { paymentEvent } from './support/deliveries';

beforeAll(() => setLegacySink(() => {}));

const event = parseEvent(JSON.stringify(paymentEvent()));

describe('Dispatcher', () => {
  it('ignores types nobody handles', async () => {
    await expect(new Dispatcher().dispatch(event)).resolves.toEqual({ status: 'ignored' });
  });

  it('retries transient failures', async () => {
    let calls = 0;
    const dispatcher = new Dispatcher({ sleep: async () => {} }).on('payment.succeeded', async () => {
      if (++calls < 3) throw new TransientError('row locked');
    });
    await expect(dispatcher.dispatch(event)).resolves.toEqual({ status: 'handled', attempts: 3 });
  });

  it('does not retry other failures', async () => {
    const dispatcher = new Dispatcher({ sleep: async () => {} }).on('payment.succeeded', async () => {
      throw new Error('bad data');
    });
    await expect(dispatcher.dispatch(event)).resolves.toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('backs off exponentially between retries (real timers)', async () => {
    const dispatcher = new Dispatcher({ baseDelayMs: 60 }).on('payment.succeeded', async () => {
      throw new TransientError('still locked');
    });
    const started = Date.now();
    const result = await dispatcher.dispatch(event);
    expect(result).toMatchObject({ status: 'failed', attempts: 3 });
    // 60 ms before the second attempt, 120 ms before the third.
    expect(Date.now() - started).toBeGreaterThanOrEqual(175);
  });
});
