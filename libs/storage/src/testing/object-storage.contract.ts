import { randomBytes } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import type { ObjectStorage } from '../object-storage';
import { sha256AndSize } from '../sha256-and-size';
import { InvalidObjectKeyError, ObjectNotFoundError, ObjectSizeMismatchError, ObjectTooLargeError } from '../storage-errors';
import { chunkedStream, collect, failingStream, readAll, sha256Hex } from './streams';

/** What differs legitimately between backends. */
export interface ContractTraits {
  /** MinIO presigns URLs; disk returns null and the API streams the file itself. */
  canPresign: boolean;
}

const VIETNAMESE_TEXT = 'Đơn đề nghị cấp giấy phép — Sở Khoa học và Công nghệ tỉnh Lai Châu. Hồ sơ số 000.00.12.H29-250101-0001 ✓\n';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function text(value: string) {
  return chunkedStream(Buffer.from(value, 'utf8'), 7); // tiny chunks: multi-byte characters get split across them
}

/**
 * The behaviour every {@link ObjectStorage} must have. `factory` returns a new storage on a
 * bucket/folder that does not exist yet (each call a different one), so `ensureReady` can be
 * observed creating it.
 */
export function describeObjectStorageContract(name: string, factory: () => Promise<ObjectStorage>, traits: ContractTraits): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let storage: ObjectStorage;

    beforeAll(async () => {
      storage = await factory();
      await storage.ensureReady();
    });

    it('ensureReady creates the missing bucket/folder, is idempotent and keeps existing objects', async () => {
      const fresh = await factory();
      expect((await fresh.health()).ok).toBe(false);
      await fresh.ensureReady();
      await fresh.ensureReady();
      expect(await fresh.health()).toMatchObject({ ok: true });
      await fresh.put('ready/probe.txt', text('x'), { contentType: 'text/plain' });
      await fresh.ensureReady();
      expect(await fresh.exists('ready/probe.txt')).toBe(true);
    });

    it('health is a probe without trace: nothing listable is left behind', async () => {
      const fresh = await factory();
      await fresh.ensureReady();
      expect(await fresh.health()).toMatchObject({ ok: true });
      expect(await fresh.health()).toMatchObject({ ok: true });
      expect(await collect(fresh.list(''))).toEqual([]);
    });

    it('round-trips ~5 MB of random bytes streamed in chunks; SHA-256 equals the one computed while uploading', async () => {
      const data = randomBytes(5_000_000);
      const meter = sha256AndSize();
      pipeline(chunkedStream(data), meter, () => undefined);
      const key = 'roundtrip/random.bin';

      const stored = await storage.put(key, meter, { size: data.length, contentType: 'application/octet-stream' });

      expect(stored).toMatchObject({ key, size: data.length });
      expect(meter.bytes).toBe(data.length);
      expect(meter.sha256Hex).toBe(sha256Hex(data));
      const back = await readAll(await storage.get(key));
      expect(back.length).toBe(data.length);
      expect(sha256Hex(back)).toBe(meter.sha256Hex);
      expect(back.equals(data)).toBe(true);
    }, 30_000);

    it('stores a body of unknown size and an empty body', async () => {
      const data = randomBytes(300_000);
      expect(await storage.put('unknown-size/a.bin', chunkedStream(data), { contentType: 'application/octet-stream' })).toMatchObject({
        size: data.length,
      });
      expect((await readAll(await storage.get('unknown-size/a.bin'))).equals(data)).toBe(true);

      expect(await storage.put('unknown-size/empty', chunkedStream(Buffer.alloc(0)), { contentType: 'text/plain' })).toMatchObject({ size: 0 });
      expect(await storage.stat('unknown-size/empty')).toMatchObject({ size: 0 });
      expect((await readAll(await storage.get('unknown-size/empty'))).length).toBe(0);
    });

    it('keeps Vietnamese UTF-8 content byte for byte, with its content type', async () => {
      const key = 'utf8/don-de-nghi.txt';
      const bytes = Buffer.byteLength(VIETNAMESE_TEXT);
      expect(bytes).toBeGreaterThan(VIETNAMESE_TEXT.length); // really multi-byte

      await storage.put(key, text(VIETNAMESE_TEXT), { size: bytes, contentType: TEXT_TYPE });

      expect((await readAll(await storage.get(key))).toString('utf8')).toBe(VIETNAMESE_TEXT);
      expect(await storage.stat(key)).toEqual({ size: bytes, contentType: TEXT_TYPE });
    });

    it('stat and exists tell present from missing', async () => {
      await storage.put('stat/present.pdf', chunkedStream(Buffer.from('%PDF-1.7')), { contentType: 'application/pdf' });
      expect(await storage.stat('stat/present.pdf')).toEqual({ size: 8, contentType: 'application/pdf' });
      expect(await storage.exists('stat/present.pdf')).toBe(true);
      expect(await storage.stat('stat/missing.pdf')).toBeNull();
      expect(await storage.exists('stat/missing.pdf')).toBe(false);
    });

    it('overwrite replaces content, size and content type', async () => {
      const key = 'overwrite/file';
      await storage.put(key, text('first version, longer'), { contentType: 'text/plain' });
      await storage.put(key, text('second'), { contentType: 'application/json' });
      expect((await readAll(await storage.get(key))).toString()).toBe('second');
      expect(await storage.stat(key)).toEqual({ size: 6, contentType: 'application/json' });
    });

    it('remove deletes, and is idempotent', async () => {
      const key = 'remove/file';
      await storage.put(key, text('bye'), { contentType: 'text/plain' });
      await storage.remove(key);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(storage.remove(key)).resolves.toBeUndefined();
      await expect(storage.remove('remove/never-existed')).resolves.toBeUndefined();
    });

    it('get of a missing key rejects with ObjectNotFoundError naming the key', async () => {
      await expect(storage.get('missing/nothing-here')).rejects.toThrow(ObjectNotFoundError);
      await expect(storage.get('missing/nothing-here')).rejects.toMatchObject({ key: 'missing/nothing-here' });
    });

    it('lists by plain string prefix, with size and modification time', async () => {
      const before = Date.now() - 60_000;
      const keys = ['list/a/1.txt', 'list/a/2/deep.txt', 'list/ab.txt', 'list/b/1.txt', 'list/c.txt', 'listing.txt'];
      for (const key of keys) await storage.put(key, text(key), { contentType: 'text/plain' });

      const keysOf = async (prefix: string) => (await collect(storage.list(prefix))).map((o) => o.key).sort();
      expect(await keysOf('list/a')).toEqual(['list/a/1.txt', 'list/a/2/deep.txt', 'list/ab.txt']);
      expect(await keysOf('list/a/')).toEqual(['list/a/1.txt', 'list/a/2/deep.txt']);
      expect(await keysOf('list/')).toEqual(['list/a/1.txt', 'list/a/2/deep.txt', 'list/ab.txt', 'list/b/1.txt', 'list/c.txt']);
      expect(await keysOf('list')).toEqual([...keys].sort());
      expect(await keysOf('nothing/')).toEqual([]);
      expect((await keysOf('')).length).toBeGreaterThanOrEqual(keys.length);

      const [entry] = await collect(storage.list('list/b/'));
      expect(entry.size).toBe('list/b/1.txt'.length);
      expect(entry.lastModified).toBeInstanceOf(Date);
      expect(entry.lastModified.getTime()).toBeGreaterThan(before);
    });

    it('a key can be an object and the prefix of other objects at the same time', async () => {
      await storage.put('both/x', text('parent'), { contentType: 'text/plain' });
      await storage.put('both/x/y', text('child'), { contentType: 'text/plain' });
      expect((await readAll(await storage.get('both/x'))).toString()).toBe('parent');
      expect((await readAll(await storage.get('both/x/y'))).toString()).toBe('child');
      expect((await collect(storage.list('both/'))).map((o) => o.key).sort()).toEqual(['both/x', 'both/x/y']);
    });

    it('refuses invalid keys on every operation, and destroys the body it was given', async () => {
      const invalid = ['', '/abs', 'a/../b', '..', 'a/..', 'a b', 'hồ-sơ.pdf', 'a\\b', 'a//b', 'a/', './a', 'a/./b', 'x'.repeat(513), 'a\nb'];
      for (const key of invalid) {
        const body = text('never stored');
        await expect(storage.put(key, body, { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidObjectKeyError);
        expect(body.destroyed).toBe(true);
        await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.remove(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.presignedGetUrl(key, { expirySeconds: 60 })).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
      for (const prefix of ['/', '../', 'a/../', 'a b']) {
        await expect(collect(storage.list(prefix))).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
    });

    it('a body failing halfway rejects put with the body’s error and leaves the previous version intact', async () => {
      const key = 'failing/object.bin';
      await storage.put(key, text('previous version'), { contentType: 'text/plain' });
      const data = randomBytes(1_000_000);
      const hangUp = new Error('client hung up');

      await expect(storage.put(key, failingStream(data, 500_000, hangUp), { contentType: 'application/octet-stream' })).rejects.toBe(hangUp);
      await expect(storage.put('failing/new.bin', failingStream(data, 500_000, hangUp), { contentType: 'application/octet-stream' })).rejects.toBe(
        hangUp,
      );

      expect((await readAll(await storage.get(key))).toString()).toBe('previous version');
      expect(await storage.exists('failing/new.bin')).toBe(false);
      expect((await collect(storage.list('failing/'))).map((o) => o.key)).toEqual([key]);
    });

    it('a body shorter or longer than the declared size is refused with ObjectSizeMismatchError and not stored', async () => {
      await expect(storage.put('size/short', text('12345'), { size: 6, contentType: 'text/plain' })).rejects.toMatchObject({
        name: 'ObjectSizeMismatchError',
        declaredBytes: 6,
        actualBytes: 5,
      });
      await expect(storage.put('size/long', text('1234567'), { size: 6, contentType: 'text/plain' })).rejects.toBeInstanceOf(ObjectSizeMismatchError);
      expect(await storage.exists('size/short')).toBe(false);
      expect(await storage.exists('size/long')).toBe(false);
    });

    it('an endless body with a declared size is cut off right after that size, instead of filling the storage', async () => {
      let produced = 0;
      const endless = new Readable({
        read() {
          produced += 65_536;
          this.push(Buffer.alloc(65_536, 1));
        },
      });
      await expect(storage.put('size/endless', endless, { size: 100_000, contentType: 'application/octet-stream' })).rejects.toBeInstanceOf(
        ObjectSizeMismatchError,
      );
      expect(endless.destroyed).toBe(true);
      expect(produced).toBeLessThan(1_000_000);
      expect(await storage.exists('size/endless')).toBe(false);
    });

    it('ObjectTooLargeError from sha256AndSize fails the put and nothing is stored', async () => {
      const meter = sha256AndSize({ maxBytes: 100_000 });
      pipeline(chunkedStream(randomBytes(300_000), 16_384), meter, () => undefined);
      await expect(storage.put('limit/too-big.bin', meter, { contentType: 'application/octet-stream' })).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect(await storage.exists('limit/too-big.bin')).toBe(false);
    });

    it('refuses metadata that cannot be stored (non-ASCII content type, negative size) before storing anything', async () => {
      await expect(storage.put('meta/bad-type', text('x'), { contentType: 'văn bản/plain' })).rejects.toBeInstanceOf(TypeError);
      await expect(storage.put('meta/bad-size', text('x'), { size: -1, contentType: 'text/plain' })).rejects.toBeInstanceOf(RangeError);
      expect(await storage.exists('meta/bad-type')).toBe(false);
    });

    if (traits.canPresign) {
      it('presigns a URL that downloads the same bytes, with a UTF-8 download name and content type', async () => {
        const data = randomBytes(200_000);
        await storage.put('presign/file.bin', chunkedStream(data), { contentType: 'application/octet-stream' });
        const downloadName = 'Giấy đề nghị (bản chính) – Đợt 1.pdf';

        const url = await storage.presignedGetUrl('presign/file.bin', { expirySeconds: 300, downloadName, contentType: 'application/pdf' });

        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*X-Amz-Signature=/);
        const response = await fetch(url as string);
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const disposition = response.headers.get('content-disposition') ?? '';
        expect(disposition).toMatch(/^attachment; filename="Giay de nghi \(ban chinh\) _ Dot 1\.pdf"; filename\*=UTF-8''/);
        expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toBe(downloadName);
      });

      it('refuses a presign expiry S3 would not accept', async () => {
        await expect(storage.presignedGetUrl('presign/file.bin', { expirySeconds: 0 })).rejects.toBeInstanceOf(RangeError);
        await expect(storage.presignedGetUrl('presign/file.bin', { expirySeconds: 8 * 24 * 3600 })).rejects.toBeInstanceOf(RangeError);
      });
    } else {
      it('cannot presign: returns null so the API streams the file itself', async () => {
        await storage.put('presign/file.bin', text('x'), { contentType: 'text/plain' });
        expect(await storage.presignedGetUrl('presign/file.bin', { expirySeconds: 300, downloadName: 'tệp.pdf' })).toBeNull();
      });
    }
  });
}
