import { beforeAll, describe, expect, it } from 'vitest';
import { setLegacySink } from '../src/lib/legacy-logger';
import { sign, verifySignature } from '../src/webhooks/signature';

beforeAll(() => setLegacySink(() => {}));

const now = new Date('2024-05-02T09:00:00Z');
const t = Math.floor(now.getTime() / 1000);

describe('verifySignature', () => {
  it('accepts a fresh, correct signature', () => {
    expect(verifySignature(`t=${t},v1=${sign('s3cret', t, '{}')}`, '{}', 's3cret', now)).toEqual({ ok: true });
  });

  it('names what is wrong', () => {
    expect(verifySignature(undefined, '{}', 's3cret', now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature('v1=abc', '{}', 's3cret', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(`t=${t - 301},v1=${sign('s3cret', t - 301, '{}')}`, '{}', 's3cret', now)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(`t=${t},v1=${sign('s3cret', t, '{"a":1}')}`, '{}', 's3cret', now)).toEqual({ ok: false, reason: 'mismatch' });
  });
});
