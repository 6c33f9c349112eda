/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so local calendar fields are a
 * fixed offset away from UTC. Times are stored in UTC and shown in Asia/Ho_Chi_Minh.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

export function localParts(instant: Date, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES) {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** YYMMDD of the local date, as used in dossier codes (DOMAIN.md §2.6). */
export function localYYMMDD(instant: Date, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  const p = localParts(instant, offsetMinutes);
  return [p.year % 100, p.month, p.day].map((n) => String(n).padStart(2, '0')).join('');
}
