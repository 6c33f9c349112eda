/**
 * The statutory holiday rule, used for years that have no official schedule file.
 *
 * Labour Code 2019 (45/2019/QH14) Art 112(1) grants 11 paid holidays: Tết Dương lịch (1/1), five
 * days of Tết Âm lịch, Giỗ Tổ Hùng Vương (10/3 lunar), Ngày Chiến thắng (30/4), Quốc tế Lao động
 * (1/5) and Quốc khánh (2/9 plus one adjacent day before or after). Art 111(3): when a weekly rest
 * day coincides with one of these holidays, the worker gets the next working day off (nghỉ bù).
 *
 * Which five days make up Tết and which day joins 2/9 are chosen each year by the Prime Minister, and
 * the yearly notices also swap days with make-up Saturdays. The rule here therefore only
 * approximates a year until its official schedule is loaded; the choices are options with
 * UNVERIFIED defaults (DOMAIN.md §5).
 */
import { civilFromEpochDay, epochDayFromCivil, formatIsoDay, weekdayOf } from './civil-date';
import { lunarNewYear, lunarToSolar, lunarYearName } from './lunar';

/** A holiday fixed on a Gregorian date, e.g. a day added to Art 112 by a future amendment. */
export interface FixedHoliday {
  readonly month: number;
  readonly day: number;
  /** Vietnamese name shown to users, e.g. "Ngày Văn hóa Việt Nam". */
  readonly name: string;
  /** First year the holiday applies (inclusive); unbounded when omitted. */
  readonly fromYear?: number;
  /** Last year the holiday applies (inclusive); unbounded when omitted. */
  readonly toYear?: number;
}

/** Options of the statutory rule. Every field has a default in {@link DEFAULT_STATUTORY_RULES}. */
export interface StatutoryRules {
  /**
   * The five Tết days as offsets in days from mùng 1 Tết (first day of the lunar year).
   * Default `[-1, 0, 1, 2, 3]`: the last day of the old lunar year and mùng 1–4, as in 2026
   * (16–20/02/2026). UNVERIFIED as a general rule: the Prime Minister picks the days each year
   * (2024 and 2025 were arranged differently, see config/holidays).
   */
  readonly tetDayOffsets: readonly number[];
  /**
   * The day added to Quốc khánh (2/9): `'before'` = 1/9 (as in 2025 and 2026), `'after'` = 3/9.
   * Default `'before'`, UNVERIFIED: Art 112(1)(đ) allows either and the choice is yearly.
   */
  readonly nationalDayAdjacentDay: 'before' | 'after';
  /** Apply Art 111(3) (holiday on a weekly rest day → next working day off). Default `true`. */
  readonly compensateRestDayHolidays: boolean;
  /**
   * Extra fixed-date holidays for computed years. Default `[]`. Use it if Art 112 is amended, e.g.
   * `{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', fromYear: 2027 }` (UNVERIFIED, DOMAIN.md §5.1).
   */
  readonly additionalFixedHolidays: readonly FixedHoliday[];
}

/** Defaults of the statutory rule; see each field of {@link StatutoryRules} for its source. */
export const DEFAULT_STATUTORY_RULES: StatutoryRules = Object.freeze({
  tetDayOffsets: Object.freeze([-1, 0, 1, 2, 3]),
  nationalDayAdjacentDay: 'before',
  compensateRestDayHolidays: true,
  additionalFixedHolidays: Object.freeze([]),
});

/** One computed day off. */
export interface StatutoryDayOff {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Vietnamese name, e.g. "Giỗ Tổ Hùng Vương" or "Nghỉ bù Giỗ Tổ Hùng Vương". */
  readonly name: string;
  /** `'holiday'` = an Art 112 day; `'compensatory'` = an Art 111(3) nghỉ bù day. */
  readonly kind: 'holiday' | 'compensatory';
  /** For a compensatory day: the holiday (on a weekly rest day) it makes up for. */
  readonly compensates?: string;
}

interface RawHoliday {
  readonly epochDay: number;
  readonly name: string;
  /** The occasion, used to name the compensatory day ("Nghỉ bù " + occasion). */
  readonly occasion: string;
}

/**
 * The Art 112 holidays that belong to a year (without compensation), sorted by date.
 * Tết days belong to the lunar year starting in that Gregorian year.
 */
export function statutoryHolidays(year: number, rules: StatutoryRules = DEFAULT_STATUTORY_RULES): StatutoryDayOff[] {
  return mergeSameDay(rawHolidays(year, rules))
    .filter((h) => yearOf(h.epochDay) === year)
    .map((h) => ({ date: formatIsoDay(h.epochDay), name: h.name, kind: 'holiday' as const }));
}

/**
 * All computed days off of a year: the Art 112 holidays plus, when enabled, Art 111(3) compensation.
 *
 * Compensation walks the holidays in date order; each one that falls on a weekly rest day moves to
 * the next day that is neither a rest day, a holiday nor already a compensatory day. So the two
 * weekend Tết days of 2027 (Sat 06/02, Sun 07/02) give Wed 10/02 and Thu 11/02, and 1/5/2027
 * (Saturday) gives Mon 03/05. Neighbouring years are included so a chain that crosses 31/12 is right.
 *
 * @param weekendDays weekly rest days, 0 = Sunday … 6 = Saturday.
 */
export function statutoryDaysOff(
  year: number,
  rules: StatutoryRules = DEFAULT_STATUTORY_RULES,
  weekendDays: readonly number[] = [0, 6],
): StatutoryDayOff[] {
  const holidays = mergeSameDay([
    ...rawHolidays(year - 1, rules),
    ...rawHolidays(year, rules),
    ...rawHolidays(year + 1, rules),
  ]);
  const result: Array<StatutoryDayOff & { epochDay: number }> = holidays.map((h) => ({
    epochDay: h.epochDay,
    date: formatIsoDay(h.epochDay),
    name: h.name,
    kind: 'holiday',
  }));
  if (rules.compensateRestDayHolidays) {
    const rest = new Set(weekendDays);
    const taken = new Set(holidays.map((h) => h.epochDay));
    for (const holiday of holidays) {
      if (!rest.has(weekdayOf(holiday.epochDay))) continue;
      let day = holiday.epochDay + 1;
      while (rest.has(weekdayOf(day)) || taken.has(day)) day++;
      taken.add(day);
      result.push({
        epochDay: day,
        date: formatIsoDay(day),
        name: `Nghỉ bù ${holiday.occasion}`,
        kind: 'compensatory',
        compensates: formatIsoDay(holiday.epochDay),
      });
    }
  }
  return result
    .filter((d) => yearOf(d.epochDay) === year)
    .sort((a, b) => a.epochDay - b.epochDay)
    .map(({ epochDay: _epochDay, ...day }) => day);
}

function rawHolidays(year: number, rules: StatutoryRules): RawHoliday[] {
  const list: RawHoliday[] = [];
  const add = (epochDay: number, name: string, occasion: string = name): void => {
    list.push({ epochDay, name, occasion });
  };
  add(epochDayFromCivil(year, 1, 1), 'Tết Dương lịch');

  const tet = lunarNewYear(year);
  const tetDay = epochDayFromCivil(tet.year, tet.month, tet.day);
  const tetOccasion = `Tết Nguyên Đán ${lunarYearName(year)}`;
  for (const offset of rules.tetDayOffsets) add(tetDay + offset, `Nghỉ ${tetOccasion}`, tetOccasion);

  // If the lunar year has a leap 3rd month, Giỗ Tổ stays on the 10th of the regular 3rd month.
  const gioTo = lunarToSolar({ year, month: 3, day: 10, leap: false });
  add(epochDayFromCivil(gioTo.year, gioTo.month, gioTo.day), 'Giỗ Tổ Hùng Vương');

  add(epochDayFromCivil(year, 4, 30), 'Ngày Chiến thắng');
  add(epochDayFromCivil(year, 5, 1), 'Quốc tế Lao động');
  const nationalDay = epochDayFromCivil(year, 9, 2);
  add(nationalDay, 'Quốc khánh');
  add(nationalDay + (rules.nationalDayAdjacentDay === 'before' ? -1 : 1), 'Quốc khánh');

  for (const fixed of rules.additionalFixedHolidays) {
    if ((fixed.fromYear ?? -Infinity) <= year && year <= (fixed.toYear ?? Infinity)) {
      add(epochDayFromCivil(year, fixed.month, fixed.day), fixed.name);
    }
  }
  return list;
}

/**
 * Sorts by date and merges holidays that fall on the same day (e.g. a configured Tết offset that
 * lands on 1/1). The law does not grant an extra day for two holidays on one date, so the day is
 * counted once and its names are joined.
 */
function mergeSameDay(list: readonly RawHoliday[]): RawHoliday[] {
  const byDay = new Map<number, RawHoliday>();
  for (const h of list) {
    const existing = byDay.get(h.epochDay);
    byDay.set(
      h.epochDay,
      existing && existing.name !== h.name
        ? { epochDay: h.epochDay, name: `${existing.name}; ${h.name}`, occasion: `${existing.occasion}; ${h.occasion}` }
        : (existing ?? h),
    );
  }
  return [...byDay.values()].sort((a, b) => a.epochDay - b.epochDay);
}

function yearOf(epochDay: number): number {
  return civilFromEpochDay(epochDay).year;
}
