import { assertHeaderSafeContentType, attachmentContentDisposition } from './http-headers';

/** The name a compliant browser takes from the header: filename* wins over filename. */
function decodedName(header: string): string {
  return decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1] ?? '');
}

describe('attachmentContentDisposition', () => {
  it('sends a Vietnamese name exactly in filename* and without diacritics in filename', () => {
    const header = attachmentContentDisposition('Quyết định cấp phép – Đợt 1.pdf');
    expect(header).toBe(
      `attachment; filename="Quyet dinh cap phep _ Dot 1.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20c%E1%BA%A5p%20ph%C3%A9p%20%E2%80%93%20%C4%90%E1%BB%A3t%201.pdf`,
    );
    expect(decodedName(header)).toBe('Quyết định cấp phép – Đợt 1.pdf');
  });

  it('normalises decomposed (NFD) input to NFC, so the saved name is the canonical spelling', () => {
    expect(decodedName(attachmentContentDisposition('Hồ sơ.pdf'.normalize('NFD')))).toBe('Hồ sơ.pdf'.normalize('NFC'));
  });

  it("percent-encodes the characters RFC 5987 excludes that encodeURIComponent keeps: ' ( ) *", () => {
    const header = attachmentContentDisposition("it's (v2)*.txt");
    expect(header).toContain("filename*=UTF-8''it%27s%20%28v2%29%2A.txt");
    expect(decodedName(header)).toBe("it's (v2)*.txt");
  });

  it('cannot be used to inject headers or paths: line breaks dropped, quotes and slashes replaced', () => {
    const header = attachmentContentDisposition('a"b\r\nSet-Cookie: x=1/../..\\c.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="a_bSet-Cookie: x=1_.._.._c\.pdf"; filename\*=UTF-8''[^\s"/\\]+$/);
  });

  it('falls back to "download" for a name with nothing left', () => {
    expect(attachmentContentDisposition('\n')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});

describe('assertHeaderSafeContentType', () => {
  it('accepts ordinary types with parameters', () => {
    expect(() => assertHeaderSafeContentType('text/plain; charset=utf-8')).not.toThrow();
  });

  it.each(['', '   ', 'văn bản', 'text/plain\r\nX-Evil: 1', 'x'.repeat(256)])('refuses %j', (value) => {
    expect(() => assertHeaderSafeContentType(value)).toThrow(TypeError);
  });
});
