import { customPeriod, halfYearPeriod, judgePeriod, localDay, monthPeriod, quarterPeriod, statisticalPeriod, yearPeriod } from './period';

describe('periods in Asia/Ho_Chi_Minh (UTC+7)', () => {
  it('month: [00:00 local on the 1st, 00:00 local on the 1st of the next month)', () => {
    const p = monthPeriod(2025, 3);
    expect(p.from.toISOString()).toBe('2025-02-28T17:00:00.000Z');
    expect(p.to.toISOString()).toBe('2025-03-31T17:00:00.000Z');
    expect([p.label, p.labelVi]).toEqual(['2025-03', 'Tháng 3/2025']);
    expect(monthPeriod(2025, 12).to.toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('quarter and year', () => {
    const q = quarterPeriod(2025, 4);
    expect([q.from.toISOString(), q.to.toISOString(), q.labelVi]).toEqual(['2025-09-30T17:00:00.000Z', '2025-12-31T17:00:00.000Z', 'Quý IV/2025']);
    const y = yearPeriod(2024);
    expect([y.from.toISOString(), y.to.toISOString(), y.label]).toEqual(['2023-12-31T17:00:00.000Z', '2024-12-31T17:00:00.000Z', '2024']);
  });

  it('custom: both days included', () => {
    const p = customPeriod('2025-03-01', '2025-03-15');
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual(['2025-02-28T17:00:00.000Z', '2025-03-15T17:00:00.000Z']);
    expect(p.labelVi).toBe('Từ 01/03/2025 đến 15/03/2025');
    expect(customPeriod('2024-02-29', '2024-02-29').to.toISOString()).toBe('2024-02-29T17:00:00.000Z');
  });

  it('rejects invalid input', () => {
    expect(() => monthPeriod(2025, 13)).toThrow(RangeError);
    expect(() => monthPeriod(2025, 0)).toThrow(RangeError);
    expect(() => quarterPeriod(2025, 5)).toThrow(RangeError);
    expect(() => yearPeriod(2025.5)).toThrow(RangeError);
    expect(() => customPeriod('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => customPeriod('2025-03-02', '2025-03-01')).toThrow(RangeError);
    expect(() => customPeriod('1/3/2025', '2025-03-01')).toThrow(RangeError);
  });

  it('judgePeriod: a running period is judged as of now and is provisional; an ended one at its end', () => {
    const q = quarterPeriod(2025, 1);
    const now = new Date('2025-02-10T03:00:00Z');
    expect(judgePeriod(q, now)).toMatchObject({ to: new Date(now.getTime() + 1), endsAt: q.to, provisional: true, asOf: now });
    // A millisecond before its end, nothing is left to happen: judged at its end.
    expect(judgePeriod(q, new Date(q.to.getTime() - 1))).toMatchObject({ to: q.to, provisional: false });
    const later = new Date('2026-01-01T00:00:00Z');
    expect(judgePeriod(q, later)).toMatchObject({ from: q.from, to: q.to, endsAt: q.to, provisional: false, asOf: later });
    // Judging a judged period again keeps its own end.
    expect(judgePeriod(judgePeriod(q, now), later).to).toEqual(q.to);
    expect(() => judgePeriod(q, new Date('2024-12-31T16:59:59Z'))).toThrow(RangeError);
  });

  it('half years', () => {
    expect(halfYearPeriod(2025, 1)).toMatchObject({ label: '2025-H1', labelVi: '6 tháng đầu năm 2025', from: monthPeriod(2025, 1).from, to: monthPeriod(2025, 7).from });
    expect(halfYearPeriod(2025, 2)).toMatchObject({ from: monthPeriod(2025, 7).from, to: yearPeriod(2026).from });
    expect(() => halfYearPeriod(2025, 3)).toThrow(RangeError);
  });

  it('statistical periods run from the cut-off day of the month before to the day before it (15th → 14th by default)', () => {
    const day = (d: Date) => localDay(d);
    const m = statisticalPeriod(monthPeriod(2026, 12), 15);
    expect([day(m.from), day(new Date(m.to.getTime() - 1))]).toEqual(['2026-11-15', '2026-12-14']);
    expect(m.labelVi).toBe('Tháng 12/2026 (kỳ thống kê từ 15/11/2026 đến 14/12/2026)');
    const jan = statisticalPeriod(monthPeriod(2026, 1), 15);
    expect([day(jan.from), day(new Date(jan.to.getTime() - 1))]).toEqual(['2025-12-15', '2026-01-14']);
    const q1 = statisticalPeriod(quarterPeriod(2026, 1), 15);
    expect([day(q1.from), day(new Date(q1.to.getTime() - 1))]).toEqual(['2025-12-15', '2026-03-14']);
    const h2 = statisticalPeriod(halfYearPeriod(2026, 2), 15);
    expect([day(h2.from), day(new Date(h2.to.getTime() - 1))]).toEqual(['2026-06-15', '2026-12-14']);
    const y = statisticalPeriod(yearPeriod(2026), 15);
    expect([day(y.from), day(new Date(y.to.getTime() - 1))]).toEqual(['2025-12-15', '2026-12-14']);
    expect(() => statisticalPeriod(customPeriod('2026-01-01', '2026-01-31'), 15)).toThrow(RangeError);
    expect(() => statisticalPeriod(monthPeriod(2026, 1), 31)).toThrow(RangeError);
  });

  it('localDay', () => {
    expect(localDay(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(localDay(new Date('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
  });
});
