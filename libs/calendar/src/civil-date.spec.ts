import fc from 'fast-check';
import {
  civilFromEpochDay,
  daysInMonth,
  epochDayFromCivil,
  formatIsoDay,
  formatVietnameseDay,
  isValidCivilDate,
  parseIsoDay,
  tryParseIsoDay,
  weekdayOf,
} from './civil-date';

describe('civil-date', () => {
  it('maps known dates to epoch days and back', () => {
    expect(epochDayFromCivil(1970, 1, 1)).toBe(0);
    expect(epochDayFromCivil(1969, 12, 31)).toBe(-1);
    expect(epochDayFromCivil(2000, 3, 1)).toBe(11_017);
    expect(civilFromEpochDay(11_017)).toEqual({ year: 2000, month: 3, day: 1 });
    expect(formatIsoDay(epochDayFromCivil(2026, 2, 17))).toBe('2026-02-17');
  });

  it('agrees with Date.UTC for any day between 1800 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000, max: 84_000 }), (epochDay) => {
        const d = new Date(epochDay * 86_400_000);
        expect(civilFromEpochDay(epochDay)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(weekdayOf(epochDay)).toBe(d.getUTCDay());
        expect(parseIsoDay(formatIsoDay(epochDay))).toBe(epochDay);
      }),
    );
  });

  it('knows month lengths, including leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-1-1'],
    ['26-01-01'],
    ['2026-01-01T00:00'],
    [''],
    [20260101],
    [null],
  ])('rejects %p', (value) => {
    expect(tryParseIsoDay(value)).toBeUndefined();
    expect(() => parseIsoDay(value)).toThrow(RangeError);
  });

  it('validates civil dates', () => {
    expect(isValidCivilDate(2024, 2, 29)).toBe(true);
    expect(isValidCivilDate(2025, 2, 29)).toBe(false);
    expect(isValidCivilDate(2025, 1.5, 1)).toBe(false);
  });

  it('formats the Vietnamese way', () => {
    expect(formatVietnameseDay(epochDayFromCivil(2026, 1, 2))).toBe('02/01/2026');
  });
});
