/**
 * Proleptic Gregorian day arithmetic on plain integers.
 *
 * The calendar works on "epoch days" (days since 1970-01-01, negative before it) rather than on
 * `Date` objects: integers are cheap Map keys, they never carry a hidden time zone, and adding a
 * day is `+ 1`. Conversions follow Howard Hinnant's `days_from_civil` / `civil_from_days`
 * (public-domain algorithms, http://howardhinnant.github.io/date_algorithms.html).
 */

/** A Gregorian calendar date; `month` is 1–12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Milliseconds in one civil day. Vietnam has no DST, so every local day has exactly this length. */
export const DAY_MS = 86_400_000;
/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;
/** Julian day number of 1970-01-01; links epoch days to the lunar algorithm's day numbers. */
export const EPOCH_JULIAN_DAY = 2_440_588;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a Gregorian date (no validation: callers validate first). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link epochDayFromCivil}. */
export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week, JavaScript convention: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Number of days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? epochDayFromCivil(year + 1, 1, 1) : epochDayFromCivil(year, month + 1, 1);
  return next - epochDayFromCivil(year, month, 1);
}

/** Whether `year-month-day` names a real Gregorian date. */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Parses a strict `YYYY-MM-DD` string into an epoch day.
 * Returns `undefined` for anything else (wrong shape or a date such as 2026-02-30).
 */
export function tryParseIsoDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCivilDate(year, month, day) ? epochDayFromCivil(year, month, day) : undefined;
}

/** Like {@link tryParseIsoDay} but throws a `RangeError` naming the bad value. */
export function parseIsoDay(value: unknown): number {
  const epochDay = tryParseIsoDay(value);
  if (epochDay === undefined) {
    throw new RangeError(`Expected a day as 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
  return epochDay;
}

/** Formats an epoch day as `YYYY-MM-DD`. */
export function formatIsoDay(epochDay: number): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Formats an epoch day the Vietnamese way, `DD/MM/YYYY`, as used in notice texts. */
export function formatVietnameseDay(epochDay: number): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
