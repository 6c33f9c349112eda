import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import * as FileType from 'file-type';
import { ObjectTooLargeError, sha256AndSize, Sha256AndSizeStream } from '@motcua/storage';
import { AppError } from '../common/errors';

/** Types a dossier file may have, decided from the bytes (DVCQG takes PDF; scans come as JPEG/PNG), and their extensions. */
export const ALLOWED_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

/** Extensions a file name may keep for each type; any other is replaced by the type's own. */
const KEPT_EXTENSIONS: Record<string, readonly string[]> = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] };

export class UnsupportedFileTypeError extends AppError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

/** The client's upload broke off or was malformed (a multipart body cut short, the client gone). */
export class UploadIncompleteError extends AppError {
  readonly status = 400;
  readonly code = 'UPLOAD_INCOMPLETE';
}

export interface PreparedUpload {
  contentType: string;
  extension: string;
  /** The whole upload, head included, metered: read `meter.sha256Hex`/`meter.bytes` once stored. */
  body: Readable;
  meter: Sha256AndSizeStream;
  /**
   * When storing failed: the client's side of it, if the failure came from there: the upload cut
   * short (400) or over the size limit (413). Null when the cause is elsewhere (storage down…).
   */
  clientFailure(): UploadIncompleteError | ObjectTooLargeError | null;
  /** Once the whole body went through: refuses (415) a file that only starts like its type, e.g. five bytes `%PDF-`. */
  assertComplete(): void;
}

// file-type needs at most this many leading bytes to recognise every format it knows.
const HEAD_BYTES = 4100;
/** A PDF ends with `%%EOF`, which readers look for within the last 1024 bytes (PDF 32000-1 §7.5.5, Implementation note). */
const PDF_TAIL_BYTES = 1024;

/**
 * Reads the first bytes of an upload, decides its real type from them (never the
 * client's claim, so a renamed executable is refused), and returns the full stream
 * piped through a SHA-256 + size meter that enforces the size limit.
 */
export async function prepareUpload(source: Readable, maxBytes: number): Promise<PreparedUpload> {
  // The multipart parser may have failed the stream already (a body cut short) while the handler was busy elsewhere.
  let sourceError: Error | null = source.errored ?? null;
  source.once('error', (error) => (sourceError = error));
  let head: Buffer;
  try {
    head = await readHead(source, HEAD_BYTES);
  } catch (error) {
    throw incomplete(error);
  }
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
  const tail = new TailKeeper(PDF_TAIL_BYTES);
  const meter = sha256AndSize({ maxBytes });
  // pipeline, so a client that disconnects (or an oversized body) fails the meter and thus the put.
  pipeline(source, whole, tail, meter, () => undefined);
  // The multipart parser destroys a file cut short without an error of its own, maybe before the
  // pipeline was there to see it; a source that closes before its end must fail the put all the same.
  const endedEarly = () => {
    if (!source.readableEnded) meter.destroy(incomplete(sourceError ?? new Error('the upload stream was closed before its end')));
  };
  if (source.destroyed) endedEarly();
  else source.once('close', endedEarly);
  return {
    contentType: detected.mime,
    extension,
    body: meter,
    meter,
    clientFailure: () => {
      if (sourceError === null) return null;
      // The meter's own limit, or the multipart parser's (it stops a file one byte past it).
      if (sourceError instanceof ObjectTooLargeError || (sourceError as { statusCode?: unknown }).statusCode === 413) return new ObjectTooLargeError(maxBytes);
      return incomplete(sourceError);
    },
    assertComplete: () => {
      if (detected.mime === 'application/pdf' && !isWholePdf(head, tail.bytes)) {
        throw new UnsupportedFileTypeError('The file starts like a PDF but is not a complete PDF (no "%PDF-n.n" header or "%%EOF" at its end)', { detected: 'incomplete PDF' });
      }
    },
  };
}

/** Stores a prepared upload; when storing fails because of the client (cut short, too large) that is the error thrown. */
export async function storePrepared(storage: { put(key: string, body: Readable, options: { contentType: string }): Promise<unknown> }, key: string, prepared: PreparedUpload): Promise<void> {
  try {
    await storage.put(key, prepared.body, { contentType: prepared.contentType });
  } catch (error) {
    throw prepared.clientFailure() ?? error;
  }
}

/**
 * The name a file is stored and served under: the client's (Vietnamese) name without path parts
 * and control characters, and with the extension of the type the bytes were found to be, so that
 * `poly.html` holding a PDF is served as `poly.pdf`.
 */
export function storedFileName(name: string, contentType: string): string {
  const extension = ALLOWED_TYPES.get(contentType) ?? 'bin';
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').normalize('NFC').trim().slice(0, 200);
  const dot = base.lastIndexOf('.');
  const current = dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
  if (current !== null && (KEPT_EXTENSIONS[contentType] ?? []).includes(current)) return base;
  const stem = (current !== null ? base.slice(0, dot) : base).trim();
  return `${stem || 'tep'}.${extension}`;
}

function isWholePdf(head: Buffer, tail: Buffer): boolean {
  return /^%PDF-\d\.\d/.test(head.subarray(0, 16).toString('latin1')) && tail.includes('%%EOF');
}

function incomplete(error: unknown): UploadIncompleteError {
  return new UploadIncompleteError(`The upload broke off before its end: ${error instanceof Error ? error.message : String(error)}`);
}

/** Passes everything through and keeps the last `size` bytes seen. */
class TailKeeper extends Transform {
  bytes = Buffer.alloc(0);

  constructor(private readonly size: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    const joined = Buffer.concat([this.bytes, chunk]);
    this.bytes = Buffer.from(joined.subarray(Math.max(0, joined.length - this.size)));
    callback(null, chunk);
  }
}

/** The first `n` bytes (fewer if the stream ends first); rejects when the stream failed or closed early, even before this was called. */
function readHead(stream: Readable, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (stream.errored) return reject(stream.errored);
    if (stream.destroyed) return reject(new Error('the upload stream was closed before its end'));
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
    const onClose = () => onError(stream.errored ?? new Error('the upload stream was closed before its end'));
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on('data', onData);
    stream.on('end', finish);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
