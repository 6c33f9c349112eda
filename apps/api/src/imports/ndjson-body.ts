import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../common/errors';

/** Largest NDJSON import accepted (deploy/Caddyfile lets the same through). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** Longest line: a dossier is a few hundred bytes; a longer line is reported, not buffered. */
export const IMPORT_MAX_LINE_BYTES = 64 * 1024;

export class ImportTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/**
 * Historical imports (application/x-ndjson) reach the handler as the request stream itself, not
 * as a string: the import reads it line by line, so memory does not grow with the file (issue #14, D9).
 */
export function registerNdjsonStream(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-ndjson', (_request, payload, done) => done(null, payload));
}

export interface NdjsonLine {
  /** 1-based. */
  number: number;
  /** The line's text, or null when it was longer than the limit (its bytes were skipped, not kept). */
  text: string | null;
}

/**
 * The lines of a stream, each at most `maxLineBytes` (longer ones come as `text: null`), the whole
 * at most `maxBytes` (more → ImportTooLargeError). Holds one line at a time.
 */
export async function* ndjsonLines(source: Readable, maxBytes = IMPORT_MAX_BYTES, maxLineBytes = IMPORT_MAX_LINE_BYTES): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  let number = 0;
  let total = 0;
  const take = (): NdjsonLine => {
    number += 1;
    const line: NdjsonLine = { number, text: overlong ? null : Buffer.concat(pending, pendingBytes).toString('utf8').replace(/\r$/, '') };
    pending = [];
    pendingBytes = 0;
    overlong = false;
    return line;
  };
  for await (const chunk of source as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      source.destroy();
      throw new ImportTooLargeError(`The import is larger than ${maxBytes} bytes; split it into several files`, { maxBytes });
    }
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; start = end + 1, end = chunk.indexOf(10, start)) {
      keep(chunk.subarray(start, end));
      yield take();
    }
    keep(chunk.subarray(start));
  }
  if (pendingBytes > 0 || overlong) yield take();

  function keep(part: Buffer): void {
    if (overlong || part.length === 0) return;
    if (pendingBytes + part.length > maxLineBytes) {
      overlong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}
