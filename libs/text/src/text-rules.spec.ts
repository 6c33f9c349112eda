import { foldForSearch, forbiddenCharacter, jsonDepthExceeds, nameProblem, normaliseName, normaliseText } from './index';

describe('forbiddenCharacter', () => {
  it.each([
    ['a\u0000b', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['x\u001b[31m', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
  ])('finds %j', (value, found) => expect(forbiddenCharacter(value)).toBe(found));

  it('lets ordinary and multi-line text through', () => {
    for (const value of ['', 'Nguyễn Văn Ánh', 'Dòng 1\nDòng 2\r\n\tthụt lề', '₫ ½ 😀', '\u202e reversed']) expect(forbiddenCharacter(value)).toBeNull();
  });
});

describe('normaliseText and normaliseName', () => {
  it('composes NFD into NFC', () => {
    const nfd = 'Phạm Thị Hường'.normalize('NFD');
    expect(nfd).not.toBe('Phạm Thị Hường');
    expect(normaliseText(nfd)).toBe('Phạm Thị Hường');
  });

  it('trims and collapses white space in names, Unicode spaces included', () => {
    expect(normaliseName('\u00a0 Lò   Văn\tƯởng \u3000')).toBe('Lò Văn Ưởng');
  });
});

describe('nameProblem', () => {
  it.each(['', ' ', '\u200b', '\u202e\u202d', '...', '—'])('refuses %j (nothing to read)', (value) => expect(nameProblem(normaliseName(value))).not.toBeNull());

  it.each(['Nguyễn\u202eVăn', 'Lò\u200bVăn', 'A\nB', 'soft\u00adhyphen'])('refuses %j (invisible or control characters)', (value) => {
    expect(nameProblem(value)).toMatch(/U\+/);
  });

  it.each(['Nguyễn Thị Thu Hằng', 'Công ty TNHH 1 thành viên', 'Ư', '7'])('accepts %j', (value) => expect(nameProblem(value)).toBeNull());
});

describe('foldForSearch', () => {
  it('makes case, diacritics, đ and the typed form irrelevant', () => {
    const target = 'nguyen thi thu hang';
    for (const value of ['Nguyễn Thị Thu Hằng', 'Nguyễn Thị Thu Hằng'.normalize('NFD'), 'NGUYỄN THỊ THU HẰNG', '  nguyen   thi thu hang ']) {
      expect(foldForSearch(value)).toBe(target);
    }
    expect(foldForSearch('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('keeps different names apart', () => {
    expect(foldForSearch('Hà')).not.toBe(foldForSearch('Hằng'));
  });
});

describe('jsonDepthExceeds', () => {
  const nest = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('counts containers, not scalars', () => {
    expect(jsonDepthExceeds('x', 0)).toBe(false);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds({}, 1)).toBe(false);
    expect(jsonDepthExceeds(nest(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nest(33), 32)).toBe(true);
  });

  it('walks a value far deeper than the stack would allow without overflowing', () => {
    expect(jsonDepthExceeds(nest(200_000), 32)).toBe(true);
    expect(jsonDepthExceeds({ wide: Array.from({ length: 10_000 }, (_, i) => ({ i })) }, 3)).toBe(false);
  });
});
