import { S3Error } from 'minio';
import { StorageUnavailableError } from './storage-errors';

/**
 * Socket-level failure codes meaning "the server cannot be reached or went away". `HPE_*`
 * (checked separately) are HTTP parse errors: something that does not speak HTTP is on that port.
 */
const CONNECTION_FAILURE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPROTO',
]);

/**
 * S3 error codes of server-side trouble (5xx-class) or of a missing bucket (the deployment is
 * not ready; `ensureReady` was not run or the bucket was deleted). minio-js does not keep the
 * HTTP status on its S3Error, so classification goes by code.
 */
const UNAVAILABLE_S3_CODES = new Set([
  'InternalError',
  'ServiceUnavailable',
  'SlowDown',
  'RequestTimeout',
  'NoSuchBucket',
  'XMinioServerNotInitialized',
  'XMinioStorageFull',
  'XMinioReadQuorum',
  'XMinioWriteQuorum',
]);

/**
 * minio-js 8 (checked on 8.0.7) turns every answer with one of these statuses into a bare
 * `Error("Request failed after N retries: Error: Retryable HTTP status: 503")`, with retries
 * disabled too: the S3 error code is dropped and only the status in the message is left.
 * Mirrors `retryHttpCodes` in minio/dist/main/internal/request.js (not importable: the package's
 * `exports` hides it).
 */
export const MINIO_RETRYABLE_STATUSES = new Set([408, 429, 499, 500, 502, 503, 504, 520]);
const RETRYABLE_STATUS_MESSAGE = /Retryable HTTP status: (\d{3})/;

/** S3 codes for "no such object": `NoSuchKey` from GET, `NotFound` from a body-less HEAD 404. */
const NOT_FOUND_S3_CODES = new Set(['NoSuchKey', 'NotFound']);

/** True when a minio-js error says the object does not exist. */
export function isMinioNotFound(error: unknown): boolean {
  return NOT_FOUND_S3_CODES.has(codeOf(error) ?? '');
}

/** True when `error` (or any error it aggregates) is a socket-level failure to talk to the server. */
export function isConnectionFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (CONNECTION_FAILURE_CODES.has(code) || code.startsWith('HPE_'))) return true;
  // Node's happy-eyeballs connect (IPv4 + IPv6) fails with an AggregateError of per-address errors.
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionFailure);
}

/**
 * Maps an error from minio-js or the socket to the library's errors: connection failures,
 * timeouts, 5xx/408/429 answers, 5xx-class S3 codes, a missing bucket and responses that are not S3 at all become
 * {@link StorageUnavailableError}; anything else (bad credentials, access denied, bugs) is
 * returned unchanged so it surfaces as a 500 with its real message. Not-found is left to the
 * caller, because its meaning depends on the operation (`stat` → null, `get` → error, `remove` → ok).
 */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError) return error;
  if (isConnectionFailure(error)) {
    return new StorageUnavailableError(`Object storage unreachable: ${messageOf(error)}`, { cause: error });
  }
  const status = RETRYABLE_STATUS_MESSAGE.exec(messageOf(error))?.[1];
  if (status !== undefined && MINIO_RETRYABLE_STATUSES.has(Number(status))) {
    return new StorageUnavailableError(`Object storage answered HTTP ${status}`, { cause: error });
  }
  if (error instanceof S3Error) {
    const code = codeOf(error);
    // An S3Error without a code comes from a response that was not S3 XML (a proxy's 502/504
    // HTML page, an empty 500): the server is there but not working.
    if (!code) return new StorageUnavailableError('Object storage answered with an error that is not an S3 response', { cause: error });
    if (UNAVAILABLE_S3_CODES.has(code)) {
      return new StorageUnavailableError(`Object storage failed: ${code}${error.message ? ` (${error.message})` : ''}`, { cause: error });
    }
  }
  return error;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  const code = codeOf(error);
  // Duck-typed: errors raised by Node's own sockets may come from another realm (e.g. under Jest).
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' && raw !== '' ? raw : String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
