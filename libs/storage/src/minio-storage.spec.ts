import { randomBytes } from 'node:crypto';
import { MinioStorage } from './minio-storage';
import { StorageUnavailableError, ObjectSizeMismatchError } from './storage-errors';
import { describeObjectStorageContract } from './testing/object-storage.contract';
import { startS3rver, s3rverConfig, type RunningS3rver } from './testing/s3rver-harness';
import { chunkedStream, collect, failingStream, readAll, sha256Hex } from './testing/streams';

const MiB = 1024 * 1024;

describe('MinioStorage against s3rver', () => {
  let s3: RunningS3rver;

  beforeAll(async () => {
    s3 = await startS3rver();
  });

  afterAll(async () => {
    await s3.stop();
  });

  describeObjectStorageContract('MinioStorage', async () => new MinioStorage(s3rverConfig(s3.port)), { canPresign: true });

  describe('beyond the contract', () => {
    // The smallest part size S3 allows, so multipart uploads happen with little test data.
    // A generous inactivity timeout: s3rver shares the test's event loop and stalls on a loaded machine.
    const tuning = { partSizeBytes: 5 * MiB, requestTimeoutMs: 10_000 };
    let storage: MinioStorage;
    let bucket: string;

    beforeAll(async () => {
      const config = s3rverConfig(s3.port);
      bucket = config.bucket;
      storage = new MinioStorage(config, tuning);
      await storage.ensureReady();
    });

    it.each([
      ['unknown', undefined],
      ['declared', 12 * MiB + 3],
    ])('uploads an object larger than one part in several parts (size %s)', async (_label, size) => {
      const data = randomBytes(12 * MiB + 3);
      const path = `/${bucket}/multipart/${_label}.bin`;
      const stored = await storage.put(`multipart/${_label}.bin`, chunkedStream(data), { size, contentType: 'application/octet-stream' });
      expect(stored.size).toBe(data.length);
      const uploads = s3.requests.filter((r) => r.startsWith(`PUT ${path}?`) && r.includes('partNumber='));
      expect(uploads).toHaveLength(3);
      expect(s3.requests).toContain(`POST ${path}?uploads`);
      const back = await readAll(await storage.get(`multipart/${_label}.bin`));
      expect(sha256Hex(back)).toBe(sha256Hex(data));
    }, 30_000);

    it('a multipart upload whose body fails after two parts rejects with that error (no hang) and leaves no object', async () => {
      const failure = new Error('upload aborted by the client');
      const body = failingStream(randomBytes(16 * MiB), 11 * MiB, failure);
      await expect(storage.put('multipart/failing.bin', body, { contentType: 'application/octet-stream' })).rejects.toBe(failure);
      expect(await storage.stat('multipart/failing.bin')).toBeNull();
      expect(await collect(storage.list('multipart/failing'))).toEqual([]);
    }, 30_000);

    it('a multipart body longer than declared is refused and not stored', async () => {
      const put = storage.put('multipart/too-long.bin', chunkedStream(randomBytes(11 * MiB)), { size: 10 * MiB, contentType: 'application/octet-stream' });
      await expect(put).rejects.toBeInstanceOf(ObjectSizeMismatchError);
      expect(await storage.exists('multipart/too-long.bin')).toBe(false);
    }, 30_000);

    it('a download the consumer leaves unread for longer than the request timeout still completes', async () => {
      const data = randomBytes(2 * MiB);
      await storage.put('slow-reader.bin', chunkedStream(data), { contentType: 'application/octet-stream' });
      // Only the download uses the short timeout; the wait covers several timeout periods.
      const patient = new MinioStorage(s3rverConfig(s3.port, bucket), { requestTimeoutMs: 400 });
      const stream = await patient.get('slow-reader.bin');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await readAll(stream)).equals(data)).toBe(true);
    });

    it('health reports credentials s3rver does not know, without throwing', async () => {
      const wrong = new MinioStorage({ ...s3rverConfig(s3.port, bucket), accessKey: 'NOT-A-KEY' });
      // The probe is a HEAD, whose 403 has no body: the precise S3 code (InvalidAccessKeyId) is not sent.
      expect(await wrong.health()).toEqual({ ok: false, detail: expect.stringContaining('AccessDenied') });
    });

    it('ensureReady creates the bucket in the configured region', async () => {
      const regional = new MinioStorage({ ...s3rverConfig(s3.port), region: 'ap-southeast-1' });
      await regional.ensureReady();
      expect(await regional.health()).toMatchObject({ ok: true });
    });
  });
});

describe('MinioStorage when s3rver stops mid-suite', () => {
  let s3: RunningS3rver;
  let storage: MinioStorage;
  const data = randomBytes(16 * MiB);

  beforeAll(async () => {
    s3 = await startS3rver();
    storage = new MinioStorage(s3rverConfig(s3.port), { partSizeBytes: 5 * MiB, requestTimeoutMs: 10_000 });
    await storage.ensureReady();
    await storage.put('big.bin', chunkedStream(data), { contentType: 'application/octet-stream' });
  }, 30_000);

  afterAll(async () => {
    await s3.stop();
  });

  it('works while the server runs', async () => {
    expect(await storage.stat('big.bin')).toMatchObject({ size: data.length });
  });

  it('a download cut off by the server stopping fails with StorageUnavailableError', async () => {
    const download = await storage.get('big.bin');
    const outcome = readAll(download).then(
      (bytes) => `completed with ${bytes.length} bytes`,
      (error: unknown) => error,
    );
    await new Promise((resolve) => download.once('data', resolve));
    await s3.stop();
    expect(await outcome).toBeInstanceOf(StorageUnavailableError);
  });

  it('every operation then fails with StorageUnavailableError, and health says why', async () => {
    await expect(storage.get('big.bin')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.stat('big.bin')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.exists('big.bin')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.remove('big.bin')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.put('new.txt', chunkedStream(Buffer.from('x')), { contentType: 'text/plain' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.put('new-big.bin', chunkedStream(randomBytes(6 * MiB)), { contentType: 'application/octet-stream' })).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(collect(storage.list(''))).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.ensureReady()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await storage.health()).toEqual({ ok: false, detail: expect.stringContaining('ECONNREFUSED') });
  });
});
