import { S3Error } from 'minio';
import { MINIO_RETRYABLE_STATUSES } from './minio-errors';
import { MinioStorage } from './minio-storage';
import { StorageUnavailableError } from './storage-errors';
import { answeringServer, closedPort, s3ErrorXml, silentServer, type FakeServer } from './testing/fake-servers';
import { s3rverConfig } from './testing/s3rver-harness';
import { chunkedStream, collect } from './testing/streams';

// These tests rely on Jest's default 5 s timeout: a client waiting for OS-level TCP timeouts
// would exceed it, so "rejects at all" also means "rejects quickly".

function body() {
  return chunkedStream(Buffer.from('nội dung hồ sơ'));
}

/** Every operation that talks to the server rejects with StorageUnavailableError. */
async function expectAllUnavailable(storage: MinioStorage): Promise<void> {
  const upload = body();
  await expect(storage.put('k/file.txt', upload, { contentType: 'text/plain' })).rejects.toBeInstanceOf(StorageUnavailableError);
  expect(upload.destroyed).toBe(true);
  await expect(storage.get('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(storage.stat('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(storage.exists('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(storage.remove('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(collect(storage.list('k/'))).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(storage.ensureReady()).rejects.toBeInstanceOf(StorageUnavailableError);
  expect((await storage.health()).ok).toBe(false);
}

describe('MinioStorage pointed at a closed port', () => {
  let storage: MinioStorage;

  beforeAll(async () => {
    storage = new MinioStorage(s3rverConfig(await closedPort()));
  });

  it('fails every operation with StorageUnavailableError', async () => {
    await expectAllUnavailable(storage);
  });

  it('health explains the connection was refused', async () => {
    expect(await storage.health()).toEqual({ ok: false, detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('still presigns, which needs no server', async () => {
    expect(await storage.presignedGetUrl('k/file.txt', { expirySeconds: 60 })).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
  });
});

describe('MinioStorage talking to a server that never answers', () => {
  let server: FakeServer;
  let storage: MinioStorage;

  beforeAll(async () => {
    server = await silentServer();
    storage = new MinioStorage(s3rverConfig(server.port), { requestTimeoutMs: 150 });
  });

  afterAll(() => server.close());

  it('fails every operation with StorageUnavailableError once the request timeout passes', async () => {
    await expectAllUnavailable(storage);
  });

  it('says it timed out', async () => {
    expect(await storage.health()).toEqual({ ok: false, detail: expect.stringMatching(/No activity .* for 150 ms/) });
  });
});

describe.each([
  ['503 with an S3 error document', 503, s3ErrorXml('ServiceUnavailable', 'Please reduce your request rate.')],
  ['500 InternalError', 500, s3ErrorXml('InternalError', 'We encountered an internal error.')],
  ['500 with an empty body', 500, ''],
  ['502 from a reverse proxy (HTML)', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>'],
  ['504 from a reverse proxy (HTML)', 504, '<html><body>Gateway Time-out</body></html>'],
  ['507 XMinioStorageFull (MinIO out of disk space)', 507, s3ErrorXml('XMinioStorageFull', 'Storage backend has reached its minimum free drive threshold.')],
  ['505 with a body that is not S3 XML', 505, '<html><body>HTTP Version Not Supported</body></html>'],
  ['NoSuchBucket (bucket deleted under a running service)', 404, s3ErrorXml('NoSuchBucket', 'The specified bucket does not exist')],
])('MinioStorage when the server answers %s', (_label, status, responseBody) => {
  let server: FakeServer;
  let storage: MinioStorage;

  beforeAll(async () => {
    server = await answeringServer(status, responseBody);
    storage = new MinioStorage(s3rverConfig(server.port));
  });

  afterAll(() => server.close());

  it('get, put and list fail with StorageUnavailableError', async () => {
    await expect(storage.get('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.put('k/file.txt', body(), { contentType: 'text/plain' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(collect(storage.list('k/'))).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  if (MINIO_RETRYABLE_STATUSES.has(status)) {
    it('reads the error answers minio-js ignores, so their keep-alive connection is reused, not leaked', async () => {
      const before = server.connections();
      for (let i = 0; i < 5; i++) {
        await expect(storage.get(`k/${i}`)).rejects.toBeInstanceOf(StorageUnavailableError);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(server.connections() - before).toBeLessThanOrEqual(1);
    });
  }

  if (status >= 500) {
    it('stat (a body-less HEAD) fails with StorageUnavailableError too', async () => {
      await expect(storage.stat('k/file.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
    });
  }
});

describe('MinioStorage when the server refuses the credentials', () => {
  let server: FakeServer;
  let storage: MinioStorage;

  beforeAll(async () => {
    server = await answeringServer(403, s3ErrorXml('InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.'));
    storage = new MinioStorage(s3rverConfig(server.port));
  });

  afterAll(() => server.close());

  it('passes the S3 error through: a misconfiguration is not an outage to retry', async () => {
    const failure = storage.get('k/file.txt');
    await expect(failure).rejects.toBeInstanceOf(S3Error);
    await expect(failure).rejects.toMatchObject({ code: 'InvalidAccessKeyId' });
    await expect(storage.put('k/file.txt', body(), { contentType: 'text/plain' })).rejects.not.toBeInstanceOf(StorageUnavailableError);
  });
});
