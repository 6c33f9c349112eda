import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DiskStorage } from './disk-storage';
import { describeObjectStorageContract } from './testing/object-storage.contract';
import { chunkedStream, collect, failingStream, readAll } from './testing/streams';

let base: string;
let folderCounter = 0;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'motcua-disk-storage-'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
}

describeObjectStorageContract('DiskStorage', async () => new DiskStorage(join(base, `contract-${++folderCounter}`, 'files')), {
  canPresign: false,
});

describe('DiskStorage on disk', () => {
  let root: string;
  let storage: DiskStorage;

  beforeEach(async () => {
    root = join(base, `case-${++folderCounter}`);
    storage = new DiskStorage(root);
    await storage.ensureReady();
  });

  it('stores key a/b/c.pdf as a/b/c.pdf~obj with its content type in a sidecar', async () => {
    await storage.put('a/b/c.pdf', chunkedStream(Buffer.from('%PDF')), { contentType: 'application/pdf' });
    expect(await filesUnder(root)).toEqual(['a/b/c.pdf~meta.json', 'a/b/c.pdf~obj']);
    expect(await readFile(join(root, 'a/b/c.pdf~obj'), 'utf8')).toBe('%PDF');
    expect(JSON.parse(await readFile(join(root, 'a/b/c.pdf~meta.json'), 'utf8'))).toEqual({ contentType: 'application/pdf' });
  });

  it('a body failing mid-way leaves no file at all, not even a temporary one', async () => {
    const failure = new Error('connection reset by client');
    await expect(storage.put('dossier/1/scan.pdf', failingStream(randomBytes(2_000_000), 1_000_000, failure), { contentType: 'application/pdf' })).rejects.toBe(
      failure,
    );
    expect(await filesUnder(root)).toEqual([]);
  });

  it('concurrent overwrites of one key end with one complete version, its own content type, and no temporary files', async () => {
    for (let round = 0; round < 5; round++) {
      const versions = Array.from({ length: 8 }, (_, i) => ({ data: Buffer.alloc(20_000 + i, 65 + i), contentType: `application/x-version-${i}` }));
      await Promise.all(versions.map((v) => storage.put('race/key', chunkedStream(v.data, 8192), { contentType: v.contentType })));
      const stored = await readAll(await storage.get('race/key'));
      const winner = versions.findIndex((v) => v.data.equals(stored));
      expect(winner).toBeGreaterThanOrEqual(0);
      expect(await storage.stat('race/key')).toEqual({ size: stored.length, contentType: versions[winner].contentType });
    }
    expect(await filesUnder(root)).toEqual(['race/key~meta.json', 'race/key~obj']);
  });

  it('a reader keeps the version it opened while the object is overwritten', async () => {
    await storage.put('pinned', chunkedStream(Buffer.alloc(100_000, 'a')), { contentType: 'text/plain' });
    const reading = await storage.get('pinned');
    await storage.put('pinned', chunkedStream(Buffer.alloc(50, 'b')), { contentType: 'text/plain' });
    expect((await readAll(reading)).equals(Buffer.alloc(100_000, 'a'))).toBe(true);
  });

  it('list ignores temporary files, sidecars and foreign files or folders', async () => {
    await storage.put('docs/kept.txt', chunkedStream(Buffer.from('x')), { contentType: 'text/plain' });
    await writeFile(join(root, 'docs', 'half.txt~obj.tmp-0123456789abcdef'), 'partial');
    await writeFile(join(root, 'docs', 'README'), 'not an object');
    await mkdir(join(root, 'lost+found'));
    await writeFile(join(root, 'lost+found', 'x~obj'), 'foreign');
    expect((await collect(storage.list(''))).map((o) => o.key)).toEqual(['docs/kept.txt']);
  });

  it('health writes and deletes a real probe file: the folder is left exactly as it was', async () => {
    await storage.put('kept.txt', chunkedStream(Buffer.from('x')), { contentType: 'text/plain' });
    const before = await readdir(root);
    expect(await storage.health()).toEqual({ ok: true, detail: `folder ${root} is writable` });
    expect(await readdir(root)).toEqual(before);
  });

  it('a probe file left by a crash is never taken for an object', async () => {
    await writeFile(join(root, '.health-probe~0123456789abcdef'), 'ok');
    expect(await collect(storage.list(''))).toEqual([]);
  });

  it('health is not ok when the root is missing or is a file', async () => {
    const missing = new DiskStorage(join(base, 'never-created'));
    expect(await missing.health()).toMatchObject({ ok: false, detail: expect.stringContaining('ENOENT') });
    const file = join(base, `plain-file-${++folderCounter}`);
    await writeFile(file, '');
    expect(await new DiskStorage(file).health()).toMatchObject({ ok: false, detail: expect.stringContaining('not a folder') });
  });
});
