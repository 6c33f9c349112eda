import { assertValidObjectKey, assertValidObjectKeyPrefix, isValidObjectKey, MAX_OBJECT_KEY_LENGTH } from './object-key';
import { InvalidObjectKeyError } from './storage-errors';

describe('object keys', () => {
  it.each(['a', 'dossiers/2025/000.00.12.H29-250101-0001/don-de-nghi.pdf', 'A_b-c.d/e', 'x'.repeat(200), `${'y'.repeat(200)}/`.repeat(2) + 'z'.repeat(110)])(
    'accepts %s',
    (key) => {
      expect(key.length).toBeLessThanOrEqual(MAX_OBJECT_KEY_LENGTH);
      expect(() => assertValidObjectKey(key)).not.toThrow();
      expect(isValidObjectKey(key)).toBe(true);
    },
  );

  it.each([
    ['', /empty/],
    ['/etc/passwd', /starts with "\/"/],
    ['a/../../etc', /contains "\.\."/],
    ['..', /contains "\.\."/],
    ['a..b', /contains "\.\."/],
    ['a//b', /empty segment/],
    ['a/', /ends with "\/"/],
    ['./a', /"\." segment/],
    ['a b', /only A-Z/],
    ['hồ-sơ', /only A-Z/],
    ['a\\b', /only A-Z/],
    ['a%2F..', /only A-Z/],
    ['x'.repeat(513), /longer than 512/],
    ['x'.repeat(201), /segment longer than 200/],
  ])('refuses %j (%s)', (key, reason) => {
    expect(() => assertValidObjectKey(key)).toThrow(InvalidObjectKeyError);
    expect(() => assertValidObjectKey(key)).toThrow(reason);
    expect(isValidObjectKey(key)).toBe(false);
  });

  it('quotes a long offending key shortened', () => {
    expect(() => assertValidObjectKey(`${'x'.repeat(600)}`)).toThrow(/"x{80}…"/);
  });

  it('list prefixes may be empty, end with "/" or stop mid-segment, but follow the same rules otherwise', () => {
    for (const prefix of ['', 'a', 'a/', 'a/b', 'dossiers/2025/00']) expect(() => assertValidObjectKeyPrefix(prefix)).not.toThrow();
    for (const prefix of ['/', '//', 'a//', '../', 'a/..', 'a b', '/a']) expect(() => assertValidObjectKeyPrefix(prefix)).toThrow(InvalidObjectKeyError);
  });
});
