import { createHmac, timingSafeEqual } from 'node:crypto';

/** The fields of a payment notification the platform signs, in this order. */
export interface SignedPaymentFields {
  requestId: string;
  transactionId: string;
  amountVnd: number;
  paidAt: string;
  /** DuocThanhToanTrucTuyen: 1 DVCQG payment platform, 2 the province's or ministry's. */
  channelCode: number;
}

/**
 * HMAC-SHA256 (hex) over the fields joined by "|" with the shared secret. The platforms' real
 * schemes differ (UNVERIFIED which one the province uses); this keyed digest of the fields that
 * matter is the contract of our endpoint and of the local platform double.
 */
export function signPayment(fields: SignedPaymentFields, secret: string): string {
  const canonical = [fields.requestId, fields.transactionId, String(fields.amountVnd), fields.paidAt, String(fields.channelCode)].join('|');
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export function paymentSignatureValid(fields: SignedPaymentFields, signature: string, secret: string): boolean {
  const expected = Buffer.from(signPayment(fields, secret), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
