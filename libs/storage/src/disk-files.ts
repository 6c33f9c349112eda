/** File-system helpers of DiskStorage: durable writes and error classification. */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { StorageUnavailableError } from './storage-errors';

/** File-system errors that mean "this storage cannot work right now", not "your request is wrong". */
const UNAVAILABLE_FS_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE', 'EBUSY']);

/** Writes the whole chunk; one `write` may write less than asked. */
export async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, offset);
    offset += bytesWritten;
  }
}

/** Stored files are citizens' documents: readable by the service account only (whatever its umask). */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates `path` (failing if it exists) with `content`, flushed to disk. */
export async function writeFileDurably(path: string, content: string): Promise<void> {
  const file = await open(path, 'wx', PRIVATE_FILE);
  try {
    await writeAll(file, Buffer.from(content));
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes the renames themselves durable. Best effort: not every platform can fsync a folder. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open folders; the data itself is already synced.
  }
}

/** The stored content type; `undefined` if the sidecar is missing or unreadable (an object is still an object). */
export async function readContentType(metaPath: string): Promise<string | undefined> {
  try {
    const parsed = JSON.parse(await readFile(metaPath, 'utf8')) as { contentType?: unknown };
    return typeof parsed.contentType === 'string' ? parsed.contentType : undefined;
  } catch {
    return undefined;
  }
}

/** The path (or one of its folders) does not exist. */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Disk full, read-only, I/O or permission errors → StorageUnavailableError; others unchanged. */
export function toDiskStorageError(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code !== undefined && UNAVAILABLE_FS_CODES.has(code)) {
    return new StorageUnavailableError(`Local file storage failed: ${(error as Error).message}`, { cause: error });
  }
  return error;
}
