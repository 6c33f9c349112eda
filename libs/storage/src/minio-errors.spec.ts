import { S3Error } from 'minio';
import { isConnectionFailure, isMinioNotFound, toStorageError } from './minio-errors';
import { StorageUnavailableError } from './storage-errors';

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

function s3Error(code: string | undefined, message = ''): S3Error {
  const error = new S3Error(message);
  if (code !== undefined) error.code = code;
  return error;
}

describe('toStorageError', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'HPE_INVALID_CONSTANT'])(
    'socket error %s → StorageUnavailableError keeping the cause',
    (code) => {
      const original = withCode(code);
      const mapped = toStorageError(original);
      expect(mapped).toBeInstanceOf(StorageUnavailableError);
      expect((mapped as Error).message).toContain(code);
      expect((mapped as Error).cause).toBe(original);
    },
  );

  it('an AggregateError of refused IPv4 and IPv6 connects → StorageUnavailableError', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed');
    expect(toStorageError(aggregate)).toBeInstanceOf(StorageUnavailableError);
  });

  it.each([503, 500, 502, 504, 429, 408])('minio-js "Retryable HTTP status: %s" → StorageUnavailableError', (status) => {
    const error = new Error(`Request failed after 0 retries: Error: Retryable HTTP status: ${status}`);
    expect(toStorageError(error)).toMatchObject({ name: 'StorageUnavailableError', message: `Object storage answered HTTP ${status}` });
  });

  it.each(['InternalError', 'ServiceUnavailable', 'SlowDown', 'NoSuchBucket', 'XMinioStorageFull', 'XMinioServerNotInitialized'])(
    'S3 code %s → StorageUnavailableError',
    (code) => {
      expect(toStorageError(s3Error(code, 'x'))).toBeInstanceOf(StorageUnavailableError);
    },
  );

  it('an S3Error without a code (not an S3 response) → StorageUnavailableError', () => {
    expect(toStorageError(s3Error(undefined))).toBeInstanceOf(StorageUnavailableError);
    expect(toStorageError(s3Error(''))).toBeInstanceOf(StorageUnavailableError);
  });

  it.each(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'NoSuchKey', 'NotFound'])('S3 code %s is returned unchanged', (code) => {
    const error = s3Error(code);
    expect(toStorageError(error)).toBe(error);
  });

  it('other errors are returned unchanged', () => {
    const bug = new TypeError('undefined is not a function');
    expect(toStorageError(bug)).toBe(bug);
    const fsError = withCode('ENOENT');
    expect(toStorageError(fsError)).toBe(fsError);
    const already = new StorageUnavailableError('down');
    expect(toStorageError(already)).toBe(already);
  });
});

describe('isMinioNotFound / isConnectionFailure', () => {
  it('recognises NoSuchKey (GET) and NotFound (HEAD), nothing else', () => {
    expect(isMinioNotFound(s3Error('NoSuchKey'))).toBe(true);
    expect(isMinioNotFound(s3Error('NotFound'))).toBe(true);
    expect(isMinioNotFound(s3Error('NoSuchBucket'))).toBe(false);
    expect(isMinioNotFound(new Error('NoSuchKey'))).toBe(false);
    expect(isMinioNotFound(null)).toBe(false);
  });

  it('an AggregateError counts only when every member is a connection failure', () => {
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED'), new Error('other')]))).toBe(false);
    expect(isConnectionFailure(new AggregateError([]))).toBe(false);
    expect(isConnectionFailure(undefined)).toBe(false);
  });
});
