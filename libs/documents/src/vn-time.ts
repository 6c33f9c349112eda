import { vietnamWallClock, type VietnamWallClock } from '@motcua/calendar/vietnam-time';

/** Wall-clock fields of an instant in Asia/Ho_Chi_Minh, as far as the papers print them. */
export type VnWallClock = Pick<VietnamWallClock, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The instant's date and time in Viet Nam (UTC+7). */
export function vnWallClock(instant: Date): VnWallClock {
  const { year, month, day, hour, minute, second } = vietnamWallClock(instant);
  return { year, month, day, hour, minute, second };
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
