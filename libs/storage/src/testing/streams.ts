import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** `data` as a byte stream of `chunkSize` chunks, like an upload arriving from the network. */
export function chunkedStream(data: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < data.length; offset += chunkSize) yield data.subarray(offset, offset + chunkSize);
    })(),
    { objectMode: false },
  );
}

/** Streams the first `failAfterBytes` of `data`, then fails with `error` (a client hanging up mid-upload). */
export function failingStream(data: Buffer, failAfterBytes: number, error: Error, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (async function* () {
      for (let offset = 0; offset < failAfterBytes; offset += chunkSize) {
        yield data.subarray(offset, Math.min(offset + chunkSize, failAfterBytes));
      }
      // Let the consumer act on what it received (write a temp file, upload a part) before failing.
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw error;
    })(),
    { objectMode: false },
  );
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
