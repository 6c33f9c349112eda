import schedule2026 from '@config/holidays/2026.json';
import { createWorkingCalendar, defaultCalendarConfig, parseYearSchedule } from '@motcua/calendar';
import { intakeReview } from './intake-review';

const calendar = createWorkingCalendar(defaultCalendarConfig([parseYearSchedule(schedule2026, '2026.json')]));
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe('intake review of an online submission (8 working hours by default)', () => {
  it('a submission on Monday 09:00 is due on Tuesday 09:00 (one 8-hour working day)', () => {
    const review = intakeReview(calendar, vn('2026-03-02 09:00'), vn('2026-03-03 09:00'));
    expect(review.dueAt).toEqual(vn('2026-03-03 09:00'));
    expect(review.late).toBe(false);
    expect(review.workingMinutesTaken).toBe(480);
  });

  it('a rejection one minute after the 8 working hours is late', () => {
    const review = intakeReview(calendar, vn('2026-03-02 09:00'), vn('2026-03-03 09:01'));
    expect(review.late).toBe(true);
    expect(review.workingMinutesTaken).toBe(481);
  });

  it('nights and weekends do not count: Friday 16:00 is due on Monday, not Saturday', () => {
    const review = intakeReview(calendar, vn('2026-03-06 16:00'), vn('2026-03-09 14:00'));
    expect(review.dueAt).toEqual(vn('2026-03-09 16:00'));
    expect(review.late).toBe(false);
    expect(intakeReview(calendar, vn('2026-03-06 16:00'), vn('2026-03-09 16:05')).late).toBe(true);
  });

  it('a submission during Tết is counted from the first working session after it', () => {
    // 14–22/02/2026 are days off (config/holidays/2026.json); a decision on Mon 23/02 afternoon is in time.
    const review = intakeReview(calendar, vn('2026-02-15 10:00'), vn('2026-02-23 16:00'));
    expect(review.dueAt).toEqual(vn('2026-02-23 17:00'));
    expect(review.late).toBe(false);
    expect(intakeReview(calendar, vn('2026-02-15 10:00'), vn('2026-02-24 16:00')).late).toBe(true);
  });

  it('the allowance is configurable', () => {
    expect(intakeReview(calendar, vn('2026-03-02 09:00'), vn('2026-03-02 13:30'), 2).late).toBe(true);
    expect(intakeReview(calendar, vn('2026-03-02 09:00'), vn('2026-03-02 13:30'), 16).late).toBe(false);
    expect(() => intakeReview(calendar, vn('2026-03-02 09:00'), vn('2026-03-02 13:30'), 0)).toThrow(RangeError);
  });
});
