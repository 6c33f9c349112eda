import { DeliveryError } from './outbox-errors';

/**
 * POSTs a JSON body with the outbox idempotency key in the `Idempotency-Key` header, so the
 * receiver can drop a redelivery (delivery is at least once). Anything but 2xx is a failure to
 * retry: the portal's answers to a bad record are not documented (DOMAIN.md §8), so none is
 * treated as final.
 */
export async function postJson(url: string, body: unknown, idempotencyKey: string, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': idempotencyKey, 'user-agent': 'motcua-outbox' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
    throw new DeliveryError(`POST ${url}: ${reason}`);
  }
  // Read the body either way, so the connection is released.
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new DeliveryError(`POST ${url}: HTTP ${response.status}${text ? ` ${text.slice(0, 300)}` : ''}`);
}
