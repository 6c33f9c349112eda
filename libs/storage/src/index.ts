/**
 * Object storage for dossier files: one streaming interface, two backends (MinIO / S3 protocol,
 * and a local folder), the errors the API maps to HTTP statuses, and the upload helpers.
 * This file is the only public surface of the library.
 */
export type {
  ObjectStorage,
  PutObjectMeta,
  PutObjectResult,
  ObjectStat,
  ListedObject,
  PresignOptions,
  StorageHealth,
} from './object-storage';
export {
  StorageUnavailableError,
  ObjectNotFoundError,
  InvalidObjectKeyError,
  ObjectTooLargeError,
  ObjectSizeMismatchError,
  StorageConfigError,
} from './storage-errors';
export { assertValidObjectKey, isValidObjectKey, MAX_OBJECT_KEY_LENGTH } from './object-key';
export { MinioStorage, type MinioTuning, DEFAULT_MINIO_PART_SIZE_BYTES, DEFAULT_MINIO_REQUEST_TIMEOUT_MS } from './minio-storage';
export { minioConfigFromEnv, type MinioConfig, DEFAULT_MINIO_BUCKET } from './minio-config';
export { DiskStorage } from './disk-storage';
export { sha256AndSize, Sha256AndSizeStream, type Sha256AndSizeOptions } from './sha256-and-size';
export { attachmentContentDisposition } from './http-headers';
