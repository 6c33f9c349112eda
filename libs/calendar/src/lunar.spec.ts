import fc from 'fast-check';
import { civilFromEpochDay, epochDayFromCivil } from './civil-date';
import { leapMonthOf, lunarNewYear, lunarToSolar, lunarYearName, solarToLunar } from './lunar';

const iso = (d: { year: number; month: number; day: number }): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const civil = (s: string) => {
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
};

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  // Mùng 1 Tết as published in Vietnamese calendars. 1968, 1985 and 2007 are years where the Vietnamese
  // date differs from the Chinese one (computed at UTC+8).
  const TET: Array<[number, string]> = [
    [1968, '1968-01-29'],
    [1985, '1985-01-21'],
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2002, '2002-02-12'],
    [2003, '2003-02-01'],
    [2004, '2004-01-22'],
    [2005, '2005-02-09'],
    [2006, '2006-01-29'],
    [2007, '2007-02-17'],
    [2008, '2008-02-07'],
    [2009, '2009-01-26'],
    [2010, '2010-02-14'],
    [2011, '2011-02-03'],
    [2012, '2012-01-23'],
    [2013, '2013-02-10'],
    [2014, '2014-01-31'],
    [2015, '2015-02-19'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ];
  it.each(TET)('Tết %i is on %s', (year, date) => {
    expect(iso(lunarNewYear(year))).toBe(date);
    expect(solarToLunar(civil(date))).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('differs from the UTC+8 (Chinese) computation where it should', () => {
    expect(iso(lunarNewYear(1985, 8))).toBe('1985-02-20');
    expect(iso(lunarNewYear(2007, 8))).toBe('2007-02-18');
    expect(iso(lunarNewYear(1968, 8))).toBe('1968-01-30');
    expect(iso(lunarNewYear(2026, 8))).toBe('2026-02-17');
  });

  // Giỗ Tổ Hùng Vương (10/3 lunar) as observed; 2024–2027 from DOMAIN.md §5.2.
  it.each([
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ %i is on %s', (year, date) => {
    expect(iso(lunarToSolar({ year, month: 3, day: 10, leap: false }))).toBe(date);
    expect(solarToLunar(civil(date))).toEqual({ year, month: 3, day: 10, leap: false });
  });

  it.each([
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([2018, 2019, 2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeUndefined();
  });

  it('converts dates in and around leap months (2023: leap 2nd, 2025: leap 6th)', () => {
    expect(iso(lunarToSolar({ year: 2023, month: 2, day: 1, leap: false }))).toBe('2023-02-20');
    expect(iso(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }))).toBe('2023-03-22');
    expect(iso(lunarToSolar({ year: 2023, month: 3, day: 1, leap: false }))).toBe('2023-04-20');
    expect(solarToLunar(civil('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar(civil('2023-04-19'))).toEqual({ year: 2023, month: 2, day: 29, leap: true });

    expect(iso(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false }))).toBe('2025-06-25');
    expect(iso(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }))).toBe('2025-07-25');
    expect(solarToLunar(civil('2025-08-19'))).toEqual({ year: 2025, month: 6, day: 26, leap: true });
    // Vu Lan (15/7) 2025 and Trung Thu (15/8) 2024 as published.
    expect(iso(lunarToSolar({ year: 2025, month: 7, day: 15, leap: false }))).toBe('2025-09-06');
    expect(iso(lunarToSolar({ year: 2024, month: 8, day: 15, leap: false }))).toBe('2024-09-17');
  });

  it('places the last days of the lunar year in the right year (months 11–12)', () => {
    // CV 8662/VPCP-KGVX: Thu 08/02/2024 is 29 tháng Chạp Quý Mão; that year's Chạp had 30 days.
    expect(solarToLunar(civil('2024-02-08'))).toEqual({ year: 2023, month: 12, day: 29, leap: false });
    expect(solarToLunar(civil('2024-02-09'))).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    // DOMAIN.md §5.2: 29 tháng Chạp (no 30th) = Fri 05/02/2027.
    expect(solarToLunar(civil('2027-02-05'))).toEqual({ year: 2026, month: 12, day: 29, leap: false });
    expect(() => lunarToSolar({ year: 2026, month: 12, day: 30, leap: false })).toThrow(/only 29 days/);
    // The leap 6th month of 2025 (25/07–22/08/2025) has 29 days.
    expect(() => lunarToSolar({ year: 2025, month: 6, day: 30, leap: true })).toThrow('Lunar month 6 (nhuận)/2025 has only 29 days');
    expect(solarToLunar(civil('2025-12-31'))).toEqual({ year: 2025, month: 11, day: 12, leap: false });
    expect(iso(lunarToSolar({ year: 2025, month: 11, day: 12, leap: false }))).toBe('2025-12-31');
  });

  it('converts every day of 2000–2060 consistently: day by day, and back', () => {
    // Exhaustive over the years the system will use: each day is the next lunar day or day 1 after a
    // 29/30-day month, and converting back gives the same date. (The same check over all of 1800–2199
    // passes too; it takes ~8 s under Jest, so the full range is sampled below instead.)
    const first = epochDayFromCivil(2000, 1, 1);
    let previous = solarToLunar(civilFromEpochDay(first - 1));
    const problems: string[] = [];
    for (let d = first; d <= epochDayFromCivil(2060, 12, 31); d++) {
      const date = civilFromEpochDay(d);
      const lunar = solarToLunar(date);
      const continues =
        (lunar.day === previous.day + 1 && lunar.month === previous.month && lunar.year === previous.year && lunar.leap === previous.leap) ||
        (lunar.day === 1 && (previous.day === 29 || previous.day === 30));
      const back = lunarToSolar(lunar);
      if (!continues || back.year !== date.year || back.month !== date.month || back.day !== date.day) {
        problems.push(`${iso(date)} → ${JSON.stringify(lunar)}`);
      }
      previous = lunar;
    }
    expect(problems).toEqual([]);
  });

  it('round-trips days sampled over 1800–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDayFromCivil(1800, 1, 1), max: epochDayFromCivil(2199, 12, 31) }), (epochDay) => {
        const date = civilFromEpochDay(epochDay);
        const lunar = solarToLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunarToSolar(lunar)).toEqual(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the month start when the new moon is later than the mean one (fix over the original)', () => {
    // The original's single step back returned day 0 here.
    expect(solarToLunar(civil('2062-04-09'))).toEqual({ year: 2062, month: 2, day: 30, leap: false });
    expect(solarToLunar(civil('1877-04-13')).day).toBe(30);
    expect(solarToLunar(civil('2054-05-07')).day).toBe(30);
  });

  it('names years by Can Chi', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(2027)).toBe('Đinh Mùi');
    expect(lunarYearName(1984)).toBe('Giáp Tý');
  });

  it('rejects impossible input', () => {
    expect(() => lunarToSolar({ year: 2026, month: 3, day: 1, leap: true })).toThrow(/no leap month 3/);
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(/no leap month 5/);
    expect(() => lunarToSolar({ year: 2026, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2026, month: 1, day: 31, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2026, month: 1, day: 0, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2200, month: 1, day: 1, leap: false })).toThrow(/1799–2199/);
    expect(() => lunarToSolar({ year: 1798, month: 12, day: 1, leap: false })).toThrow(/1799–2199/);
    expect(() => solarToLunar({ year: 1799, month: 12, day: 31 })).toThrow(/1800–2199/);
    expect(() => solarToLunar({ year: 2026, month: 2, day: 29 })).toThrow(/Invalid Gregorian date/);
    expect(() => leapMonthOf(2026.5)).toThrow(RangeError);
  });
});
