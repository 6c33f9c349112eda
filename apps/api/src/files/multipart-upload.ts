import type { Readable } from 'node:stream';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, BadInputError } from '../common/errors';

/** Room for the multipart envelope and the few small text fields that come with the file. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Limits handed to @fastify/multipart (the file size is added from MAX_UPLOAD_BYTES). They only
 * cap memory for parts after the file, which are never read: what an upload may contain is
 * decided by {@link readUpload}, which answers at the first part out of place. (When busboy's own
 * limits are what stops a request before the handler has its file, the request is left without
 * an answer: issue #14, D14.)
 */
export const MULTIPART_LIMITS = { files: 2, fields: 8, parts: 16, fieldSize: 1024, headerPairs: 100 };

export class UploadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

export class MalformedUploadError extends AppError {
  readonly status = 400;
  readonly code = 'MALFORMED_MULTIPART';
}

export interface IncomingUpload {
  fields: Record<string, string>;
  stream: Readable;
  fileName: string;
}

/**
 * The one file of a multipart upload (field `file`), after the text fields named in `fields`,
 * which must come first. Answers at once, before reading the body, when the declared length is
 * over the limit; and at the first part that does not belong, instead of reading on.
 */
export async function readUpload(req: FastifyRequest, options: { maxFileBytes: number; fields: readonly string[] }): Promise<IncomingUpload> {
  const expected = options.fields.length ? `the fields ${options.fields.map((f) => `"${f}"`).join(', ')} then "file"` : 'the file in the field "file"';
  if (!req.isMultipart()) throw new BadInputError(`Send multipart/form-data with ${expected}`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxFileBytes + ENVELOPE_BYTES) {
    throw new UploadTooLargeError(`The upload is larger than the limit of ${options.maxFileBytes} bytes`, { maxBytes: options.maxFileBytes });
  }
  const fields: Record<string, string> = {};
  let parts: AsyncIterableIterator<MultipartFile | MultipartValue>;
  try {
    parts = req.parts();
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new BadInputError(`Unexpected file field "${part.fieldname}": send ${expected}`);
        }
        return { fields, stream: part.file, fileName: part.filename };
      }
      if (!options.fields.includes(part.fieldname) || part.fieldname in fields) {
        throw new BadInputError(`Unexpected field "${part.fieldname}": send ${expected}`);
      }
      if (part.valueTruncated || typeof part.value !== 'string') throw new BadInputError(`The field "${part.fieldname}" is too long or not text`);
      fields[part.fieldname] = part.value;
    }
  } catch (error) {
    throw asClientError(error);
  }
  throw new BadInputError(`No file in the request: send ${expected}`);
}

/** Errors of the multipart parser are the client's: a body cut short, no boundary, a malformed part header. */
function asClientError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new MalformedUploadError(`The multipart body is malformed: ${error instanceof Error ? error.message : String(error)}`);
}
