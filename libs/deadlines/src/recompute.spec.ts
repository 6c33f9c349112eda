import schedule2024 from '@config/holidays/2024.json';
import schedule2025 from '@config/holidays/2025.json';
import schedule2026 from '@config/holidays/2026.json';
import { applyDayOverrides, createWorkingCalendar, defaultCalendarConfig, parseYearSchedule, type YearSchedule } from '@motcua/calendar';
import { recomputeDueTimes, type DueTimes } from './index';

const files = [schedule2024, schedule2025, schedule2026].map((j, i) => parseYearSchedule(j, `${2024 + i}.json`));
const calendarOf = (schedules: YearSchedule[]) => createWorkingCalendar(defaultCalendarConfig(schedules));
const before = calendarOf(files);
// The official 2027 notice as the statutory rule plus one more day off: Monday 04/01/2027.
const after = calendarOf(applyDayOverrides(files, [{ date: '2027-01-04', kind: 'day_off', name: 'Nghỉ thêm' }]));
const vn = (local: string) => new Date(`${local}:00+07:00`);
const FIVE_DAYS = { amount: 5, unit: 'working_days' as const };

function dossier(receivedLocal: string, extra: Partial<DueTimes> = {}): DueTimes {
  const receivedAt = vn(receivedLocal);
  const due = before.dueAt(receivedAt, 5, 'working_days');
  return { receivedAt, processingTime: FIVE_DAYS, pausedMinutes: 0, legalAppointmentAt: due, dueAt: due, appointmentAt: due, step: null, ...extra };
}

describe('recomputeDueTimes', () => {
  const now = vn('2026-12-28T10:00');

  it('moves the legal appointment, due time and appointment of a dossier whose window crosses the changed day', () => {
    const d = dossier('2026-12-28T09:00');
    expect(d.dueAt).toEqual(vn('2027-01-05T09:00'));
    const changes = recomputeDueTimes(d, before, after, now);
    expect(changes.map((c) => c.field)).toEqual(['legalAppointmentAt', 'dueAt', 'appointmentAt']);
    expect(changes.every((c) => c.to.getTime() === vn('2027-01-06T09:00').getTime())).toBe(true);
  });

  it('leaves a dossier whose window does not cross the day, and changes nothing with the same calendar', () => {
    expect(recomputeDueTimes(dossier('2026-12-01T09:00'), before, after, vn('2026-12-02T09:00'))).toEqual([]);
    expect(recomputeDueTimes(dossier('2026-12-28T09:00'), before, before, now)).toEqual([]);
  });

  it('keeps an apology appointment and a time already passed; moves the current step', () => {
    const d = dossier('2026-12-28T09:00', { appointmentAt: vn('2027-01-20T16:00') });
    expect(recomputeDueTimes(d, before, after, now).map((c) => c.field)).toEqual(['legalAppointmentAt', 'dueAt']);
    expect(recomputeDueTimes(d, before, after, vn('2027-01-05T10:00'))).toEqual([]);

    const enteredAt = vn('2026-12-30T14:00');
    const step = { enteredAt, dueAt: before.addWorkingDays(enteredAt, 2), workingDays: 2, pausedMinutes: 0 };
    const withStep = recomputeDueTimes(dossier('2026-12-01T09:00', { step }), before, after, now);
    expect(withStep).toEqual([{ field: 'stepDueAt', from: step.dueAt, to: after.addWorkingDays(enteredAt, 2) }]);
    expect(withStep[0].to.getTime()).toBeGreaterThan(step.dueAt.getTime());
  });

  it('counts the paused working time into the due time, not into the legal appointment', () => {
    const d = dossier('2026-12-21T09:00', { pausedMinutes: 480 });
    d.dueAt = before.addWorkingMinutes(d.legalAppointmentAt!, 480);
    d.appointmentAt = d.dueAt;
    const changes = recomputeDueTimes(d, before, after, vn('2026-12-22T09:00'));
    // Legal: 28/12 (not across 04/01); due pushed one working day: 29/12 — neither crosses the day.
    expect(changes).toEqual([]);
    const late = dossier('2026-12-23T09:00', { pausedMinutes: 960 });
    late.dueAt = before.addWorkingMinutes(late.legalAppointmentAt!, 960);
    late.appointmentAt = late.dueAt;
    const moved = recomputeDueTimes(late, before, after, vn('2026-12-24T09:00'));
    expect(moved.map((c) => c.field)).toEqual(['dueAt', 'appointmentAt']);
    expect(moved[0].to).toEqual(after.addWorkingMinutes(after.dueAt(late.receivedAt, 5, 'working_days'), 960));
  });

  it('does nothing without a time limit', () => {
    expect(recomputeDueTimes(dossier('2026-12-28T09:00', { processingTime: null }), before, after, now)).toEqual([]);
  });
});
