import { checkIdNumber, cleanIdNumber } from './index';

describe('checkIdNumber', () => {
  it.each([
    ['001099012345', 'cccd', '001099012345'],
    ['035 201 000 123', 'cccd', '035201000123'],
    ['096.300.123.456', 'cccd', '096300123456'],
    ['123456789', 'cmnd', '123456789'],
    ['b1234567', 'passport', 'B1234567'],
    ['0101234567', 'tax_code', '0101234567'],
    ['0101234567-001', 'tax_code', '0101234567-001'],
  ])('accepts %j as %s', (raw, kind, value) => expect(checkIdNumber(raw)).toEqual({ ok: true, kind, value }));

  it.each(['', '   ', '000123456789', '097123456789', '12345678', '1234567890123', 'AB123456', '01234-56789', '0101234567-1', 'Ａ1234567', '0012345678901'])(
    'refuses %j with a reason',
    (raw) => {
      const result = checkIdNumber(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.length).toBeGreaterThan(5);
    },
  );

  it('cleans only spaces and dots, never other characters', () => {
    expect(cleanIdNumber(' 0a1.2 3 ')).toBe('0A123');
    expect(cleanIdNumber('01-2')).toBe('01-2');
  });
});
