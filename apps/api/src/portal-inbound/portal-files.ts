import { Readable } from 'node:stream';
import { ObjectTooLargeError } from '@motcua/storage';
import { AppError } from '../common/errors';
import { prepareUpload, storedFileName } from '../files/upload-stream';
import { PortalFieldError } from './portal-dossier.adapter';

export interface CheckedFile {
  field: string;
  componentKey: string;
  fileName: string;
  content: Buffer;
  contentType: string;
  extension: string;
  sha256: string;
}

/**
 * Runs a portal file through the same checks as a counter upload (upload-stream.ts: type from the
 * bytes, a whole PDF, the size limit, SHA-256), in memory and before anything is stored, so a bad
 * file refuses the whole record with its field named.
 */
export async function checkPortalFile(file: { field: string; componentKey: string; fileName: string; content: Buffer }, maxBytes: number): Promise<CheckedFile> {
  try {
    const prepared = await prepareUpload(Readable.from([file.content]), maxBytes);
    for await (const _chunk of prepared.body) {
      // Reading through the meter computes the hash and enforces the limit.
    }
    prepared.assertComplete();
    return { ...file, fileName: storedFileName(file.fileName, prepared.contentType), contentType: prepared.contentType, extension: prepared.extension, sha256: prepared.meter.sha256Hex };
  } catch (error) {
    if (error instanceof ObjectTooLargeError) throw new PortalFieldError(file.field, `is larger than the limit of ${maxBytes} bytes`);
    if (error instanceof AppError) throw new PortalFieldError(file.field, error.message);
    throw error;
  }
}
