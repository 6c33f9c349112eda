import schedule2024 from '@config/holidays/2024.json';
import schedule2025 from '@config/holidays/2025.json';
import schedule2026 from '@config/holidays/2026.json';
import { createWorkingCalendar, defaultCalendarConfig, parseYearSchedule, type CalendarConfig, type WorkingCalendar } from './index';

const SCHEDULES = [schedule2024, schedule2025, schedule2026].map((json, i) => parseYearSchedule(json, `${2024 + i}.json`));

/** A local (UTC+7) wall-clock time, `YYYY-MM-DD HH:MM[:SS]`. */
const vn = (local: string): Date => new Date(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+07:00`);
/** An instant shown as local (UTC+7) wall-clock time, `YYYY-MM-DD HH:MM`. */
const show = (instant: Date): string => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const official = (overrides: CalendarConfig = {}): WorkingCalendar =>
  createWorkingCalendar(defaultCalendarConfig(SCHEDULES, overrides));

describe('WorkingCalendar', () => {
  const calendar = official();

  describe('working time', () => {
    it.each([
      ['2026-03-02 07:29:59', false],
      ['2026-03-02 07:30', true],
      ['2026-03-02 11:59:59', true],
      ['2026-03-02 12:00', false],
      ['2026-03-02 12:30', false],
      ['2026-03-02 13:30', true],
      ['2026-03-02 16:59:59', true],
      ['2026-03-02 17:00', false],
      ['2026-03-07 09:00', false], // Saturday
      ['2026-02-17 09:00', false], // mùng 1 Tết
      ['2026-01-10 09:00', true], // make-up Saturday
    ])('%s → %p', (local, expected) => {
      expect(calendar.isWorkingTime(vn(local))).toBe(expected);
    });

    it('returns the instant itself when it is working time', () => {
      const instant = vn('2026-03-02 09:15:42');
      expect(calendar.nextWorkingInstant(instant).getTime()).toBe(instant.getTime());
    });

    it.each([
      ['2026-03-02 06:00', '2026-03-02 07:30'],
      ['2026-03-02 12:00', '2026-03-02 13:30'],
      ['2026-03-02 12:30', '2026-03-02 13:30'],
      ['2026-03-02 17:00', '2026-03-03 07:30'],
      ['2026-03-06 17:00', '2026-03-09 07:30'], // Friday evening → Monday
      ['2026-02-13 17:00', '2026-02-23 07:30'], // before Tết Bính Ngọ → after it
      ['2026-01-09 18:00', '2026-01-10 07:30'], // → make-up Saturday
      ['2025-12-31 17:30', '2026-01-05 07:30'], // Tết Dương lịch + swapped Friday + weekend
    ])('next working instant after %s is %s', (from, expected) => {
      expect(show(calendar.nextWorkingInstant(vn(from)))).toBe(expected);
    });
  });

  describe('addWorkingDays (receipt of a dossier, DOMAIN.md §2.8)', () => {
    it.each([
      ['Thu 12/02/2026 09:00 (Tết 14–22/02 skipped)', '2026-02-12 09:00', '2026-02-26 09:00'],
      ['16:59, one minute before closing', '2026-02-12 16:59', '2026-02-26 16:59'],
      ['17:01, after closing: counts from Friday 07:30', '2026-02-12 17:01', '2026-02-26 17:00'],
      ['at lunch break 12:30: counts from 13:30', '2026-02-12 12:30', '2026-02-26 12:00'],
      ['before opening 06:00: counts from 07:30', '2026-02-12 06:00', '2026-02-25 17:00'],
      ['on a Saturday: counts from Monday 07:30', '2026-02-07 10:00', '2026-02-13 17:00'],
      ['on the Tết Saturday 14/02: counts from Monday 23/02', '2026-02-14 10:00', '2026-02-27 17:00'],
      ['on a holiday (mùng 1 Tết, 17/02)', '2026-02-17 10:00', '2026-02-27 17:00'],
    ])('received %s + 5 working days', (_label, from, due) => {
      expect(show(calendar.addWorkingDays(vn(from), 5))).toBe(due);
      expect(show(calendar.dueAt(vn(from), 5, 'working_days'))).toBe(due);
    });

    it('ends on a session end rather than the next opening', () => {
      expect(show(calendar.addWorkingDays(vn('2026-03-02 07:30'), 1))).toBe('2026-03-02 17:00');
      expect(show(calendar.addWorkingHours(vn('2026-03-02 07:30'), 4.5))).toBe('2026-03-02 12:00');
      expect(show(calendar.addWorkingMinutes(vn('2026-03-02 13:30'), 210))).toBe('2026-03-02 17:00');
    });

    it('counts make-up Saturdays and skips swapped days', () => {
      expect(show(calendar.addWorkingDays(vn('2026-01-09 09:00'), 1))).toBe('2026-01-10 09:00');
      expect(show(calendar.addWorkingDays(vn('2025-12-31 09:00'), 1))).toBe('2026-01-05 09:00');
      expect(show(calendar.addWorkingDays(vn('2026-08-21 09:00'), 1))).toBe('2026-08-22 09:00');
      expect(show(calendar.addWorkingDays(vn('2026-08-28 09:00'), 1))).toBe('2026-09-03 09:00');
    });

    it('accepts fractions of a day and zero', () => {
      expect(show(calendar.addWorkingDays(vn('2026-03-02 07:30'), 0.5))).toBe('2026-03-02 11:30'); // 4 h
      expect(show(calendar.addWorkingDays(vn('2026-03-02 10:00'), 0.5))).toBe('2026-03-02 15:30');
      expect(show(calendar.addWorkingDays(vn('2026-03-02 12:10'), 0))).toBe('2026-03-02 13:30');
      expect(show(calendar.addWorkingDays(vn('2026-03-02 09:10'), 0))).toBe('2026-03-02 09:10');
      // Zero from a session end stays on it, so add(add(x, 1), 0) = add(x, 1) …
      expect(show(calendar.addWorkingMinutes(vn('2026-03-02 12:00'), 0))).toBe('2026-03-02 12:00');
      expect(show(calendar.addWorkingDays(calendar.addWorkingDays(vn('2026-03-02 07:30'), 1), 0))).toBe('2026-03-02 17:00');
      // … while the next working instant after a session end is the next opening.
      expect(show(calendar.nextWorkingInstant(vn('2026-03-02 12:00')))).toBe('2026-03-02 13:30');
    });

    it('crosses years, into a computed year', () => {
      // 2026-12-31 Thursday; 2027-01-01 Friday is Tết Dương lịch (computed): Thu 31/12 → Mon 04/01/2027.
      expect(show(calendar.addWorkingDays(vn('2026-12-31 09:00'), 1))).toBe('2027-01-04 09:00');
      // Tết Đinh Mùi (computed): off Fri 05/02 – Thu 11/02/2027.
      expect(show(calendar.addWorkingDays(vn('2027-02-04 09:00'), 1))).toBe('2027-02-12 09:00');
    });

    it('handles 30 working days across several holidays', () => {
      // From Wed 22/04/2026: 23, 24, 28, 29/04 are days 1–4 (27/04, 30/04, 01/05 off), then 26 days
      // Mon 04/05 … Mon 08/06/2026.
      expect(show(calendar.addWorkingDays(vn('2026-04-22 10:00'), 30))).toBe('2026-06-08 10:00');
    });
  });

  describe('addWorkingHours / addWorkingMinutes', () => {
    it('continues after lunch and overnight', () => {
      expect(show(calendar.addWorkingHours(vn('2026-03-02 11:00'), 2))).toBe('2026-03-02 14:30');
      expect(show(calendar.addWorkingHours(vn('2026-02-12 16:00'), 2))).toBe('2026-02-13 08:30');
      expect(show(calendar.dueAt(vn('2026-02-13 16:00'), 4, 'working_hours'))).toBe('2026-02-23 10:30');
      expect(show(calendar.addWorkingMinutes(vn('2026-03-02 11:59'), 2))).toBe('2026-03-02 13:31');
    });

    it('keeps sub-minute precision of the start', () => {
      expect(calendar.addWorkingMinutes(vn('2026-03-02 09:00:30'), 1).toISOString()).toBe('2026-03-02T02:01:30.000Z');
    });
  });

  describe('workingMinutesBetween', () => {
    it('measures working time only', () => {
      expect(calendar.workingMinutesBetween(vn('2026-02-12 09:00'), vn('2026-02-26 09:00'))).toBe(5 * 480);
      expect(calendar.workingMinutesBetween(vn('2026-03-02 11:00'), vn('2026-03-02 14:00'))).toBe(90);
      expect(calendar.workingMinutesBetween(vn('2026-03-02 12:10'), vn('2026-03-02 13:00'))).toBe(0);
      expect(calendar.workingMinutesBetween(vn('2026-03-02 09:00'), vn('2026-03-02 09:00:30'))).toBe(0.5);
      expect(calendar.workingMinutesBetween(vn('2026-03-07 00:00'), vn('2026-03-09 00:00'))).toBe(0);
    });

    it('is 0 when b is not after a', () => {
      expect(calendar.workingMinutesBetween(vn('2026-03-03 09:00'), vn('2026-03-02 09:00'))).toBe(0);
      expect(calendar.workingMinutesBetween(vn('2026-03-03 09:00'), vn('2026-03-03 09:00'))).toBe(0);
    });

    it('counts the 250 working days of 2026', () => {
      // 365 days − 104 weekend days − 13 weekdays off + 2 make-up Saturdays.
      let workingDays = 0;
      for (let d = new Date('2026-01-01T00:00:00Z'); d.getUTCFullYear() === 2026; d = new Date(d.getTime() + 86_400_000)) {
        if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) workingDays++;
      }
      expect(workingDays).toBe(250);
      expect(calendar.workingMinutesBetween(vn('2026-01-01 00:00'), vn('2027-01-01 00:00'))).toBe(250 * 480);
    });
  });

  describe('addCalendarDays (Civil Code 2015 Art 147–148)', () => {
    it.each([
      ['a working last day ends at its closing time', '2026-03-02 10:00', 3, '2026-03-05 17:00'],
      ['a last day on Saturday moves to Monday', '2026-03-06 10:00', 1, '2026-03-09 17:00'],
      ['a last day in Tết moves to the first day after it', '2026-02-12 09:00', 3, '2026-02-23 17:00'],
      ['a last day on a make-up Saturday stays there', '2026-01-07 10:00', 3, '2026-01-10 17:00'],
      ['a receipt on Sunday counts from Monday as day 1', '2026-03-08 10:00', 1, '2026-03-09 17:00'],
      ['0 days = today', '2026-03-02 10:00', 0, '2026-03-02 17:00'],
      ['0 days after closing = the next working day', '2026-03-02 17:30', 0, '2026-03-03 17:00'],
      ['0 days on a Saturday = Monday', '2026-03-07 10:00', 0, '2026-03-09 17:00'],
      ['30 days', '2026-03-02 10:00', 30, '2026-04-01 17:00'],
    ])('%s', (_label, from, days, due) => {
      expect(show(calendar.addCalendarDays(vn(from), days))).toBe(due);
      expect(show(calendar.dueAt(vn(from), days, 'calendar_days'))).toBe(due);
    });

    it('can end periods at 24:00 instead (Art 148(6))', () => {
      const midnight = official({ calendarDayPeriodEnd: 'midnight' });
      expect(show(midnight.addCalendarDays(vn('2026-03-02 10:00'), 3))).toBe('2026-03-06 00:00');
      expect(show(midnight.addCalendarDays(vn('2026-03-02 17:30'), 0))).toBe('2026-03-03 00:00');
      expect(show(midnight.addCalendarDays(vn('2026-03-06 10:00'), 1))).toBe('2026-03-10 00:00');
    });

    it('uses the last session of the day, whatever the hours', () => {
      const morningOnly = official({ sessions: [{ start: '07:00', end: '11:00' }] });
      expect(show(morningOnly.addCalendarDays(vn('2026-03-02 10:00'), 1))).toBe('2026-03-03 11:00');
    });

    it('only takes whole days', () => {
      expect(() => calendar.addCalendarDays(vn('2026-03-02 10:00'), 1.5)).toThrow(RangeError);
    });
  });

  describe('addCalendarMonths (Civil Code 2015 Art 147(1), 148(3), (5), (6))', () => {
    it.each([
      ['the same-numbered day of the next month, at its closing time', '2026-03-02 10:00', 1, '2026-04-02 17:00'],
      ['a receipt after closing time still counts from the next day: same last day', '2026-03-02 17:30', 1, '2026-04-02 17:00'],
      ['a receipt on Sunday: the corresponding day is still the 8th', '2026-03-08 10:00', 1, '2026-04-08 17:00'],
      ['a month without that day ends on its last day (31/03 → 30/04), a holiday, so the next working day after 30/4–1/5 and the weekend', '2026-03-31 10:00', 1, '2026-05-04 17:00'],
      ['31/01 → 28/02/2026, a Saturday → Monday 2/3', '2026-01-31 09:00', 1, '2026-03-02 17:00'],
      ['31/01 → 29/02 in a leap year (2028, a Tuesday)', '2028-01-31 09:00', 1, '2028-02-29 17:00'],
      ['a last day in Tết moves to the first working day after it (15/01 → 16/02/2026)', '2026-01-15 09:00', 1, '2026-02-23 17:00'],
      ['across the year end: 30/11 + 3 months → 28/02/2027, a Sunday → Monday 1/3', '2026-11-30 09:00', 3, '2027-03-01 17:00'],
      ['12 months', '2026-06-15 09:00', 12, '2027-06-15 17:00'],
      ['0 months = today', '2026-03-02 10:00', 0, '2026-03-02 17:00'],
    ])('%s', (_label, from, months, due) => {
      expect(show(calendar.addCalendarMonths(vn(from), months))).toBe(due);
      expect(show(calendar.dueAt(vn(from), months, 'calendar_months'))).toBe(due);
    });

    it('can end the period at 24:00 instead (Art 148(6))', () => {
      const midnight = official({ calendarDayPeriodEnd: 'midnight' });
      expect(show(midnight.addCalendarMonths(vn('2026-03-02 10:00'), 1))).toBe('2026-04-03 00:00');
    });

    it('equals the calendar-day period to the corresponding day, for every receipt day of 2024–2028 and 1–14 months', () => {
      // Independent oracle: JavaScript's own date arithmetic finds the corresponding day (or the month's last).
      for (let start = Date.UTC(2024, 0, 1); start < Date.UTC(2029, 0, 1); start += 86_400_000) {
        const d = new Date(start);
        const from = new Date(start + 3 * 3_600_000); // 10:00 local
        for (let n = 1; n <= 14; n++) {
          const lastOfMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n + 1, 0)).getUTCDate();
          const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, Math.min(d.getUTCDate(), lastOfMonth));
          const days = Math.round((target - start) / 86_400_000);
          expect(calendar.addCalendarMonths(from, n).getTime()).toBe(calendar.addCalendarDays(from, days).getTime());
        }
      }
    });

    it('only takes whole, non-negative months, and refuses a period past the supported years', () => {
      expect(() => calendar.addCalendarMonths(vn('2026-03-02 10:00'), 1.5)).toThrow(RangeError);
      expect(() => calendar.addCalendarMonths(vn('2026-03-02 10:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addCalendarMonths(new Date('not a date'), 1)).toThrow(RangeError);
      expect(() => calendar.addCalendarMonths(vn('2197-06-01 10:00'), 12)).toThrow(RangeError);
    });
  });

  describe('input validation', () => {
    const invalid = new Date('not a date');
    it.each<[string, () => unknown]>([
      ['addWorkingDays with a negative amount', () => calendar.addWorkingDays(vn('2026-03-02 10:00'), -1)],
      ['addWorkingHours with NaN', () => calendar.addWorkingHours(vn('2026-03-02 10:00'), NaN)],
      ['addWorkingMinutes with Infinity', () => calendar.addWorkingMinutes(vn('2026-03-02 10:00'), Infinity)],
      ['addWorkingMinutes with a string', () => calendar.addWorkingMinutes(vn('2026-03-02 10:00'), '5' as unknown as number)],
      ['addCalendarDays with a negative amount', () => calendar.addCalendarDays(vn('2026-03-02 10:00'), -2)],
      ['dueAt with a negative amount', () => calendar.dueAt(vn('2026-03-02 10:00'), -1, 'working_hours')],
      ['addWorkingDays with an invalid Date', () => calendar.addWorkingDays(invalid, 1)],
      ['addCalendarDays with an invalid Date', () => calendar.addCalendarDays(invalid, 1)],
      ['isWorkingTime with an invalid Date', () => calendar.isWorkingTime(invalid)],
      ['nextWorkingInstant with a string', () => calendar.nextWorkingInstant('2026-03-02' as unknown as Date)],
      ['workingMinutesBetween with an invalid end', () => calendar.workingMinutesBetween(vn('2026-03-02 10:00'), invalid)],
      ['localDay with an invalid Date', () => calendar.localDay(invalid)],
      ['isWorkingDay with a bad day', () => calendar.isWorkingDay('2026-02-30')],
      ['describeDay with a bad day', () => calendar.describeDay('02/03/2026')],
      ['nonWorkingDays with a bad year', () => calendar.nonWorkingDays(2026.5)],
      ['extraWorkingDays with a year out of range', () => calendar.extraWorkingDays(1700)],
      ['dueAt with an unknown unit', () => calendar.dueAt(vn('2026-03-02 10:00'), 1, 'weeks' as 'working_days')],
    ])('%s throws RangeError', (_label, call) => {
      expect(call).toThrow(RangeError);
    });

    it('does not mutate its input', () => {
      const from = vn('2026-03-02 10:00');
      calendar.addWorkingDays(from, 3);
      expect(show(from)).toBe('2026-03-02 10:00');
    });
  });

  describe('day listings', () => {
    it('lists the days off of 2026 as in the official schedule', () => {
      const days = calendar.nonWorkingDays(2026);
      expect(days.map((d) => d.date)).toEqual(SCHEDULES[2].daysOff.map((d) => d.date));
      expect(days.every((d) => d.origin === 'schedule')).toBe(true);
      expect(days.find((d) => d.date === '2026-02-17')).toEqual({
        date: '2026-02-17',
        name: 'Nghỉ Tết Nguyên Đán Bính Ngọ',
        kind: 'holiday',
        origin: 'schedule',
        verified: true,
      });
      expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', compensates: '2026-04-26' });
      expect(days.find((d) => d.date === '2026-08-31')).toMatchObject({ kind: 'swapped' });
    });

    it('adds the weekend days of holiday spans a file leaves out, and skips plain weekends', () => {
      // The 2024 file lists no weekend around Giỗ Tổ (Thursday) — and none is added.
      const days2024 = calendar.nonWorkingDays(2024);
      expect(days2024.map((d) => d.date)).toEqual(SCHEDULES[0].daysOff.map((d) => d.date));
      // 2023 has no file: the weekend before Tết Dương lịch 2024 belongs to that span.
      const days2023 = calendar.nonWorkingDays(2023);
      expect(days2023.slice(-2)).toEqual([
        { date: '2023-12-30', name: 'Tết Dương lịch', kind: 'weekend', origin: 'statutory', verified: true },
        { date: '2023-12-31', name: 'Tết Dương lịch', kind: 'weekend', origin: 'statutory', verified: true },
      ]);
      expect(days2023.some((d) => d.date === '2023-03-04')).toBe(false);
    });

    it('lists a computed year with its spans (2027)', () => {
      const days = calendar.nonWorkingDays(2027);
      expect(days.map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
        '2027-01-01 holiday Tết Dương lịch',
        '2027-01-02 weekend Tết Dương lịch',
        '2027-01-03 weekend Tết Dương lịch',
        '2027-02-05 holiday Nghỉ Tết Nguyên Đán Đinh Mùi',
        '2027-02-06 holiday Nghỉ Tết Nguyên Đán Đinh Mùi',
        '2027-02-07 holiday Nghỉ Tết Nguyên Đán Đinh Mùi',
        '2027-02-08 holiday Nghỉ Tết Nguyên Đán Đinh Mùi',
        '2027-02-09 holiday Nghỉ Tết Nguyên Đán Đinh Mùi',
        '2027-02-10 compensatory Nghỉ bù Tết Nguyên Đán Đinh Mùi',
        '2027-02-11 compensatory Nghỉ bù Tết Nguyên Đán Đinh Mùi',
        '2027-04-16 holiday Giỗ Tổ Hùng Vương',
        '2027-04-17 weekend Giỗ Tổ Hùng Vương',
        '2027-04-18 weekend Giỗ Tổ Hùng Vương',
        '2027-04-30 holiday Ngày Chiến thắng',
        '2027-05-01 holiday Quốc tế Lao động',
        '2027-05-02 weekend Quốc tế Lao động',
        '2027-05-03 compensatory Nghỉ bù Quốc tế Lao động',
        '2027-09-01 holiday Quốc khánh',
        '2027-09-02 holiday Quốc khánh',
      ]);
      expect(days[0]).toMatchObject({ origin: 'statutory', verified: false, note: expect.stringContaining('Art 112') });
    });

    it('names a rest day before a swapped day after the holiday that follows', () => {
      // A schedule without weekend entries: Sat 27/04/2024 and Sun 28/04 precede swapped Mon 29/04.
      const bare = { ...SCHEDULES[0], daysOff: SCHEDULES[0].daysOff.filter((d) => d.kind !== 'weekend') };
      const days = createWorkingCalendar({ schedules: [bare] }).nonWorkingDays(2024);
      expect(days.filter((d) => d.date >= '2024-04-27' && d.date <= '2024-04-28').map((d) => d.name)).toEqual([
        'Ngày Chiến thắng',
        'Ngày Chiến thắng',
      ]);
      // A run made only of a swapped day and a weekend has no holiday to name it: the weekend stays out.
      const swapOnly = {
        ...SCHEDULES[0],
        daysOff: [{ date: '2024-03-08', name: 'Ngày nghỉ hoán đổi', kind: 'swapped' as const, verified: true }],
        makeUpDays: [],
      };
      const march = createWorkingCalendar({ schedules: [swapOnly] })
        .nonWorkingDays(2024)
        .filter((d) => d.date.startsWith('2024-03'));
      expect(march.map((d) => d.date)).toEqual(['2024-03-08']);
    });

    it('lists make-up days', () => {
      expect(calendar.extraWorkingDays(2026)).toEqual([
        { date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', replaces: '2026-01-02' },
        { date: '2026-08-22', name: 'Làm bù cho ngày 31/08/2026', replaces: '2026-08-31' },
      ]);
      expect(calendar.extraWorkingDays(2027)).toEqual([]);
      const noReplaces = { ...SCHEDULES[2], makeUpDays: [{ date: '2026-01-10', name: 'Làm bù', verified: true }] };
      expect(createWorkingCalendar({ schedules: [noReplaces] }).extraWorkingDays(2026)).toEqual([{ date: '2026-01-10', name: 'Làm bù' }]);
    });

    it('describes single days', () => {
      expect(calendar.describeDay('2026-01-10')).toEqual({
        date: '2026-01-10',
        weekday: 6,
        working: true,
        kind: 'make_up',
        name: 'Làm bù cho ngày 02/01/2026',
        origin: 'schedule',
      });
      expect(calendar.describeDay('2026-02-17')).toMatchObject({ working: false, kind: 'holiday', name: 'Nghỉ Tết Nguyên Đán Bính Ngọ' });
      expect(calendar.describeDay('2026-03-07')).toEqual({ date: '2026-03-07', weekday: 6, working: false, kind: 'weekend', origin: 'schedule' });
      expect(calendar.describeDay('2026-03-09')).toEqual({ date: '2026-03-09', weekday: 1, working: true, kind: 'working', origin: 'schedule' });
      expect(calendar.describeDay('2027-05-03')).toMatchObject({ working: false, kind: 'compensatory', origin: 'statutory' });
    });

    it('tells the local day of an instant', () => {
      expect(calendar.localDay(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
      expect(calendar.localDay(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    });
  });

  describe('receipt cutoff (DOMAIN.md §2.8: "if received after 15:00, the next working day")', () => {
    const withCutoff = official({ receiptCutoff: '15:00' });

    it('moves a late receipt on a working day to the next working day', () => {
      expect(show(withCutoff.receivedAt(vn('2026-02-12 15:30')))).toBe('2026-02-13 07:30');
      expect(show(withCutoff.receivedAt(vn('2026-02-13 15:01')))).toBe('2026-02-23 07:30'); // Friday before Tết
      expect(show(withCutoff.dueAt(vn('2026-02-12 15:30'), 5, 'working_days'))).toBe('2026-02-26 17:00');
      expect(show(withCutoff.dueAt(vn('2026-03-02 15:30'), 0, 'calendar_days'))).toBe('2026-03-03 17:00');
      expect(show(withCutoff.dueAt(vn('2026-03-02 15:30'), 2, 'working_hours'))).toBe('2026-03-03 09:30');
    });

    it('leaves earlier receipts, rest days and calendars without a cutoff alone', () => {
      expect(show(withCutoff.receivedAt(vn('2026-02-12 15:00')))).toBe('2026-02-12 15:00');
      expect(show(withCutoff.dueAt(vn('2026-02-12 14:59'), 5, 'working_days'))).toBe('2026-02-26 14:59');
      expect(show(withCutoff.receivedAt(vn('2026-03-07 16:00')))).toBe('2026-03-07 16:00');
      expect(show(calendar.receivedAt(vn('2026-02-12 16:30')))).toBe('2026-02-12 16:30');
      expect(() => calendar.receivedAt(new Date(NaN))).toThrow(RangeError);
    });
  });

  describe('optional days off (Ngày Văn hóa Việt Nam, 24/11/2026, UNVERIFIED)', () => {
    it('is a working day by default', () => {
      expect(calendar.isWorkingDay('2026-11-24')).toBe(true);
      expect(calendar.nonWorkingDays(2026).some((d) => d.date === '2026-11-24')).toBe(false);
    });

    it('is a day off when switched on', () => {
      const withCultureDay = official({ optionalDaysOff: { '2026-11-24': true } });
      expect(withCultureDay.isWorkingDay('2026-11-24')).toBe(false);
      expect(withCultureDay.nonWorkingDays(2026).find((d) => d.date === '2026-11-24')).toMatchObject({
        name: 'Ngày Văn hóa Việt Nam',
        kind: 'holiday',
        verified: false,
      });
      expect(show(withCultureDay.addWorkingDays(vn('2026-11-23 09:00'), 1))).toBe('2026-11-25 09:00');
    });

    it('can be switched off when a file enables it by default', () => {
      const onByDefault = {
        ...SCHEDULES[2],
        optional: SCHEDULES[2].optional.map((d) => ({ ...d, enabledByDefault: true })),
      };
      expect(createWorkingCalendar({ schedules: [onByDefault] }).isWorkingDay('2026-11-24')).toBe(false);
      expect(createWorkingCalendar({ schedules: [onByDefault], optionalDaysOff: { '2026-11-24': false } }).isWorkingDay('2026-11-24')).toBe(true);
    });
  });

  describe('missing schedules', () => {
    it('reports a year without a file once, however often it is used', () => {
      const onMissingSchedule = jest.fn();
      const cal = official({ onMissingSchedule });
      cal.addWorkingDays(vn('2026-03-02 09:00'), 10);
      cal.nonWorkingDays(2026); // peeks into 2027 for spans, which is not "using" 2027
      expect(onMissingSchedule).not.toHaveBeenCalled();
      for (let i = 0; i < 50; i++) cal.addWorkingDays(vn('2027-01-04 09:00'), i);
      cal.isWorkingDay('2027-06-01');
      cal.nonWorkingDays(2027);
      cal.describeDay('2027-12-31');
      expect(onMissingSchedule).toHaveBeenCalledTimes(1);
      expect(onMissingSchedule).toHaveBeenCalledWith(2027);
      expect(cal.yearsWithoutSchedule()).toEqual([2027]);
      cal.isWorkingDay('2023-06-01');
      expect(cal.yearsWithoutSchedule()).toEqual([2023, 2027]);
      expect(onMissingSchedule).toHaveBeenCalledTimes(2);
    });

    it('works without a callback', () => {
      const cal = createWorkingCalendar();
      expect(cal.isWorkingDay('2027-02-08')).toBe(false);
      expect(cal.yearsWithoutSchedule()).toEqual([2027]);
    });
  });

  describe('agency settings', () => {
    it('supports another UTC offset', () => {
      const utc = official({ utcOffsetMinutes: 0 });
      expect(utc.isWorkingTime(new Date('2026-03-02T07:30:00Z'))).toBe(true);
      expect(utc.isWorkingTime(new Date('2026-03-02T07:29:00Z'))).toBe(false);
      expect(utc.addWorkingDays(new Date('2026-03-02T07:30:00Z'), 1).toISOString()).toBe('2026-03-02T17:00:00.000Z');
    });

    it('supports a six-day week (a listed span weekend does not close a working Saturday)', () => {
      const sixDays = official({ weekendDays: [0] });
      expect(sixDays.isWorkingDay('2026-03-07')).toBe(true);
      expect(sixDays.isWorkingDay('2026-02-21')).toBe(true); // listed as kind weekend in 2026.json
      expect(sixDays.isWorkingDay('2026-02-22')).toBe(false);
      expect(sixDays.describeDay('2026-02-21')).toMatchObject({ working: true, kind: 'working' });
    });

    it('supports seasonal hours, including a season over the new year', () => {
      const seasonal = official({
        seasons: [
          { name: 'winter', from: '10-01', to: '03-31', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] },
          { name: 'June', from: '06-01', to: '06-30', sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] },
        ],
      });
      expect(seasonal.workingDayMinutes).toBe(480);
      expect(seasonal.isWorkingTime(vn('2026-01-05 11:45'))).toBe(false);
      expect(seasonal.isWorkingTime(vn('2026-01-05 13:10'))).toBe(true);
      expect(seasonal.isWorkingTime(vn('2026-11-02 13:10'))).toBe(true);
      expect(seasonal.isWorkingTime(vn('2026-05-04 11:45'))).toBe(true); // default sessions in May
      expect(seasonal.isWorkingTime(vn('2026-06-01 07:10'))).toBe(true);
      expect(show(seasonal.addWorkingDays(vn('2026-03-31 08:30'), 1))).toBe('2026-04-01 08:30');
      expect(show(seasonal.addCalendarDays(vn('2026-01-05 08:30'), 1))).toBe('2026-01-06 17:00');
    });

    it('exposes the working-day length used by addWorkingDays', () => {
      expect(calendar.workingDayMinutes).toBe(480);
      const short = official({ workingDayMinutes: 240 });
      expect(short.workingDayMinutes).toBe(240);
      expect(show(short.addWorkingDays(vn('2026-03-02 07:30'), 1))).toBe('2026-03-02 11:30');
    });

    it('applies statutory options to computed years', () => {
      const after = official({ statutory: { nationalDayAdjacentDay: 'after' } });
      expect(after.isWorkingDay('2027-09-01')).toBe(true);
      expect(after.isWorkingDay('2027-09-03')).toBe(false);
      expect(after.isWorkingDay('2026-09-01')).toBe(false); // 2026 comes from its file
    });
  });
});
