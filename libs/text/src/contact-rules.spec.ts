import { cleanEmail, cleanIdNumber, cleanPhone, emailProblem, idNumberKind, idNumberProblem, phoneProblem } from './contact-rules';

describe('contact rules (shared by the API and the web forms)', () => {
  it('cleans an ID typed with spaces or dots, and classifies it', () => {
    expect(cleanIdNumber(' 0123 4567 8901 ')).toBe('012345678901');
    expect(cleanIdNumber('c1234567')).toBe('C1234567');
    expect(idNumberKind('012345678901')).toBe('cccd');
    expect(idNumberKind('123456789')).toBe('cmnd');
    expect(idNumberKind('0101234567')).toBe('tax_code');
    expect(idNumberKind('0101234567-001')).toBe('tax_code');
    expect(idNumberKind('C1234567')).toBe('passport');
    expect(idNumberKind('X12AB34')).toBe('passport');
  });

  it('refuses what is no identity number', () => {
    for (const bad of ['ABCDEF', '12345', '1234567890123', 'A-B', '0123456789012', 'ABCDEFGHI']) expect([bad, idNumberProblem(bad)]).toEqual([bad, 'ID_PATTERN']);
    expect(idNumberProblem('')).toBe('ID_EMPTY');
  });

  it('accepts Vietnamese mobile and landline numbers, refuses the rest', () => {
    expect(cleanPhone('091 234 5678')).toBe('0912345678');
    expect(cleanPhone('+84 912 345 678')).toBe('0912345678');
    expect(cleanPhone('(0213) 387.6543')).toBe('02133876543');
    for (const ok of ['0912345678', '0387654321', '02133876543']) expect([ok, phoneProblem(ok)]).toEqual([ok, null]);
    for (const bad of ['000000', '0112345678', '091234567', '09123456789', '12345678901']) expect([bad, phoneProblem(bad)]).toEqual([bad, 'PHONE_PATTERN']);
  });

  it('accepts ordinary addresses, refuses a@b.c and malformed ones', () => {
    expect(cleanEmail('  huong.nguyen@example.vn ')).toBe('huong.nguyen@example.vn');
    for (const ok of ['huong.nguyen@example.vn', 'a+b@so-khcn.laichau.gov.vn']) expect([ok, emailProblem(ok)]).toEqual([ok, null]);
    for (const bad of ['a@b.c', 'a@b', 'a b@example.vn', '@example.vn', 'a@-x.vn', 'a@x..vn']) expect([bad, emailProblem(bad)]).toEqual([bad, 'EMAIL_PATTERN']);
  });
});
