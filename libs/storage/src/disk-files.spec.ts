import { toDiskStorageError } from './disk-files';
import { StorageUnavailableError } from './storage-errors';

describe('toDiskStorageError', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES'])('%s (the disk cannot serve) → StorageUnavailableError with the cause', (code) => {
    const original = Object.assign(new Error(`${code}: failed`), { code });
    const mapped = toDiskStorageError(original);
    expect(mapped).toBeInstanceOf(StorageUnavailableError);
    expect((mapped as Error).cause).toBe(original);
  });

  it('other errors (a missing file, a body error) pass unchanged', () => {
    const missing = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const hangUp = new Error('client hung up');
    expect(toDiskStorageError(missing)).toBe(missing);
    expect(toDiskStorageError(hangUp)).toBe(hangUp);
  });
});
