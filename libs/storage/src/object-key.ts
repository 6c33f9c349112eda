import { InvalidObjectKeyError } from './storage-errors';

/** Longest accepted key, in characters (all ASCII, so also bytes). */
export const MAX_OBJECT_KEY_LENGTH = 512;

/**
 * Longest accepted segment between two `/`. Not an S3 rule: the disk backend turns each segment
 * into a file or folder name, and file systems stop at 255 bytes, minus room for its suffixes.
 * Enforced for every backend so a key accepted by one is accepted by all.
 */
export const MAX_OBJECT_KEY_SEGMENT_LENGTH = 200;

const KEY_CHARACTERS = /^[A-Za-z0-9/_.-]*$/;

/**
 * Throws {@link InvalidObjectKeyError} unless `key` is a safe object key: 1–512 characters from
 * `[A-Za-z0-9/_.-]`, no leading `/`, no `..` anywhere, and non-empty segments other than `.`.
 * The segment rules go beyond the minimum because `a//b`, `a/./b` and `a/` would name the same
 * file as `a/b` or a folder on disk, so two different keys could silently share one object.
 */
export function assertValidObjectKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError(String(key), 'empty');
  if (key.endsWith('/') && key.length > 1) throw new InvalidObjectKeyError(key, 'ends with "/"');
  assertValidKeyText(key);
}

/**
 * Like {@link assertValidObjectKey} for a `list` prefix: the empty prefix (everything) and a
 * trailing `/` are allowed, and the prefix need not end on a segment boundary (`a/b` matches `a/bc`).
 */
export function assertValidObjectKeyPrefix(prefix: string): void {
  if (typeof prefix !== 'string') throw new InvalidObjectKeyError(String(prefix), 'not a string');
  if (prefix === '') return;
  assertValidKeyText(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}

/** True when {@link assertValidObjectKey} would accept `key`. */
export function isValidObjectKey(key: string): boolean {
  try {
    assertValidObjectKey(key);
    return true;
  } catch {
    return false;
  }
}

function assertValidKeyText(key: string): void {
  if (key.length > MAX_OBJECT_KEY_LENGTH) throw new InvalidObjectKeyError(key, `longer than ${MAX_OBJECT_KEY_LENGTH} characters`);
  if (!KEY_CHARACTERS.test(key)) throw new InvalidObjectKeyError(key, 'only A-Z a-z 0-9 / _ . - are allowed');
  if (key.startsWith('/')) throw new InvalidObjectKeyError(key, 'starts with "/"');
  if (key.includes('..')) throw new InvalidObjectKeyError(key, 'contains ".."');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidObjectKeyError(key, 'has an empty segment ("//")');
    if (segment === '.') throw new InvalidObjectKeyError(key, 'has a "." segment');
    if (segment.length > MAX_OBJECT_KEY_SEGMENT_LENGTH) {
      throw new InvalidObjectKeyError(key, `has a segment longer than ${MAX_OBJECT_KEY_SEGMENT_LENGTH} characters`);
    }
  }
}
