import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ObjectTooLargeError } from './storage-errors';

/** Options of {@link sha256AndSize}. */
export interface Sha256AndSizeOptions {
  /** Fail with `ObjectTooLargeError` as soon as more than this many bytes have passed. */
  maxBytes?: number;
}

/**
 * Pass-through stream that hashes and counts what flows through it. Read `bytes` at any time;
 * `sha256Hex` once the stream has finished (before that it throws, so a digest of a partial
 * body can never be recorded by mistake).
 */
export class Sha256AndSizeStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private digestHex: string | null = null;
  private count = 0;

  constructor(private readonly maxBytes?: number) {
    super();
    if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
      throw new RangeError('maxBytes must be a non-negative integer');
    }
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.count;
  }

  /** Lower-case hex SHA-256 of everything that passed; throws until the stream has finished. */
  get sha256Hex(): string {
    if (this.digestHex === null) throw new Error('sha256Hex is only known once the stream has finished');
    return this.digestHex;
  }

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
    // Checked before the chunk is forwarded, so the consumer never receives a byte past the limit.
    if (this.maxBytes !== undefined && this.count + buffer.length > this.maxBytes) {
      callback(new ObjectTooLargeError(this.maxBytes));
      return;
    }
    this.count += buffer.length;
    this.hash.update(buffer);
    callback(null, buffer);
  }

  override _flush(callback: TransformCallback): void {
    this.digestHex = this.hash.digest('hex');
    callback();
  }
}

/**
 * A pass-through Transform computing SHA-256 and byte count while streaming, optionally
 * enforcing a maximum size. The API pipes an upload through it into `ObjectStorage.put`, so the
 * digest it records is of the exact bytes stored, without reading the file twice:
 *
 * ```ts
 * const meter = sha256AndSize({ maxBytes });
 * // pipeline, not .pipe(): an upload failure (client gone) must also fail `meter`, hence the put.
 * pipeline(upload, meter, () => {});
 * const stored = await storage.put(key, meter, { contentType });
 * record(meter.sha256Hex, meter.bytes);
 * ```
 */
export function sha256AndSize(options: Sha256AndSizeOptions = {}): Sha256AndSizeStream {
  return new Sha256AndSizeStream(options.maxBytes);
}
