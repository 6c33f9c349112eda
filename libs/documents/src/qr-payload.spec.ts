import { InvalidQrPayloadError, ISSUING_SYSTEM, maskIdentifier, parseQrPayload, qrPayload, type QrData } from './qr-payload';

const DATA: QrData = {
  dossierCode: '000.00.12.H30-260212-0001',
  procedureCode: '1.012345',
  applicantId: '012345678901',
  paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  issuedAt: new Date('2026-02-12T02:15:00Z'),
  appointmentAt: new Date('2026-02-26T02:00:00Z'),
  lookupUrl: 'https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/x?k=abc&l=vi',
};

describe('qrPayload', () => {
  it('writes the documented key=value lines in a fixed order', () => {
    expect(qrPayload(DATA)).toBe(
      [
        'v=1',
        'ma=000.00.12.H30-260212-0001',
        'tthc=1.012345',
        'cd=********8901',
        'giay=Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
        'ht=motcua — Sở KH&CN Lai Châu',
        't=2026-02-12T09:15:00+07:00',
        'hen=2026-02-26T09:00:00+07:00',
        'url=https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/x?k=abc&l=vi',
      ].join('\n'),
    );
  });

  it('leaves out the appointment when there is none', () => {
    expect(qrPayload({ ...DATA, appointmentAt: undefined })).not.toContain('hen=');
  });

  it('keeps one value per line and normalises to NFC', () => {
    const text = qrPayload({ ...DATA, paperName: 'Phie\u0302\u0301u\r\nyêu cầu', dossierCode: ' A\tB ' });
    expect(text).toContain('\ngiay=Phiếu yêu cầu\n');
    expect(text).toContain('\nma=A B\n');
  });

  it('refuses an empty required field', () => {
    expect(() => qrPayload({ ...DATA, dossierCode: '  ' })).toThrow(/"ma" is empty/);
  });
});

describe('maskIdentifier', () => {
  it('shows only the last four characters and keeps the length', () => {
    expect(maskIdentifier('012345678901')).toBe('********8901');
    expect(maskIdentifier('0101234567')).toBe('******4567');
    expect(maskIdentifier('0123 4567 8901')).toBe('********8901');
    expect(maskIdentifier('1234')).toBe('****');
  });
});

describe('parseQrPayload', () => {
  it('returns the fields written by qrPayload', () => {
    expect(parseQrPayload(qrPayload(DATA))).toEqual({
      version: '1',
      dossierCode: '000.00.12.H30-260212-0001',
      procedureCode: '1.012345',
      applicantId: '********8901',
      paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      issuingSystem: ISSUING_SYSTEM,
      issuedAt: '2026-02-12T09:15:00+07:00',
      appointmentAt: '2026-02-26T09:00:00+07:00',
      lookupUrl: 'https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/x?k=abc&l=vi',
    });
  });

  it('accepts CRLF and ignores unknown keys (later v1 additions)', () => {
    const parsed = parseQrPayload(`${qrPayload(DATA).replace(/\n/g, '\r\n')}\r\nhl=2027-01-01T00:00:00+07:00`);
    expect(parsed.dossierCode).toBe(DATA.dossierCode);
    expect(parsed).not.toHaveProperty('hl');
  });

  it('omits appointmentAt when the paper has none', () => {
    expect(parseQrPayload(qrPayload({ ...DATA, appointmentAt: undefined }))).not.toHaveProperty('appointmentAt');
  });

  it.each([
    ['another version', (t: string) => t.replace('v=1', 'v=2'), /unsupported version 2/],
    ['no version', (t: string) => t.replace('v=1\n', ''), /unsupported version \(none\)/],
    ['a missing field', (t: string) => t.replace(/\ntthc=[^\n]*/, ''), /missing "tthc"/],
    ['a duplicate key', (t: string) => `${t}\nma=X`, /duplicate key "ma"/],
    ['a bad time', (t: string) => t.replace(/\nhen=[^\n]*/, '\nhen=26/02/2026'), /"hen" is not an ISO 8601/],
    ['a line without "="', (t: string) => `${t}\nhello`, /line without key=value/],
  ])('rejects %s', (_name, mutate, message) => {
    expect(() => parseQrPayload(mutate(qrPayload(DATA)))).toThrow(InvalidQrPayloadError);
    expect(() => parseQrPayload(mutate(qrPayload(DATA)))).toThrow(message);
  });

  it('rejects text that is not a payload at all', () => {
    expect(() => parseQrPayload('https://example.com/')).toThrow(InvalidQrPayloadError);
  });
});
