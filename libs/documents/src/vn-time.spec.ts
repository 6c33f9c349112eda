import { formatVnDate, formatVnDateTime, formatVnLongDate, formatVnLongDateTime, toVnIso, vnWallClock } from './vn-time';

describe('Vietnamese civil time (fixed UTC+7)', () => {
  const appointment = new Date('2026-02-26T02:00:00Z');

  it('prints the forms’ phrasing and the numeric forms', () => {
    expect(formatVnLongDateTime(appointment)).toBe('09 giờ 00 phút, ngày 26 tháng 02 năm 2026');
    expect(formatVnLongDate(appointment)).toBe('ngày 26 tháng 02 năm 2026');
    expect(formatVnDateTime(appointment)).toBe('26/02/2026 09:00');
    expect(formatVnDate(appointment)).toBe('26/02/2026');
    expect(toVnIso(appointment)).toBe('2026-02-26T09:00:00+07:00');
  });

  it('rolls the date over at 17:00 UTC, including month and year ends', () => {
    expect(formatVnDateTime(new Date('2026-02-25T16:59:00Z'))).toBe('25/02/2026 23:59');
    expect(formatVnDateTime(new Date('2026-02-25T17:00:00Z'))).toBe('26/02/2026 00:00');
    expect(formatVnDateTime(new Date('2026-02-28T17:30:00Z'))).toBe('01/03/2026 00:30');
    expect(toVnIso(new Date('2026-12-31T17:00:05Z'))).toBe('2027-01-01T00:00:05+07:00');
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    const seen = new Set<string>();
    try {
      // Node re-reads TZ when it is assigned; these straddle the date line and have DST.
      for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London']) {
        process.env.TZ = zone;
        seen.add(`${formatVnLongDateTime(appointment)} | ${toVnIso(new Date('2026-07-01T20:30:00Z'))}`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect([...seen]).toEqual(['09 giờ 00 phút, ngày 26 tháng 02 năm 2026 | 2026-07-02T03:30:00+07:00']);
  });

  it('exposes the wall clock and rejects an Invalid Date', () => {
    expect(vnWallClock(new Date('2026-02-12T02:15:07Z'))).toEqual({ year: 2026, month: 2, day: 12, hour: 9, minute: 15, second: 7 });
    expect(() => formatVnDate(new Date('nope'))).toThrow(RangeError);
  });
});
