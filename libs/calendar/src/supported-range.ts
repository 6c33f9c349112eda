import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';

/**
 * A date the calendar cannot work with: outside the years the lunar algorithm covers (Tết and Giỗ
 * Tổ of the statutory rule are lunar dates), or a computation that runs past them.
 */
export class CalendarRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarRangeError';
  }
}

/**
 * Years whose days the calendar can classify. The lunar algorithm covers 1800–2199 (lunar.ts);
 * the statutory days off of a year also need the lunar dates of the next year (a Tết holiday can
 * start in the last days of December), so 2199 itself cannot be classified.
 */
export const CLASSIFIABLE_YEARS = Object.freeze({ first: LUNAR_MIN_YEAR, last: LUNAR_MAX_YEAR - 1 });

/**
 * Years the service accepts in any date it is given (a day of the calendar, an instant, an
 * override): every operation works for them, including listing a year, which looks a few days into
 * its neighbours. Entry points check against this, so that no input reaches an edge where the
 * calendar would fail.
 */
export const SUPPORTED_YEARS = Object.freeze({ first: CLASSIFIABLE_YEARS.first + 1, last: CLASSIFIABLE_YEARS.last - 1 });

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_YEARS.first && year <= SUPPORTED_YEARS.last;
}

/** @throws CalendarRangeError unless `year` is within {@link SUPPORTED_YEARS}. */
export function assertSupportedYear(year: number, what = 'year'): void {
  if (!isSupportedYear(year)) {
    throw new CalendarRangeError(`${what} must be in ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}, got ${year}`);
  }
}

/** @throws CalendarRangeError for a day whose year the calendar cannot classify (a computation ran past the end). */
export function assertClassifiableYear(year: number): void {
  if (year < CLASSIFIABLE_YEARS.first || year > CLASSIFIABLE_YEARS.last) {
    throw new CalendarRangeError(`The working calendar covers the years ${CLASSIFIABLE_YEARS.first}–${CLASSIFIABLE_YEARS.last}; this date falls in ${year}`);
  }
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** The first and last instants accepted: a day inside the supported years on either side, so every time zone's local date is inside too. */
const FIRST_INSTANT = Date.UTC(SUPPORTED_YEARS.first, 0, 2);
const LAST_INSTANT = Date.UTC(SUPPORTED_YEARS.last, 11, 31);

/**
 * Parses an instant written as RFC 3339 (ISO 8601's extended form with a time zone):
 * `2026-02-12T09:00:00+07:00`, `2026-02-12T02:00Z`, `…T09:00:00.123+07:00`. Refuses what `Date`
 * would silently roll over (`2026-02-30`, `T24:00`, `:60`), other ISO 8601 forms (week dates,
 * the basic form, no zone), and instants outside {@link SUPPORTED_YEARS}.
 *
 * @returns the instant, or undefined when the text is not one the calendar supports.
 */
export function tryParseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const sign = m[9] === '-' ? -1 : 1;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  // Date.UTC reads years 0–99 as 1900–1999; those are out of range anyway, and refused below by `year`.
  const instant = local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (!isSupportedYear(year) || instant < FIRST_INSTANT || instant > LAST_INSTANT) return undefined;
  return new Date(instant);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
