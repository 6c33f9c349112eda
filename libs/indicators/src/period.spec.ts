import { customPeriod, localDay, monthPeriod, periodToDate, quarterPeriod, yearPeriod } from './period';

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

  it('periodToDate cuts an unfinished period at now', () => {
    const q = quarterPeriod(2025, 1);
    const now = new Date('2025-02-10T03:00:00Z');
    expect(periodToDate(q, now).to.toISOString()).toBe('2025-02-10T03:00:00.000Z');
    expect(periodToDate(q, new Date('2026-01-01T00:00:00Z'))).toBe(q);
    expect(() => periodToDate(q, new Date('2024-12-31T16:59:59Z'))).toThrow(RangeError);
  });

  it('localDay', () => {
    expect(localDay(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(localDay(new Date('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
  });
});
