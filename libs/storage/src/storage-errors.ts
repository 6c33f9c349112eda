/**
 * Errors of the storage library. Plain classes with no HTTP meaning; the API maps them
 * (unavailable → 503, not found → 404, invalid key → 400, too large → 413, size mismatch → 400).
 * Any other error escaping the library is a bug or a misconfiguration (wrong credentials,
 * permission denied by policy) and should surface as a 500 with its original message.
 */

/**
 * The storage backend cannot serve the request right now: server unreachable, connection
 * refused/reset, request timed out, server-side 5xx, bucket missing, disk full or read-only.
 * Retrying later may succeed; the original error is kept as `cause` for the logs.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No object is stored under `key`. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor(readonly key: string) {
    super(`No object under key "${key}"`);
  }
}

/** The key (or list prefix) breaks the key rules; see {@link assertValidObjectKey}. */
export class InvalidObjectKeyError extends Error {
  override readonly name = 'InvalidObjectKeyError';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    // The key is user-influenced and may be huge or contain control characters: quote it shortened.
    super(`Invalid object key ${JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key)}: ${reason}`);
  }
}

/** A stream passed more bytes than allowed (raised by {@link sha256AndSize} with `maxBytes`). */
export class ObjectTooLargeError extends Error {
  override readonly name = 'ObjectTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`Object is larger than the limit of ${maxBytes} bytes`);
  }
}

/**
 * The body of `put` did not have the size the caller declared in `meta.size`: a truncated
 * upload must not be stored as if it were complete. `actualBytes` is a lower bound when the
 * body was longer (reading stops as soon as the declared size is exceeded).
 */
export class ObjectSizeMismatchError extends Error {
  override readonly name = 'ObjectSizeMismatchError';
  constructor(
    readonly declaredBytes: number,
    readonly actualBytes: number,
  ) {
    super(`Body has ${declaredBytes < actualBytes ? 'more than' : 'only'} ${actualBytes} bytes, but ${declaredBytes} were declared`);
  }
}

/** The storage environment variables are wrong; lists every problem so an operator fixes them in one go. */
export class StorageConfigError extends Error {
  override readonly name = 'StorageConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid storage configuration:\n  - ${problems.join('\n  - ')}`);
  }
}
