import schedule2026 from '@config/holidays/2026.json';
import { createWorkingCalendar, defaultCalendarConfig, parseYearSchedule } from './index';
import { applyDayOverrides } from './schedule-overrides';

const official2026 = parseYearSchedule(schedule2026, '2026.json');
const build = (overrides: Parameters<typeof applyDayOverrides>[1]) =>
  createWorkingCalendar(defaultCalendarConfig(applyDayOverrides([official2026], overrides)));

describe('applyDayOverrides', () => {
  it('adds a day off to a year with an official file', () => {
    const calendar = build([{ date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' }]);
    expect(calendar.isWorkingDay('2026-11-24')).toBe(false);
    expect(calendar.nonWorkingDays(2026)).toContainEqual(expect.objectContaining({ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }));
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('turns a Saturday into a working day and a listed day off back into a working day', () => {
    const calendar = build([
      { date: '2026-12-05', kind: 'working_day', name: 'Làm bù' },
      { date: '2026-01-02', kind: 'working_day', name: 'Hủy hoán đổi' },
    ]);
    expect(calendar.isWorkingDay('2026-12-05')).toBe(true);
    expect(calendar.extraWorkingDays(2026)).toContainEqual(expect.objectContaining({ date: '2026-12-05' }));
    expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
  });

  it('a day off replaces a make-up day on the same date', () => {
    const calendar = build([{ date: '2026-01-10', kind: 'day_off', name: 'Nghỉ' }]);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('a year without a file keeps its statutory holidays when an override is added', () => {
    const schedules = applyDayOverrides([official2026], [{ date: '2027-12-31', kind: 'day_off', name: 'Nghỉ cuối năm' }]);
    const calendar = createWorkingCalendar(defaultCalendarConfig(schedules));
    expect(calendar.isWorkingDay('2027-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false); // Giỗ Tổ 2027, computed
    expect(calendar.isWorkingDay('2027-05-03')).toBe(false); // 1/5 on Saturday → Monday off
    expect(calendar.isWorkingDay('2027-04-15')).toBe(true);
  });

  it('leaves the input untouched and returns schedules sorted by year', () => {
    const before = JSON.stringify(official2026);
    const out = applyDayOverrides([official2026], [{ date: '2025-06-02', kind: 'day_off', name: 'x' }]);
    expect(out.map((s) => s.year)).toEqual([2025, 2026]);
    expect(JSON.stringify(official2026)).toBe(before);
  });
});
