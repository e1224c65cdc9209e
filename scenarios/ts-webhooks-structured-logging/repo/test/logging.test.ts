import { afterEach, describe, expect, it } from 'vitest';
import { log, maskPan, setLegacySink } from '../src/lib/legacy-logger';
import { configureLogging, createLogger } from '../src/lib/logger';

const fixed = () => new Date('2024-05-02T09:00:00Z');

afterEach(() => {
  configureLogging({ sink: () => {}, level: 'info' });
  setLegacySink(() => {});
});

describe('structured logger', () => {
  it('writes one JSON object per line with the bound fields', () => {
    const lines: string[] = [];
    configureLogging({ sink: (l) => lines.push(l), now: fixed });
    createLogger('refunds').child({ refundId: 'rf_1' }).info('refund.notified', { amount: 500 });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2024-05-02T09:00:00.000Z',
      level: 'info',
      logger: 'refunds',
      event: 'refund.notified',
      refundId: 'rf_1',
      amount: 500,
    });
  });

  it('redacts sensitive keys at any depth and serialises errors', () => {
    const lines: string[] = [];
    configureLogging({ sink: (l) => lines.push(l), now: fixed });
    createLogger('t').warn('x', { data: { card: { number: '4242424242424242' } }, err: new TypeError('boom') });
    const line = JSON.parse(lines[0]!);
    expect(line.data.card).toBe('[REDACTED]');
    expect(line.err).toEqual({ type: 'TypeError', message: 'boom' });
  });

  it('drops lines below the configured level', () => {
    const lines: string[] = [];
    configureLogging({ sink: (l) => lines.push(l), level: 'warn' });
    createLogger('t').info('quiet');
    expect(lines).toEqual([]);
  });
});

describe('legacy logger', () => {
  it('masks card numbers in messages', () => {
    expect(maskPan('card 4242 4242 4242 4242 declined')).toBe('card ************4242 declined');
    const lines: string[] = [];
    setLegacySink((l) => lines.push(l), fixed);
    log('warn', 'payouts', 'pan 5555555555554444');
    expect(lines).toEqual(['2024-05-02T09:00:00.000Z WARN [payouts] pan ************4444']);
  });
});
