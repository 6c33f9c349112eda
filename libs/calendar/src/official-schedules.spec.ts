/**
 * Acceptance tests against DOMAIN.md §5.2. The expected dates are written out here, independently of
 * config/holidays/*.json, so a typo in a file fails a test instead of being copied into it.
 */
import schedule2024 from '@config/holidays/2024.json';
import schedule2025 from '@config/holidays/2025.json';
import schedule2026 from '@config/holidays/2026.json';
import {
  createWorkingCalendar,
  defaultCalendarConfig,
  lunarNewYear,
  parseYearSchedule,
  statutoryDaysOff,
  statutoryHolidays,
} from './index';

const SCHEDULES = [schedule2024, schedule2025, schedule2026].map((json, i) => parseYearSchedule(json, `${2024 + i}.json`));

function span(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string): boolean => weekday(day) === 0 || weekday(day) === 6;

/** DOMAIN.md §5.2, column "Days off" (with the weekends the notices announce as part of a span). */
const DAYS_OFF: Record<number, string[]> = {
  2024: [
    '2024-01-01',
    ...span('2024-02-08', '2024-02-14'),
    '2024-04-18',
    ...span('2024-04-27', '2024-05-01'),
    ...span('2024-08-31', '2024-09-03'),
  ],
  2025: [
    '2025-01-01',
    ...span('2025-01-25', '2025-02-02'),
    ...span('2025-04-05', '2025-04-07'),
    ...span('2025-04-30', '2025-05-04'),
    ...span('2025-08-30', '2025-09-02'),
  ],
  2026: [
    ...span('2026-01-01', '2026-01-04'),
    ...span('2026-02-14', '2026-02-22'),
    ...span('2026-04-25', '2026-04-27'),
    ...span('2026-04-30', '2026-05-03'),
    ...span('2026-08-29', '2026-09-02'),
  ],
};
/** DOMAIN.md §5.2, column "Làm bù". */
const MAKE_UP_DAYS: Record<number, string[]> = {
  2024: ['2024-05-04'],
  2025: ['2025-04-26'],
  2026: ['2026-01-10', '2026-08-22'],
};
/** Working days next to the spans, where an off-by-one would show. */
const WORKING_NEIGHBOURS = [
  '2024-01-02',
  '2024-02-07',
  '2024-02-15',
  '2024-04-17',
  '2024-04-19',
  '2024-04-26',
  '2024-05-02',
  '2024-08-30',
  '2024-09-04',
  '2025-01-02',
  '2025-01-24',
  '2025-02-03',
  '2025-04-04',
  '2025-04-08',
  '2025-04-29',
  '2025-05-05',
  '2025-08-29',
  '2025-09-03',
  '2026-01-05',
  '2026-02-13',
  '2026-02-23',
  '2026-04-24',
  '2026-04-28',
  '2026-04-29',
  '2026-05-04',
  '2026-08-28',
  '2026-09-03',
  '2026-11-24', // Ngày Văn hóa Việt Nam: UNVERIFIED, working unless switched on
];

describe('official schedules 2024–2026 (DOMAIN.md §5.2)', () => {
  const calendar = createWorkingCalendar(defaultCalendarConfig(SCHEDULES));

  describe.each([2024, 2025, 2026])('%i', (year) => {
    it.each(DAYS_OFF[year])('%s is not a working day', (day) => {
      expect(calendar.isWorkingDay(day)).toBe(false);
    });

    it.each(MAKE_UP_DAYS[year])('%s (make-up Saturday) is a working day', (day) => {
      expect(weekday(day)).toBe(6);
      expect(calendar.isWorkingDay(day)).toBe(true);
      expect(calendar.extraWorkingDays(year).map((d) => d.date)).toContain(day);
    });

    it('has no other weekday off and no other working weekend day', () => {
      const all = span(`${year}-01-01`, `${year}-12-31`);
      const weekdaysOff = all.filter((d) => !isWeekend(d) && !calendar.isWorkingDay(d));
      const workingWeekends = all.filter((d) => isWeekend(d) && calendar.isWorkingDay(d));
      expect(weekdaysOff).toEqual(DAYS_OFF[year].filter((d) => !isWeekend(d)));
      expect(workingWeekends).toEqual(MAKE_UP_DAYS[year]);
    });

    it('lists every day of the announced spans in nonWorkingDays', () => {
      expect(calendar.nonWorkingDays(year).map((d) => d.date)).toEqual(expect.arrayContaining(DAYS_OFF[year]));
    });
  });

  it.each(WORKING_NEIGHBOURS)('%s is a working day', (day) => {
    expect(calendar.isWorkingDay(day)).toBe(true);
  });

  it.each([
    ['2026-01-10', true],
    ['2025-04-26', true],
    ['2024-05-04', true],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-04-27', false],
    ['2026-08-31', false],
    ['2026-08-22', true],
  ])('brief examples: %s working = %p', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });
});

describe('statutory rule vs official schedules', () => {
  const calendar = createWorkingCalendar(defaultCalendarConfig(SCHEDULES));

  it.each([2024, 2025, 2026])('every Art 112 holiday computed for %i is off in the official schedule', (year) => {
    const computed = statutoryHolidays(year).map((d) => d.date);
    expect(computed).toHaveLength(11);
    expect(computed.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
  });

  it('computes Art 111(3) compensation that the notices placed elsewhere only for multi-day Tết', () => {
    // 2024: notice used Thu 08/02 instead of Thu 15/02; 2025: the five Tết days were moved to Mon–Fri.
    const differences = [2024, 2025, 2026].flatMap((year) =>
      statutoryDaysOff(year)
        .filter((d) => calendar.isWorkingDay(d.date))
        .map((d) => `${d.date} ${d.name}`),
    );
    expect(differences).toEqual(['2024-02-15 Nghỉ bù Tết Nguyên Đán Giáp Thìn', '2025-02-03 Nghỉ bù Tết Nguyên Đán Ất Tỵ']);
  });

  it('computes 2027 from the rule and reports the missing schedule once', () => {
    const onMissingSchedule = jest.fn();
    const cal = createWorkingCalendar(defaultCalendarConfig(SCHEDULES, { onMissingSchedule }));
    const tet = lunarNewYear(2027);
    expect(tet).toEqual({ year: 2027, month: 2, day: 6 });
    expect(cal.isWorkingDay('2027-02-06')).toBe(false); // mùng 1 Tết Đinh Mùi
    expect(cal.isWorkingDay('2027-02-05')).toBe(false); // 29 tháng Chạp, last day of the lunar year
    expect(cal.isWorkingDay('2027-04-16')).toBe(false); // Giỗ Tổ
    expect(cal.isWorkingDay('2027-05-01')).toBe(false); // Saturday holiday …
    expect(cal.isWorkingDay('2027-05-03')).toBe(false); // … compensated on Monday (Art 111(3))
    expect(cal.describeDay('2027-05-03')).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Quốc tế Lao động' });
    expect(cal.isWorkingDay('2027-05-04')).toBe(true);
    expect(cal.isWorkingDay('2027-04-30')).toBe(false);
    expect(cal.isWorkingDay('2027-09-01')).toBe(false);
    expect(cal.isWorkingDay('2027-09-02')).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    cal.addWorkingDays(new Date('2027-03-01T02:00:00Z'), 40);
    expect(onMissingSchedule.mock.calls).toEqual([[2027]]);
    expect(cal.yearsWithoutSchedule()).toEqual([2027]);
  });
});
