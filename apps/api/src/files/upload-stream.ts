import { PassThrough, Readable, pipeline } from 'node:stream';
import * as FileType from 'file-type';
import { sha256AndSize, Sha256AndSizeStream } from '@motcua/storage';
import { AppError } from '../common/errors';

/** Types a dossier file may have, decided from the bytes (DVCQG takes PDF; scans come as JPEG/PNG). */
export const ALLOWED_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export class UnsupportedFileTypeError extends AppError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

export interface PreparedUpload {
  contentType: string;
  extension: string;
  /** The whole upload, head included, metered: read `meter.sha256Hex`/`meter.bytes` once stored. */
  body: Readable;
  meter: Sha256AndSizeStream;
}

// file-type needs at most this many leading bytes to recognise every format it knows.
const HEAD_BYTES = 4100;

/**
 * Reads the first bytes of an upload, decides its real type from them (never the
 * client's claim, so a renamed executable is refused), and returns the full stream
 * piped through a SHA-256 + size meter that enforces the size limit.
 */
export async function prepareUpload(source: Readable, maxBytes: number): Promise<PreparedUpload> {
  const head = await readHead(source, HEAD_BYTES);
  const detected = await FileType.fromBuffer(head);
  const extension = detected ? ALLOWED_TYPES.get(detected.mime) : undefined;
  if (!detected || !extension) {
    source.destroy();
    throw new UnsupportedFileTypeError(`Only PDF, JPEG and PNG files are accepted (this one is ${detected?.mime ?? 'of an unknown type'})`, {
      detected: detected?.mime ?? null,
    });
  }
  const whole = new PassThrough();
  whole.write(head);
  const meter = sha256AndSize({ maxBytes });
  // pipeline, so a client that disconnects (or an oversized body) fails the meter and thus the put.
  pipeline(source, whole, meter, () => undefined);
  return { contentType: detected.mime, extension, body: meter, meter };
}

function readHead(stream: Readable, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = () => {
      cleanup();
      stream.pause();
      resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= n) finish();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', onError);
    };
    stream.on('data', onData);
    stream.on('end', finish);
    stream.on('error', onError);
  });
}
