import { formatDate, formatDateTime, formatDay, formatMinutes, formatTime, fromVnInputValue, parseVnDay, toVnInputValue, vnParts } from './datetime';

// The jsdom tests run in Node: its TZ variable switches the zone the local-time getters use.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh'];

describe('Vietnam time formatting', () => {
  const original = env.TZ;
  afterAll(() => {
    env.TZ = original;
  });

  it.each(ZONES)('shows UTC+7 whatever the browser zone (%s)', (zone) => {
    env.TZ = zone;
    // 17:00 UTC on 31 Dec is already 1 January in Vietnam.
    expect(formatDateTime('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00');
    expect(formatDate('2025-12-31T17:00:00Z')).toBe('01/01/2026');
    expect(formatDateTime('2026-11-26T02:21:12.585Z')).toBe('26/11/2026 09:21');
    expect(formatTime(new Date('2026-03-08T23:59:00Z'))).toBe('06:59');
    expect(toVnInputValue('2026-12-03T02:21:12.585Z')).toBe('2026-12-03T09:21');
  });

  it('really runs under the other zones (local getters move, ours do not)', () => {
    env.TZ = 'America/New_York';
    const d = new Date('2025-12-31T17:00:00Z');
    expect(d.getDate()).toBe(31);
    expect(vnParts(d)).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 });
  });

  it('shows a dash for missing or broken values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(toVnInputValue(null)).toBe('');
  });

  it('reads a datetime-local value as Vietnam time', () => {
    env.TZ = 'America/Los_Angeles';
    expect(fromVnInputValue('2026-12-10T17:00')).toBe('2026-12-10T17:00:00+07:00');
    expect(new Date(fromVnInputValue('2026-12-10T17:00')!).toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(fromVnInputValue('2026-02-30T10:00')).toBeNull();
    expect(fromVnInputValue('2026-12-10T24:00')).toBeNull();
    expect(fromVnInputValue('10/12/2026 17:00')).toBeNull();
    expect(fromVnInputValue(toVnInputValue('2026-12-03T02:21:00Z'))).toBe('2026-12-03T09:21:00+07:00');
  });

  it('formats minutes', () => {
    expect(formatMinutes(45)).toBe('45 phút');
    expect(formatMinutes(120)).toBe('2 giờ');
    expect(formatMinutes(200)).toBe('3 giờ 20 phút');
  });
});

describe('parseVnDay / formatDay', () => {
  it('reads dd/mm/yyyy into an ISO day and refuses days that do not exist', () => {
    expect(parseVnDay('02/09/2026')).toBe('2026-09-02');
    expect(parseVnDay(' 2/9/2026 ')).toBe('2026-09-02');
    expect(parseVnDay('31/02/2026')).toBeNull();
    expect(parseVnDay('2026-09-02')).toBeNull();
    expect(formatDay('2026-09-02')).toBe('02/09/2026');
  });
});
