import { vietnamWallClock } from '@motcua/calendar/vietnam-time';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `26/02/2026` in Asia/Ho_Chi_Minh (instants are stored in UTC; the applicant reads local time). */
export function vnDate(iso: string): string {
  const p = vietnamWallClock(new Date(iso));
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `09:00 26/02/2026`, short enough for an SMS. */
export function vnShortDateTime(iso: string): string {
  const p = vietnamWallClock(new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)} ${vnDate(iso)}`;
}

/** `09 giờ 00, Thứ Năm, ngày 26/02/2026`: the weekday spares the applicant a calendar. */
export function vnDateTime(iso: string): string {
  const p = vietnamWallClock(new Date(iso));
  const weekday = WEEKDAYS_VI[p.weekday];
  return `${pad(p.hour)} giờ ${pad(p.minute)}, ${weekday}, ngày ${vnDate(iso)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One line of free text (a reason typed by staff) without line breaks, cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
