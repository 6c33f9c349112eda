import { newIdempotencyKey, SubmissionKeys } from './idempotency';

describe('Idempotency-Key per submission', () => {
  it('reuses the key while the body is the same, renews it when the body changes or after success', () => {
    const keys = new SubmissionKeys();
    const a = keys.keyFor({ name: 'A' });
    expect(keys.keyFor({ name: 'A' })).toBe(a);
    const b = keys.keyFor({ name: 'B' });
    expect(b).not.toBe(a);
    keys.reset();
    expect(keys.keyFor({ name: 'B' })).not.toBe(b);
  });

  it('makes visible-ASCII keys the API accepts, even without randomUUID', () => {
    expect(newIdempotencyKey()).toMatch(/^[\x21-\x7e]{1,128}$/);
    const saved = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: saved, configurable: true });
    }
  });
});
