import type { DayRange } from '../../api/indicators';
import { vnParts } from '../../format/datetime';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1–12 */
  month: number;
  /** 1–4 */
  quarter: number;
  /** `dd/MM/yyyy`, typed (custom only). */
  from: string;
  to: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The current month in Vietnam time. */
export function currentChoice(now: Date = new Date()): PeriodChoice {
  const p = vnParts(now)!;
  const first = `01/${pad(p.month)}/${p.year}`;
  const last = `${pad(lastDay(p.year, p.month))}/${pad(p.month)}/${p.year}`;
  return { kind: 'month', year: p.year, month: p.month, quarter: Math.ceil(p.month / 3), from: first, to: last };
}

/** `dd/MM/yyyy` → `YYYY-MM-DD`, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
  return iso(y, mo, d);
}

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
export function showDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export function monthRange(year: number, month: number): DayRange {
  return { from: iso(year, month, 1), to: iso(year, month, lastDay(year, month)) };
}

/** The days of a choice, or Vietnamese messages by field when the custom dates are wrong. */
export function rangeOf(c: PeriodChoice): { range: DayRange } | { errors: { from?: string; to?: string } } {
  switch (c.kind) {
    case 'month':
      return { range: monthRange(c.year, c.month) };
    case 'quarter': {
      const first = (c.quarter - 1) * 3 + 1;
      return { range: { from: iso(c.year, first, 1), to: iso(c.year, first + 2, lastDay(c.year, first + 2)) } };
    }
    case 'year':
      return { range: { from: iso(c.year, 1, 1), to: iso(c.year, 12, 31) } };
    case 'custom': {
      const errors: { from?: string; to?: string } = {};
      const from = parseVnDate(c.from);
      const to = parseVnDate(c.to);
      if (!c.from.trim()) errors.from = 'Vui lòng nhập ngày bắt đầu (dd/mm/yyyy).';
      else if (!from) errors.from = 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 01/03/2026.';
      if (!c.to.trim()) errors.to = 'Vui lòng nhập ngày kết thúc (dd/mm/yyyy).';
      else if (!to) errors.to = 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 31/03/2026.';
      if (from && to && from > to) errors.to = 'Ngày kết thúc phải từ ngày bắt đầu trở đi.';
      if (errors.from || errors.to) return { errors };
      return { range: { from: from!, to: to! } };
    }
  }
}
