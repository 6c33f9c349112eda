import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, opendir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidObjectKey, assertValidObjectKeyPrefix } from './object-key';
import type {
  ListedObject,
  ObjectStat,
  ObjectStorage,
  PresignOptions,
  PutObjectMeta,
  PutObjectResult,
  StorageHealth,
} from './object-storage';
import { assertValidPutMeta, sizedChunks } from './put-body';
import { ObjectNotFoundError } from './storage-errors';
import { isMissing, PRIVATE_DIR, PRIVATE_FILE, readContentType, syncDirectory, toDiskStorageError, writeAll, writeFileDurably } from './disk-files';

/**
 * File-name suffixes. Keys may only contain `[A-Za-z0-9/_.-]`, so a name containing `~` can
 * never be a key segment: folders (named after key segments) and our files can never collide.
 * That is why the data file is not simply named after the key: the keys `a` and `a/b` can both
 * exist (as in S3), giving a file `a~obj` next to a folder `a`.
 */
const DATA_SUFFIX = '~obj';
const META_SUFFIX = '~meta.json';
const TEMP_INFIX = '.tmp-';
/** Name of the file `health` writes and deletes again. */
const PROBE_PREFIX = '.health-probe~';

const VALID_SEGMENT = /^[A-Za-z0-9_.-]+$/;

interface ObjectPaths {
  dir: string;
  data: string;
  meta: string;
}

/**
 * {@link ObjectStorage} in a folder on local disk (the service uses `DATA_DIR/files`), for
 * single-server installations without MinIO. Key `a/b/c` is stored as `<root>/a/b/c~obj` with
 * its content type in `<root>/a/b/c~meta.json`.
 *
 * Writes go to a temporary file in the same folder, are fsynced, then renamed over the target,
 * so a reader or a crash never sees a half-written object. Folders left empty by `remove` are
 * kept (removing them would race with a concurrent `put` into the same folder).
 */
export class DiskStorage implements ObjectStorage {
  readonly kind = 'disk' as const;
  /** Absolute root folder. */
  readonly root: string;
  /** Tail of the queue of renames per key, see {@link commit}. */
  private readonly commits = new Map<string, Promise<void>>();

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async put(key: string, body: Readable, meta: PutObjectMeta): Promise<PutObjectResult> {
    let paths: ObjectPaths;
    try {
      paths = this.pathsFor(key);
      assertValidPutMeta(meta);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const tempSuffix = `${TEMP_INFIX}${randomBytes(8).toString('hex')}`;
    const tempData = paths.data + tempSuffix;
    const tempMeta = paths.meta + tempSuffix;
    let file: FileHandle | undefined;
    let size = 0;
    try {
      await mkdir(paths.dir, { recursive: true, mode: PRIVATE_DIR });
      file = await open(tempData, 'wx', PRIVATE_FILE);
      for await (const chunk of sizedChunks(body, meta.size)) {
        await writeAll(file, chunk);
        size += chunk.length;
      }
      // Data on disk before the rename publishes it; otherwise a power cut could leave a renamed, empty file.
      await file.sync();
      await file.close();
      file = undefined;
      await writeFileDurably(tempMeta, JSON.stringify({ contentType: meta.contentType }));
      await this.commit(key, async () => {
        // Metadata first, data last: the data rename is the commit point, so a new object never
        // appears without its content type.
        await rename(tempMeta, paths.meta);
        await rename(tempData, paths.data);
      });
      await syncDirectory(paths.dir);
      return { key, size };
    } catch (error) {
      body.destroy();
      await file?.close().catch(() => undefined);
      await Promise.all([rm(tempData, { force: true }), rm(tempMeta, { force: true })]).catch(() => undefined);
      throw toDiskStorageError(error);
    }
  }

  async get(key: string): Promise<Readable> {
    const paths = this.pathsFor(key);
    let file: FileHandle;
    try {
      // Opening first turns "missing" into a rejection instead of a stream error, and pins the
      // current version: a concurrent overwrite renames a new file in, this handle keeps the old.
      file = await open(paths.data, 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw toDiskStorageError(error);
    }
    return file.createReadStream();
  }

  async stat(key: string): Promise<ObjectStat | null> {
    const paths = this.pathsFor(key);
    try {
      const { size } = await stat(paths.data);
      const contentType = await readContentType(paths.meta);
      return { size, ...(contentType !== undefined ? { contentType } : {}) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw toDiskStorageError(error);
    }
  }

  async remove(key: string): Promise<void> {
    const paths = this.pathsFor(key);
    try {
      // Data first: once it is gone the object is gone, even if removing the sidecar then fails.
      await rm(paths.data, { force: true });
      await rm(paths.meta, { force: true });
    } catch (error) {
      throw toDiskStorageError(error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidObjectKeyPrefix(prefix);
    // Start at the deepest folder the prefix fully names: "a/b/c" → walk "a/b", keep keys starting "a/b/c".
    const slash = prefix.lastIndexOf('/');
    yield* this.walk(slash === -1 ? '' : prefix.slice(0, slash), prefix);
  }

  async presignedGetUrl(key: string, _options: PresignOptions): Promise<string | null> {
    this.pathsFor(key);
    return null;
  }

  async ensureReady(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true, mode: PRIVATE_DIR });
    } catch (error) {
      throw toDiskStorageError(error);
    }
  }

  /**
   * Writes (with fsync) and deletes a small probe file in the root: `access(W_OK)` alone says yes
   * to root on a folder without write permission, and cannot see a full disk or an NFS export that
   * refuses the write. The name contains `~` and does not end in `~obj`: never taken for an object.
   */
  async health(): Promise<StorageHealth> {
    try {
      if (!(await stat(this.root)).isDirectory()) return { ok: false, detail: `${this.root} is not a folder` };
      await access(this.root, constants.R_OK | constants.W_OK);
      const probe = join(this.root, `${PROBE_PREFIX}${randomBytes(8).toString('hex')}`);
      try {
        await writeFileDurably(probe, 'ok');
      } finally {
        await rm(probe, { force: true });
      }
      return { ok: true, detail: `folder ${this.root} is writable` };
    } catch (error) {
      return { ok: false, detail: `folder ${this.root}: ${(error as { code?: string }).code ?? String(error)}` };
    }
  }

  /**
   * Runs the two renames publishing a version of `key` with no other put of the same key in
   * between; otherwise concurrent overwrites could pair one version's data with another's
   * content type. Only the renames are queued, not the uploads. Guards one process only: two
   * processes sharing the folder can still interleave (the disk backend is for single servers).
   */
  private async commit(key: string, renames: () => Promise<void>): Promise<void> {
    const current = (this.commits.get(key) ?? Promise.resolve()).then(renames);
    const tail = current.catch(() => undefined);
    this.commits.set(key, tail);
    try {
      await current;
    } finally {
      if (this.commits.get(key) === tail) this.commits.delete(key);
    }
  }

  /** Validates `key` and maps it under the root; the containment check is defence in depth behind the key rules. */
  private pathsFor(key: string): ObjectPaths {
    assertValidObjectKey(key);
    const segments = key.split('/');
    const name = segments.pop() as string;
    const dir = join(this.root, ...segments);
    const data = join(dir, name + DATA_SUFFIX);
    if (!data.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep)) throw new Error(`BUG: key "${key}" maps outside the storage folder`);
    return { dir, data, meta: join(dir, name + META_SUFFIX) };
  }

  private async *walk(folderKey: string, prefix: string): AsyncGenerator<ListedObject> {
    const folder = folderKey === '' ? this.root : join(this.root, ...folderKey.split('/'));
    let entries: AsyncIterable<{ name: string; isDirectory(): boolean; isFile(): boolean }>;
    try {
      entries = await opendir(folder);
    } catch (error) {
      if (isMissing(error)) return;
      throw toDiskStorageError(error);
    }
    for await (const entry of entries) {
      const childKey = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isDirectory()) {
        // Foreign folders (lost+found, …) cannot hold objects; others only if they can contain the prefix.
        const folderPrefix = `${childKey}/`;
        if (VALID_SEGMENT.test(entry.name) && (prefix.startsWith(folderPrefix) || folderPrefix.startsWith(prefix))) {
          yield* this.walk(childKey, prefix);
        }
      } else if (entry.isFile() && entry.name.endsWith(DATA_SUFFIX)) {
        const key = childKey.slice(0, -DATA_SUFFIX.length);
        if (!key.startsWith(prefix)) continue;
        try {
          const info = await stat(join(folder, entry.name));
          yield { key, size: info.size, lastModified: new Date(info.mtimeMs) };
        } catch (error) {
          if (!isMissing(error)) throw toDiskStorageError(error); // removed while listing: skip it
        }
      }
    }
  }
}
