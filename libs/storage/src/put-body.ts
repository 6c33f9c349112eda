import type { Readable } from 'node:stream';
import { assertHeaderSafeContentType } from './http-headers';
import type { PutObjectMeta } from './object-storage';
import { ObjectSizeMismatchError } from './storage-errors';

/** Checks `put`'s metadata before anything is written, so a bad call leaves no trace. */
export function assertValidPutMeta(meta: PutObjectMeta): void {
  if (meta.size !== undefined && !(Number.isSafeInteger(meta.size) && meta.size >= 0)) {
    throw new RangeError('meta.size must be a non-negative integer');
  }
  assertHeaderSafeContentType(meta.contentType);
}

/**
 * The chunks of `body` as Buffers, failing with `ObjectSizeMismatchError` as soon as the byte
 * count contradicts `declaredSize` (too many: at the offending chunk; too few: at the end).
 * A body error is rethrown unchanged. Stopping the iteration early destroys `body`.
 */
export async function* sizedChunks(body: Readable, declaredSize?: number): AsyncGenerator<Buffer, void> {
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (declaredSize !== undefined && bytes > declaredSize) throw new ObjectSizeMismatchError(declaredSize, bytes);
    yield buffer;
  }
  if (declaredSize !== undefined && bytes !== declaredSize) throw new ObjectSizeMismatchError(declaredSize, bytes);
}
