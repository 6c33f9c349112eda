/**
 * Vietnamese civil time, the one place it is computed. Viet Nam has kept UTC+7 without daylight
 * saving since 1975, so local fields are a fixed offset from the stored UTC instant: plain
 * arithmetic, independent of the host's TZ setting, ICU data or the browser's zone (never the
 * local-time getters, never `toLocale*`). Times are stored in UTC and shown in Asia/Ho_Chi_Minh.
 *
 * Its own entry point (`@motcua/calendar/vietnam-time`) so the web app takes it without the calendar.
 */

/** Viet Nam's offset from UTC, in minutes. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

/** Wall-clock fields of an instant in Asia/Ho_Chi_Minh (month 1–12, weekday 0 = Sunday). */
export interface VietnamWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number;
}

/** The instant's date and time in Viet Nam. Throws on an invalid Date (a NaN would print as "NaN/NaN/NaN"). */
export function vietnamWallClock(instant: Date): VietnamWallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/**
 * The instant of Vietnamese wall-clock time `year-month-day hour:minute:second`. Fields out of
 * range roll over as `Date.UTC` does (month 13 = January of the next year): callers compute
 * period ends that way.
 */
export function vietnamInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - OFFSET_MS);
}

/** The Vietnamese calendar day of an instant, `YYYY-MM-DD`. */
export function vietnamDay(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const local = new Date(instant.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  // Formatted by hand: a rollup build calls this tens of millions of times, and toISOString costs several times more.
  if (year < 1000 || year > 9999) return local.toISOString().slice(0, 10);
  const [month, day] = [local.getUTCMonth() + 1, local.getUTCDate()];
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** ISO 8601 with the Vietnamese offset, `2026-02-26T09:00:00.000+07:00` (milliseconds kept, so it reads back exactly). */
export function toVietnamIso(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/** `dd/mm/yyyy HH:mm` in Viet Nam, as every paper and export shows an instant. */
export function formatVietnamDateTime(instant: Date): string {
  const t = vietnamWallClock(instant);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(t.day)}/${p(t.month)}/${p(t.year, 4)} ${p(t.hour)}:${p(t.minute)}`;
}
