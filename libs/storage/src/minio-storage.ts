import { Client, S3Error } from 'minio';
import { PassThrough, type Readable } from 'node:stream';
import { assertHeaderSafeContentType, attachmentContentDisposition } from './http-headers';
import type { MinioConfig } from './minio-config';
import { isMinioNotFound, toStorageError } from './minio-errors';
import { timeoutTransport } from './minio-transport';
import { readUploadHead, UploadBodyStream } from './minio-upload-body';
import { assertValidObjectKey, assertValidObjectKeyPrefix } from './object-key';
import type {
  ListedObject,
  ObjectStat,
  ObjectStorage,
  PresignOptions,
  PutObjectMeta,
  PutObjectResult,
  StorageHealth,
} from './object-storage';
import { assertValidPutMeta, sizedChunks } from './put-body';
import { ObjectNotFoundError } from './storage-errors';

/** Knobs that are not deployment configuration; the defaults suit a MinIO on the same network. */
export interface MinioTuning {
  /** A request fails after this long without socket activity (connecting included). Default 10 000. */
  requestTimeoutMs?: number;
  /**
   * Upload part size, 5 MiB to 5 GiB. Default 8 MiB. minio-js holds one part in memory per
   * upload (it signs each part's SHA-256 over plain HTTP), so this bounds upload memory; an
   * object can have at most 10 000 parts (about 78 GiB at the default).
   */
  partSizeBytes?: number;
}

/** Default of {@link MinioTuning.requestTimeoutMs}. */
export const DEFAULT_MINIO_REQUEST_TIMEOUT_MS = 10_000;
/** Default of {@link MinioTuning.partSizeBytes}. */
export const DEFAULT_MINIO_PART_SIZE_BYTES = 8 * 1024 * 1024;
/** S3's limit on presigned URLs (SigV4). */
const MAX_PRESIGN_EXPIRY_SECONDS = 7 * 24 * 3600;

/** {@link ObjectStorage} on a MinIO (or other S3-protocol) server, all objects in one bucket. */
export class MinioStorage implements ObjectStorage {
  readonly kind = 'minio' as const;
  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly partSize: number;

  constructor(config: MinioConfig, tuning: MinioTuning = {}) {
    const timeoutMs = tuning.requestTimeoutMs ?? DEFAULT_MINIO_REQUEST_TIMEOUT_MS;
    if (!(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) throw new RangeError('requestTimeoutMs must be a positive integer');
    this.bucket = config.bucket;
    this.region = config.region ?? 'us-east-1';
    this.partSize = tuning.partSizeBytes ?? DEFAULT_MINIO_PART_SIZE_BYTES;
    this.client = new Client({
      endPoint: config.endPoint,
      port: config.port,
      useSSL: config.useSSL,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      // A known region spares a GetBucketLocation round trip before the first request, and lets
      // presigning work without contacting the server.
      region: this.region,
      pathStyle: true,
      partSize: this.partSize,
      // minio-js would retry a 5xx once after a random delay (logging to the console) and then
      // throw anyway. Failing at once is better: the API answers 503 and the client or the
      // operator decides when to retry.
      retryOptions: { disableRetry: true },
      transport: timeoutTransport(config.useSSL, timeoutMs),
    });
  }

  async put(key: string, body: Readable, meta: PutObjectMeta): Promise<PutObjectResult> {
    try {
      assertValidObjectKey(key);
      assertValidPutMeta(meta);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const metadata = { 'Content-Type': meta.contentType };
    const chunks = sizedChunks(body, meta.size);
    // A failure here is the body's own (client gone, too large, size mismatch): reported as is.
    const head = await readUploadHead(chunks, this.partSize);
    let upload: UploadBodyStream | undefined;
    try {
      if (head.complete) {
        // Fits in one part: one PUT. minio-js would read a stream of this size into one buffer
        // anyway (to sign its SHA-256), so it gets the buffer directly instead of a second copy.
        const whole = Buffer.concat(head.chunks, head.bytes);
        const info = await this.client.putObject(this.bucket, key, whole, whole.length, metadata);
        return { key, size: whole.length, etag: info.etag || undefined };
      }
      // Larger than a part: minio-js streams it as a multipart upload, one part in memory at a time.
      // Parts of an upload that fails are never completed, so no object appears; the server
      // discards the incomplete upload later (MinIO: after 24 h by default).
      upload = new UploadBodyStream(head.chunks, chunks);
      const info = await this.client.putObject(this.bucket, key, upload, meta.size, metadata);
      return { key, size: upload.bytes, etag: info.etag || undefined };
    } catch (error) {
      body.destroy();
      upload?.destroy();
      if (upload?.failure !== undefined) throw upload.failure;
      throw toStorageError(error);
    }
  }

  async get(key: string): Promise<Readable> {
    assertValidObjectKey(key);
    try {
      return withMappedErrors(await this.client.getObject(this.bucket, key));
    } catch (error) {
      if (isMinioNotFound(error)) throw new ObjectNotFoundError(key);
      throw toStorageError(error);
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertValidObjectKey(key);
    try {
      const stat = await this.client.statObject(this.bucket, key);
      const contentType = stat.metaData['content-type'];
      return { size: stat.size, ...(typeof contentType === 'string' ? { contentType } : {}) };
    } catch (error) {
      if (isMinioNotFound(error)) return null;
      throw toStorageError(error);
    }
  }

  async remove(key: string): Promise<void> {
    assertValidObjectKey(key);
    try {
      // S3 DELETE already succeeds for a missing key; the check covers servers that answer 404.
      await this.client.removeObject(this.bucket, key);
    } catch (error) {
      if (!isMinioNotFound(error)) throw toStorageError(error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidObjectKeyPrefix(prefix);
    // Recursive: a flat listing of keys, no "folders". minio-js pages through 1000 keys at a time.
    const items = this.client.listObjectsV2(this.bucket, prefix, true);
    try {
      for await (const item of items) {
        if (item.name !== undefined) yield { key: item.name, size: item.size, lastModified: item.lastModified };
      }
    } catch (error) {
      throw toStorageError(error);
    } finally {
      items.destroy();
    }
  }

  async presignedGetUrl(key: string, options: PresignOptions): Promise<string | null> {
    assertValidObjectKey(key);
    const { expirySeconds, downloadName, contentType } = options;
    // minio-js silently turns 0 into 7 days; refuse anything outside what S3 accepts instead.
    if (!(Number.isSafeInteger(expirySeconds) && expirySeconds >= 1 && expirySeconds <= MAX_PRESIGN_EXPIRY_SECONDS)) {
      throw new RangeError(`expirySeconds must be an integer from 1 to ${MAX_PRESIGN_EXPIRY_SECONDS}`);
    }
    const responseHeaders: Record<string, string> = {};
    if (downloadName !== undefined) responseHeaders['response-content-disposition'] = attachmentContentDisposition(downloadName);
    if (contentType !== undefined) {
      assertHeaderSafeContentType(contentType);
      responseHeaders['response-content-type'] = contentType;
    }
    try {
      return await this.client.presignedGetObject(this.bucket, key, expirySeconds, responseHeaders);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async ensureReady(): Promise<void> {
    try {
      if (await this.client.bucketExists(this.bucket)) return;
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      // Another instance may have created it between our check and our create.
      if (await this.client.bucketExists(this.bucket).catch(() => false)) return;
      throw toStorageError(error);
    }
  }

  async health(): Promise<StorageHealth> {
    try {
      if (await this.client.bucketExists(this.bucket)) return { ok: true, detail: `bucket "${this.bucket}" is reachable` };
      return { ok: false, detail: `bucket "${this.bucket}" does not exist (ensureReady creates it)` };
    } catch (error) {
      return { ok: false, detail: describe(toStorageError(error)) };
    }
  }
}

/**
 * Re-emits `source` with read failures mapped to `StorageUnavailableError` (a connection reset
 * mid-download must look like every other outage). Destroying the result releases the connection.
 */
function withMappedErrors(source: Readable): Readable {
  const output = new PassThrough();
  source.on('error', (error) => output.destroy(toStorageError(error) as Error));
  output.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return source.pipe(output);
}

function describe(error: unknown): string {
  if (error instanceof S3Error) return `${error.code ?? 'S3Error'}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
