import { vietnamWallClock } from '@motcua/calendar/vietnam-time';

/** Dates are shown in Vietnam time (UTC+7, no daylight saving) whatever the browser's time zone. */
export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function vnParts(value: string | number | Date): VnParts | null {
  const date = toDate(value);
  if (!date) return null;
  const { year, month, day, hour, minute } = vietnamWallClock(date);
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `dd/MM/yyyy HH:mm` in Vietnam time; `—` when there is no value. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = vnParts(value);
  if (!p) return '—';
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `dd/MM/yyyy` in Vietnam time. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = vnParts(value);
  if (!p) return '—';
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)}`;
}

/** `HH:mm` in Vietnam time. */
export function formatTime(value: string | number | Date): string {
  const p = vnParts(value);
  return p ? `${pad(p.hour)}:${pad(p.minute)}` : '—';
}

/** The value of an `<input type="datetime-local">` (`yyyy-MM-ddTHH:mm`) showing `value` in Vietnam time. */
export function toVnInputValue(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = vnParts(value);
  if (!p) return '';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * Reads `yyyy-MM-ddTHH:mm` typed as Vietnam time and returns the ISO instant with its
 * offset (`2025-03-31T17:00:00+07:00`), or null when it is not a real date-time.
 */
export function fromVnInputValue(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    probe.getUTCHours() !== hour ||
    probe.getUTCMinutes() !== minute
  ) {
    return null;
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+07:00`;
}

/** `3 giờ 20 phút` for a count of minutes. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}

/** Reads a day typed as dd/mm/yyyy (also d/m/yyyy, with - or .) into `yyyy-MM-dd`, or null when it is not a real day. */
export function parseVnDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = m.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `yyyy-MM-dd` shown as dd/mm/yyyy. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
