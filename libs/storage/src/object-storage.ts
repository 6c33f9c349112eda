import type { Readable } from 'node:stream';

/** What the caller knows about a body before it is stored. */
export interface PutObjectMeta {
  /**
   * Exact byte count when known (e.g. a Content-Length). When given, `put` rejects with
   * `ObjectSizeMismatchError` if the body turns out shorter or longer, and stores nothing.
   */
  size?: number;
  /** MIME type returned on download, e.g. `application/pdf`. Printable ASCII only (it becomes an HTTP header). */
  contentType: string;
}

/** Result of a successful `put`. */
export interface PutObjectResult {
  key: string;
  /** Bytes actually stored. */
  size: number;
  /** Backend's entity tag when it has one (MinIO); not a content digest, use `sha256AndSize` for that. */
  etag?: string;
}

/** Result of `stat`. */
export interface ObjectStat {
  size: number;
  contentType?: string;
}

/** One entry yielded by `list`. */
export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

/** Options of `presignedGetUrl`. */
export interface PresignOptions {
  /** Lifetime of the URL, 1 s to 7 days (the S3 maximum). */
  expirySeconds: number;
  /** File name offered by the browser's "save as" (any Unicode; sent as RFC 6266/5987 `attachment`). */
  downloadName?: string;
  /** Content-Type the download is served with, overriding the stored one. */
  contentType?: string;
}

/** Outcome of a health probe; never throws, so it can back a readiness endpoint directly. */
export interface StorageHealth {
  ok: boolean;
  /** Why it is not ok (or which backend/location it checked), for operators; never contains secrets. */
  detail?: string;
}

/**
 * Where dossier files live: an S3-protocol server (MinIO) or a folder on local disk. Everything
 * is streamed; no implementation holds a whole object in memory (MinIO buffers at most one
 * upload part, see `MinioTuning.partSizeBytes`).
 *
 * Every key is checked by `assertValidObjectKey` first (`InvalidObjectKeyError`). Failures of the
 * backend itself surface as `StorageUnavailableError`.
 */
export interface ObjectStorage {
  /** Which backend this is; `disk` cannot presign, so the API streams downloads itself. */
  readonly kind: 'minio' | 'disk';

  /**
   * Stores `body` under `key`, replacing any previous object atomically: readers see the old
   * object or the new one, never a partial one. `put` owns `body`: it is read to the end, or
   * destroyed when `put` fails. If `body` itself fails (client disconnect, `ObjectTooLargeError`
   * from `sha256AndSize`, …) `put` rejects with that same error, and nothing is left behind.
   */
  put(key: string, body: Readable, meta: PutObjectMeta): Promise<PutObjectResult>;

  /**
   * Opens the object for reading. Rejects with `ObjectNotFoundError` when it does not exist.
   * The caller must consume or destroy the stream (it holds a connection or a file handle).
   * MinIO emits a connection lost mid-download as `StorageUnavailableError` on the stream.
   */
  get(key: string): Promise<Readable>;

  /** Size and content type, or `null` when there is no such object. */
  stat(key: string): Promise<ObjectStat | null>;

  /** Deletes the object; deleting a missing object succeeds (idempotent). */
  remove(key: string): Promise<void>;

  /** Whether an object is stored under `key`. */
  exists(key: string): Promise<boolean>;

  /**
   * Every object whose key starts with `prefix` (a plain string prefix, not a folder: `a/b`
   * matches `a/bc`). Order is unspecified. Lazy: objects are fetched/walked while iterating.
   */
  list(prefix: string): AsyncIterable<ListedObject>;

  /**
   * A URL a browser can download the object from directly, or `null` for backends that cannot
   * presign (disk). Does not check that the object exists; a missing one gives a 404 at download.
   */
  presignedGetUrl(key: string, options: PresignOptions): Promise<string | null>;

  /** Prepares the backend (creates the bucket or folder if missing). Idempotent; call once at boot. */
  ensureReady(): Promise<void>;

  /** Probes the backend (reachable, bucket/folder present and usable). */
  health(): Promise<StorageHealth>;
}
