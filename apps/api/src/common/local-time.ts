import { vietnamWallClock } from '@motcua/calendar/vietnam-time';

/** YYMMDD of the Vietnamese date, as used in dossier codes (DOMAIN.md §2.6). */
export function localYYMMDD(instant: Date): string {
  const p = vietnamWallClock(instant);
  return [p.year % 100, p.month, p.day].map((n) => String(n).padStart(2, '0')).join('');
}
