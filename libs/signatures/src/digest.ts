import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Digests of a buffer or a stream, several algorithms in one pass. Stream errors propagate. */
export async function hashData<A extends string>(data: Buffer | Uint8Array | Readable, algorithms: readonly A[]): Promise<Record<A, Buffer>> {
  const hashes = algorithms.map((algorithm) => createHash(algorithm));
  if (data instanceof Uint8Array) {
    for (const hash of hashes) hash.update(data);
  } else {
    for await (const chunk of data) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      for (const hash of hashes) hash.update(bytes);
    }
  }
  return Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i].digest()])) as Record<A, Buffer>;
}

/** Digest of the concatenation of byte ranges `[offset, length]` of a buffer, without copying. */
export function hashRanges(bytes: Uint8Array, ranges: ReadonlyArray<readonly [number, number]>, algorithm: string): Buffer {
  const hash = createHash(algorithm);
  for (const [offset, length] of ranges) hash.update(bytes.subarray(offset, offset + length));
  return hash.digest();
}
