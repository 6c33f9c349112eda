import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { sha256AndSize } from './sha256-and-size';
import { ObjectTooLargeError } from './storage-errors';

/** Pushes `chunks` through a fresh meter; resolves with what came out, or the error it failed with. */
async function run(chunks: Buffer[], maxBytes?: number) {
  const meter = sha256AndSize({ maxBytes });
  const received: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => received.push(chunk));
  const error = await new Promise<Error | null>((resolve) => pipeline(Readable.from(chunks), meter, sink, (e) => resolve(e ?? null)));
  return { meter, received, error };
}

describe('sha256AndSize', () => {
  it('computes the SHA-256 and size of known inputs (FIPS 180-2 vectors)', async () => {
    const abc = await run([Buffer.from('a'), Buffer.from('bc')]);
    expect(abc.meter.sha256Hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(abc.meter.bytes).toBe(3);

    const empty = await run([]);
    expect(empty.meter.sha256Hex).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(empty.meter.bytes).toBe(0);
  });

  it('hashes multi-byte UTF-8 split across chunks exactly like one buffer, and passes the bytes through unchanged', async () => {
    const text = Buffer.from('Hồ sơ đã được tiếp nhận', 'utf8');
    const chunks = [text.subarray(0, 2), text.subarray(2, 3), text.subarray(3)]; // "ồ" is cut in the middle
    const { meter, received } = await run(chunks);
    expect(meter.sha256Hex).toBe(createHash('sha256').update(text).digest('hex'));
    expect(meter.bytes).toBe(text.length);
    expect(Buffer.concat(received).equals(text)).toBe(true);
  });

  it('fails with ObjectTooLargeError on the first chunk past the limit, forwarding nothing of it', async () => {
    const { error, received, meter } = await run([Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4)], 10);
    expect(error).toBeInstanceOf(ObjectTooLargeError);
    expect(error).toMatchObject({ maxBytes: 10 });
    expect(Buffer.concat(received).length).toBe(8);
    expect(meter.bytes).toBe(8);
    expect(() => meter.sha256Hex).toThrow(/only known once the stream has finished/);
  });

  it('accepts a body of exactly the limit', async () => {
    const { error, meter } = await run([Buffer.alloc(6), Buffer.alloc(4)], 10);
    expect(error).toBeNull();
    expect(meter.bytes).toBe(10);
  });

  it('refuses a nonsensical limit', () => {
    expect(() => sha256AndSize({ maxBytes: -1 })).toThrow(RangeError);
    expect(() => sha256AndSize({ maxBytes: 1.5 })).toThrow(RangeError);
  });
});
