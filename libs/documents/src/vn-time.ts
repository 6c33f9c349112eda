/**
 * Times on the papers are Vietnamese civil time. Viet Nam has had UTC+7 without daylight saving
 * since 1975, so a fixed offset is exact and, unlike `Intl`/`toLocale*`, independent of the
 * host's TZ setting and ICU data.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** Wall-clock fields of an instant in Asia/Ho_Chi_Minh. */
export interface VnWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function assertValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The instant's date and time in Viet Nam (UTC+7). */
export function vnWallClock(instant: Date): VnWallClock {
  assertValid(instant);
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** `dd/MM/yyyy`, e.g. `26/02/2026`. */
export function formatVnDate(instant: Date): string {
  const t = vnWallClock(instant);
  return `${pad(t.day)}/${pad(t.month)}/${t.year}`;
}

/** `dd/MM/yyyy HH:mm`, e.g. `26/02/2026 09:00`. */
export function formatVnDateTime(instant: Date): string {
  const t = vnWallClock(instant);
  return `${formatVnDate(instant)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** The administrative phrasing of a date: `ngày 26 tháng 02 năm 2026`. */
export function formatVnLongDate(instant: Date): string {
  const t = vnWallClock(instant);
  return `ngày ${pad(t.day)} tháng ${pad(t.month)} năm ${t.year}`;
}

/** The forms' phrasing of an appointment: `09 giờ 00 phút, ngày 26 tháng 02 năm 2026`. */
export function formatVnLongDateTime(instant: Date): string {
  const t = vnWallClock(instant);
  return `${pad(t.hour)} giờ ${pad(t.minute)} phút, ${formatVnLongDate(instant)}`;
}

/** ISO 8601 with the Vietnamese offset and no milliseconds: `2026-02-26T09:00:00+07:00`. */
export function toVnIso(instant: Date): string {
  const t = vnWallClock(instant);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}+07:00`;
}
