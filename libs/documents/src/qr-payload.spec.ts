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
  it('is one https URL: the lookup link with the Art 26 fields as query, in a fixed order', () => {
    const url = qrPayload(DATA);
    expect(url).toBe(
      'https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/x?k=abc&l=vi&v=2&ma=000.00.12.H30-260212-0001&tthc=1.012345&cd=********8901' +
        '&giay=Gi%E1%BA%A5y+ti%E1%BA%BFp+nh%E1%BA%ADn+h%E1%BB%93+s%C6%A1+v%C3%A0+h%E1%BA%B9n+tr%E1%BA%A3+k%E1%BA%BFt+qu%E1%BA%A3' +
        '&ht=motcua+%E2%80%94+S%E1%BB%9F+KH%26CN+Lai+Ch%C3%A2u&t=2026-02-12T09%3A15%3A00%2B07%3A00&hen=2026-02-26T09%3A00%3A00%2B07%3A00',
    );
    expect(url).not.toMatch(/\s/);
  });

  it('keeps the lookup page route in the fragment, after the query', () => {
    const url = qrPayload({ ...DATA, lookupUrl: 'https://dichvucong.example.vn/#/tra-cuu/000.00.12.H30-260212-0001/s3cr3t' });
    expect(url.startsWith('https://dichvucong.example.vn/?v=2&ma=')).toBe(true);
    expect(url.endsWith('#/tra-cuu/000.00.12.H30-260212-0001/s3cr3t')).toBe(true);
  });

  it('leaves out the appointment when there is none, and the procedure code when there is no national one', () => {
    expect(qrPayload({ ...DATA, appointmentAt: undefined })).not.toContain('hen=');
    expect(qrPayload({ ...DATA, procedureCode: '' })).not.toContain('tthc=');
  });

  it('normalises to NFC and turns control characters into spaces', () => {
    const parsed = parseQrPayload(qrPayload({ ...DATA, paperName: 'Phie\u0302\u0301u\r\nyêu cầu', dossierCode: ' A\tB ' }));
    expect(parsed.paperName).toBe('Phiếu yêu cầu');
    expect(parsed.dossierCode).toBe('A B');
  });

  it('refuses an empty required field or a link that is not http(s)', () => {
    expect(() => qrPayload({ ...DATA, dossierCode: '  ' })).toThrow(/"ma" is empty/);
    expect(() => qrPayload({ ...DATA, lookupUrl: 'javascript:alert(1)' })).toThrow(/http/);
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
      version: '2',
      dossierCode: '000.00.12.H30-260212-0001',
      procedureCode: '1.012345',
      applicantId: '********8901',
      paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      issuingSystem: ISSUING_SYSTEM,
      issuedAt: '2026-02-12T09:15:00+07:00',
      appointmentAt: '2026-02-26T09:00:00+07:00',
      lookupUrl: 'https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/x?k=abc&l=vi',
      url: qrPayload(DATA),
    });
  });

  it('ignores unknown keys (later v2 additions)', () => {
    const parsed = parseQrPayload(`${qrPayload(DATA)}&hl=2027-01-01T00%3A00%3A00%2B07%3A00`);
    expect(parsed.dossierCode).toBe(DATA.dossierCode);
    expect(parsed).not.toHaveProperty('hl');
  });

  it('omits appointmentAt when the paper has none', () => {
    expect(parseQrPayload(qrPayload({ ...DATA, appointmentAt: undefined }))).not.toHaveProperty('appointmentAt');
  });

  it.each([
    ['another version', (t: string) => t.replace('v=2', 'v=1'), /unsupported version 1/],
    ['no version', (t: string) => t.replace('&v=2', ''), /unsupported version \(none\)/],
    ['a missing field', (t: string) => t.replace(/&cd=[^&]*/, ''), /missing "cd"/],
    ['a duplicate key', (t: string) => `${t}&ma=X`, /duplicate key "ma"/],
    ['a bad time', (t: string) => t.replace(/&hen=[^&]*/, '&hen=26%2F02%2F2026'), /"hen" is not an ISO 8601/],
    ['not a URL', () => 'v=2\nma=X', /not a URL/],
  ])('rejects %s', (_name, mutate, message) => {
    expect(() => parseQrPayload(mutate(qrPayload(DATA)))).toThrow(InvalidQrPayloadError);
    expect(() => parseQrPayload(mutate(qrPayload(DATA)))).toThrow(message);
  });

  it('rejects a link that is not a payload at all', () => {
    expect(() => parseQrPayload('https://example.com/')).toThrow(InvalidQrPayloadError);
  });
});
