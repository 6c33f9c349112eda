import { Readable, type Writable } from 'node:stream';

/** The first bytes of an upload, and whether that was all of it. */
export interface UploadHead {
  chunks: Buffer[];
  bytes: number;
  /** True when the body ended within the limit; `chunks` is then the whole object. */
  complete: boolean;
}

/**
 * Reads chunks until more than `limit` bytes have arrived or the body ends. Lets `put` send a
 * small object (the common case, and any object of unknown size that fits in one part) as one
 * PUT: minio-js would otherwise start a 4-request multipart upload whenever the size is unknown.
 * Memory stays within one part either way, which is what minio-js itself buffers.
 */
export async function readUploadHead(chunks: AsyncIterator<Buffer>, limit: number): Promise<UploadHead> {
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes <= limit) {
    const next = await chunks.next();
    if (next.done) return { chunks: head, bytes, complete: true };
    head.push(next.value);
    bytes += next.value.length;
  }
  return { chunks: head, bytes, complete: false };
}

/**
 * A byte stream over `head` then the rest of `chunks`, for minio-js's multipart upload.
 *
 * minio-js feeds the body to its part splitter with `body.pipe(splitter)`, and `.pipe()` does not
 * forward a source error: a failing upload would leave `putObject` waiting forever. So this
 * stream destroys whatever it is piped into with its own error, which makes `putObject` reject.
 * The failure is also kept in `failure`, so `put` reports the body's own error.
 */
export class UploadBodyStream extends Readable {
  failure: unknown = undefined;
  /** Bytes handed to the consumer so far. */
  bytes = 0;
  private readonly source: AsyncIterator<Buffer>;

  constructor(head: Buffer[], chunks: AsyncIterator<Buffer>) {
    super();
    this.source = (async function* () {
      yield* head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })();
    // Recorded in `failure` and reported by `put`; without a listener the error would crash the process.
    this.on('error', () => undefined);
  }

  override _read(): void {
    this.source.next().then(
      (next) => {
        if (this.destroyed) return;
        if (next.done) {
          this.push(null);
          return;
        }
        this.bytes += next.value.length;
        this.push(next.value);
      },
      (error: unknown) => {
        this.failure = error;
        this.destroy(error as Error);
      },
    );
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.once('error', (error) => (destination as unknown as Writable).destroy(error));
    return super.pipe(destination, options);
  }
}
