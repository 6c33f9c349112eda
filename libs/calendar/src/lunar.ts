/**
 * Vietnamese lunisolar calendar (âm lịch).
 *
 * Port of Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam", amlich.js, © 2004 Hồ Ngọc Đức,
 * https://www.informatik.uni-leipzig.de/~duc/amlich/), itself based on the astronomical formulas in
 * Jean Meeus, "Astronomical Algorithms" (1998): new moons and the sun's longitude are computed, not
 * read from a table, so any year in the supported range works. The structure and constants follow
 * the original; only names, types and input checks were added.
 *
 * Why not a Chinese-calendar package: the Vietnamese calendar is computed for the meridian of UTC+7
 * (since 1968), the Chinese one for UTC+8. Near midnight the two disagree on the day of a new moon,
 * so Tết differs in some years (e.g. 1985: 21/01 in Vietnam, 20/02 in China; 2007: 17/02 vs 18/02).
 * The time zone is therefore a parameter with default 7, and is unrelated to the agency's UTC offset.
 */
import { civilFromEpochDay, EPOCH_JULIAN_DAY, epochDayFromCivil, isValidCivilDate, type CivilDate } from './civil-date';

/** A date in the Vietnamese lunar calendar. `leap` marks the repeated (nhuận) month. */
export interface LunarDate {
  /** Lunar year, numbered like the Gregorian year in which it mostly falls (Tết 2026 starts lunar 2026). */
  readonly year: number;
  /** 1–12. In a leap year the leap month has the same number as the month it repeats. */
  readonly month: number;
  /** 1–30. */
  readonly day: number;
  readonly leap: boolean;
}

/** Time zone of the Vietnamese calendar in hours east of UTC. */
export const VIETNAMESE_CALENDAR_TIME_ZONE = 7;
/** Years for which the algorithm is documented as accurate by its author. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Julian day number of the first new moon after 1900-01-01, used to index new moons. */
const NEW_MOON_1900 = 2_415_021.076998695;
/** Mean synodic month in days. */
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;

/** Julian day number (integer, noon-based) of a Gregorian date. */
function julianDayFromCivil(date: CivilDate): number {
  return epochDayFromCivil(date.year, date.month, date.day) + EPOCH_JULIAN_DAY;
}

/** Julian day number of the k-th new moon after 1900-01-01 (fractional, Terrestrial Time → UT). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  // ΔT (TT − UT) in days. The original also has a polynomial for T < −11 (before ~800 AD), which the
  // 1800–2199 range check makes unreachable, so it is left out.
  const deltaT = -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's ecliptic longitude in radians (0…2π) at a fractional Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2_451_545.0) / 36_525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly, degrees
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2; // mean longitude, degrees
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  let L = (L0 + DL) * DEG; // true longitude, radians
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2)); // normalise to (0, 2π)
  return L;
}

/** Local day number on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Major solar term (0–11, one per 30° of longitude) at the start of a local day. */
function sunLongitudeSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Day number of the start of lunar month 11 (the month containing the winter solstice) of a year. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = julianDayFromCivil({ year, month: 12, day: 31 }) - NEW_MOON_1900;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // Sector ≥ 9 means the sun is already past 270° (winter solstice): that new moon starts month 12.
  return sunLongitudeSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/**
 * Position (1-based, counted from month 11) of the leap month in a 13-month lunar year starting at
 * `a11`: the first month that contains no major solar term ("trung khí").
 */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1; // month 11 itself may be the leap month
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * @param min lowest year accepted: solar dates start at 1800, but January 1800 still belongs to lunar
 *   year 1799, so lunar-side functions accept 1799 to keep every conversion reversible.
 */
function assertLunarYearRange(year: number, min: number = LUNAR_MIN_YEAR): void {
  if (!Number.isInteger(year) || year < min || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar calendar supports years ${min}–${LUNAR_MAX_YEAR}, got ${year}`);
  }
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar.
 *
 * @example solarToLunar({ year: 2026, month: 2, day: 17 }) // → { year: 2026, month: 1, day: 1, leap: false }
 * @throws RangeError for an invalid date or a year outside 1800–2199.
 */
export function solarToLunar(date: CivilDate, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): LunarDate {
  if (!isValidCivilDate(date.year, date.month, date.day)) {
    throw new RangeError(`Invalid Gregorian date ${date.year}-${date.month}-${date.day}`);
  }
  assertLunarYearRange(date.year);
  const { year } = date;
  const dayNumber = julianDayFromCivil(date);
  // k is estimated from the mean month; the true new moon can be most of a day later than the mean
  // one, so step back until the month starts on or before the day. (The original steps back once,
  // which returns day 0 for four dates in 1800–2199: 1877-04-13, 1885-03-16, 2054-05-07, 2062-04-09.)
  let k = Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, timeZone);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k, timeZone);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * Day number (Julian) of the first day of a lunar month, or `undefined` when `leap` is set but that
 * month is not the leap month of the year.
 */
function lunarMonthStart(year: number, month: number, leap: boolean, timeZone: number): number | undefined {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off, timeZone);
}

/**
 * Converts a Vietnamese lunar date to the Gregorian calendar.
 *
 * @example lunarToSolar({ year: 2027, month: 3, day: 10, leap: false }) // → 2027-04-16 (Giỗ Tổ)
 * @throws RangeError when the month is not a leap month but `leap` is set, when the day does not
 *   exist in that month (a "short" month has 29 days), or for a lunar year outside 1799–2199.
 */
export function lunarToSolar(date: LunarDate, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): CivilDate {
  const { year, month, day, leap } = date;
  assertLunarYearRange(year, LUNAR_MIN_YEAR - 1);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Invalid lunar date ${day}/${month}/${year}`);
  }
  const start = lunarMonthStart(year, month, leap, timeZone);
  if (start === undefined) {
    throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  }
  const result = civilFromJulianDay(start + day - 1);
  // A month is 29 or 30 days; day 30 of a short month would silently be day 1 of the next one.
  if (day === 30 && solarToLunar(result, timeZone).day !== 30) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (nhuận)' : ''}/${year} has only 29 days`);
  }
  return result;
}

/** Gregorian date of mùng 1 Tết (first day of lunar month 1) of a lunar year. */
export function lunarNewYear(year: number, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): CivilDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false }, timeZone);
}

/** The leap month (1–12) of a lunar year, or `undefined` when the year has 12 months. */
export function leapMonthOf(year: number, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): number | undefined {
  assertLunarYearRange(year, LUNAR_MIN_YEAR - 1);
  for (let month = 1; month <= 12; month++) {
    if (lunarMonthStart(year, month, true, timeZone) !== undefined) return month;
  }
  return undefined;
}

/** Sexagenary (Can Chi) name of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

function civilFromJulianDay(jd: number): CivilDate {
  // Delegate to the epoch-day conversion so there is one Gregorian implementation.
  return civilFromEpochDay(jd - EPOCH_JULIAN_DAY);
}
