import schedule2024 from '@config/holidays/2024.json';
import schedule2025 from '@config/holidays/2025.json';
import schedule2026 from '@config/holidays/2026.json';
import { createWorkingCalendar, defaultCalendarConfig, parseYearSchedule } from '@motcua/calendar';
import type { DossierEffect, ProcessingStep } from '@motcua/workflow';
import { advanceClock, checkApology, ClockInput, ClockState, clockFromHistory, deadlineStatus, outcomeOf, processingWorkingMinutes, STOPPED_CLOCK } from './dossier-clock';

const calendar = createWorkingCalendar(
  defaultCalendarConfig([schedule2024, schedule2025, schedule2026].map((j, i) => parseYearSchedule(j, `${2024 + i}.json`))),
);
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const STEPS: ProcessingStep[] = [
  { key: 'tham-dinh', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 3 },
  { key: 'phe-duyet', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 1 },
];
const input = (now: string, amount = 5): ClockInput => ({ now: vn(now), calendar, processingTime: { amount, unit: 'working_days' }, steps: STEPS });
const entered = (i: number): DossierEffect => ({ type: 'step.entered', stepIndex: i, step: STEPS[i] });

/** Runs a script of (time, effects) through the clock. */
function run(script: Array<[string, DossierEffect[]]>, amount = 5) {
  let state: ClockState = STOPPED_CLOCK;
  const records = [];
  for (const [at, effects] of script) {
    const r = advanceClock(state, effects, input(at, amount));
    state = r.state;
    records.push(...r.records);
  }
  return { state, records };
}

describe('dossier clock', () => {
  it('received Thu 12/02/2026 09:00 for 5 working days is due Thu 26/02/2026 09:00 (Tết skipped)', () => {
    const { state } = run([['2026-02-12 09:00', [{ type: 'dossier.received' }]]]);
    expect(state.receivedAt).toEqual(vn('2026-02-12 09:00'));
    expect(state.dueAt).toEqual(vn('2026-02-26 09:00'));
    expect(state.appointmentAt).toEqual(state.dueAt);
  });

  it('has no due time when the procedure sets no time limit, and ends on time', () => {
    let state = advanceClock(STOPPED_CLOCK, [{ type: 'dossier.received' }], { ...input('2026-03-02 09:00'), processingTime: null }).state;
    expect(state.dueAt).toBeNull();
    state = advanceClock(state, [{ type: 'result.issued' }], input('2026-09-02 09:00')).state;
    expect(state.outcome).toBe('on_time');
  });

  it('two supplementation pauses push the due time by exactly the paused working time, and make it late', () => {
    const { state, records } = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]], // Monday
      ['2026-03-02 09:00', [entered(0)]],
      ['2026-03-02 10:00', [{ type: 'clock.paused', reason: 'Thiếu bản vẽ' }]],
      ['2026-03-03 10:30', [{ type: 'clock.resumed' }]], // 8.5 working hours later
      ['2026-03-04 16:00', [{ type: 'clock.paused', reason: 'Thiếu hợp đồng' }]],
      ['2026-03-09 08:00', [{ type: 'clock.resumed' }]], // Wed 16:00 → Mon 08:00: 1h + 2 days + 0.5h
    ]);
    const firstPause = 8 * 60 + 30;
    const secondPause = 60 + 2 * 480 + 30;
    expect(state.pausedMinutes).toBe(firstPause + secondPause);
    const originalDue = calendar.dueAt(vn('2026-03-02 08:00'), 5, 'working_days');
    expect(calendar.workingMinutesBetween(originalDue, state.dueAt!)).toBe(firstPause + secondPause);
    expect(state.supplementRequests).toBe(2);
    expect(records.filter((r) => r.kind === 'pause.closed').map((r) => (r as { workingMinutes: number }).workingMinutes)).toEqual([firstPause, secondPause]);
    // The step's own due time moves with the pauses too.
    expect(calendar.workingMinutesBetween(calendar.addWorkingDays(vn('2026-03-02 09:00'), 3), state.step!.dueAt)).toBe(firstPause + secondPause);

    const ended = advanceClock(state, [{ type: 'result.issued' }], input('2026-03-09 09:00')).state;
    expect(ended.processingEndedAt!.getTime()).toBeLessThan(state.dueAt!.getTime());
    expect(ended.outcome).toBe('late'); // more than one supplementation request
  });

  it('counts a pause in whole working minutes, so the stored pause equals the shift', () => {
    const { state, records } = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-02 09:00', [{ type: 'clock.paused', reason: 'x' }]],
    ]);
    const resumed = advanceClock(state, [{ type: 'clock.resumed' }], { ...input('2026-03-02 09:00'), now: new Date(vn('2026-03-02 09:00').getTime() + 40_000) });
    expect(resumed.state.pausedMinutes).toBe(1);
    expect(resumed.records).toEqual([expect.objectContaining({ kind: 'pause.closed', workingMinutes: 1 })]);
    expect(calendar.workingMinutesBetween(state.dueAt!, resumed.state.dueAt!)).toBe(1);
    expect(records).toHaveLength(1);
  });

  it('one pause and an early finish is early; on the due day is on time; after is late', () => {
    const base: Array<[string, DossierEffect[]]> = [
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-02 09:00', [{ type: 'clock.paused', reason: 'x' }]],
      ['2026-03-02 10:00', [{ type: 'clock.resumed' }]],
    ];
    const { state } = run(base);
    expect(state.dueAt).toEqual(vn('2026-03-09 09:00')); // 5 days from Mon 08:00 = Mon 08:00 → +1h pause
    expect(advanceClock(state, [{ type: 'result.issued' }], input('2026-03-06 15:00')).state.outcome).toBe('early');
    expect(advanceClock(state, [{ type: 'result.issued' }], input('2026-03-09 08:59')).state.outcome).toBe('on_time');
    expect(advanceClock(state, [{ type: 'result.issued' }], input('2026-03-09 09:01')).state.outcome).toBe('late');
  });

  it('logs each step with its own due time and whether it was late', () => {
    const { records } = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-02 08:00', [entered(0)]],
      ['2026-03-06 08:00', [entered(1)]], // step 0 had 3 days: due Thu 08:00 → late
      ['2026-03-06 10:00', [{ type: 'result.issued' }]],
    ]);
    const closed = records.filter((r) => r.kind === 'step.closed');
    expect(closed).toEqual([
      expect.objectContaining({ index: 0, dueAt: vn('2026-03-05 08:00'), leftAt: vn('2026-03-06 08:00'), late: true }),
      expect.objectContaining({ index: 1, dueAt: vn('2026-03-09 08:00'), leftAt: vn('2026-03-06 10:00'), late: false }),
    ]);
  });

  it('a dossier refused while waiting for a supplement ends at the request time', () => {
    const { state, records } = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-02 08:00', [entered(0)]],
      ['2026-03-04 09:00', [{ type: 'clock.paused', reason: 'x' }]],
      ['2026-03-20 09:00', [{ type: 'dossier.ended', state: 'refused', reason: 'Quá hạn bổ sung' }]],
    ]);
    expect(state.processingEndedAt).toEqual(vn('2026-03-04 09:00'));
    expect(state.outcome).toBe('early');
    expect(state.pausedAt).toBeNull();
    expect(records.at(-1)).toMatchObject({ kind: 'step.closed', leftAt: vn('2026-03-04 09:00') });
  });

  it('withdrawal before receipt and the return of a result leave the outcome alone', () => {
    expect(run([['2026-03-02 08:00', [{ type: 'dossier.ended', state: 'withdrawn', reason: 'x' }]]]).state.outcome).toBeNull();
    const issued = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-03 08:00', [{ type: 'result.issued' }]],
    ]).state;
    const returned = advanceClock(issued, [{ type: 'result.returned', method: 'counter' }, { type: 'dossier.ended', state: 'returned' }], input('2026-04-30 08:00')).state;
    expect(returned).toEqual(issued);
  });

  it('an apology changes the appointment shown, not the due time or the outcome', () => {
    const received = run([['2026-03-02 08:00', [{ type: 'dossier.received' }]]]).state;
    const apologised = advanceClock(received, [{ type: 'apology.recorded', reason: 'x', newAppointment: '2026-03-20T10:00:00+07:00' }], input('2026-03-05 08:00')).state;
    expect(apologised.appointmentAt).toEqual(vn('2026-03-20 10:00'));
    expect(apologised.dueAt).toEqual(received.dueAt);
    expect(advanceClock(apologised, [{ type: 'result.issued' }], input('2026-03-18 08:00')).state.outcome).toBe('late');
  });

  describe('deadline status', () => {
    const received = run([['2026-03-02 08:00', [{ type: 'dossier.received' }]]]).state; // due Mon 09/03 08:00
    it.each([
      ['2026-03-04 08:00', 'on_track'],
      ['2026-03-06 08:00', 'due_soon'], // exactly one working day left
      ['2026-03-06 07:29', 'on_track'], // before opening: Friday's 8 h + Monday's 30 min are left
      ['2026-03-09 07:59', 'due_soon'],
      ['2026-03-09 08:01', 'overdue'],
    ])('at %s: %s', (at, expected) => {
      expect(deadlineStatus(received, vn(at), calendar, 480)).toBe(expected);
    });
    it('is null while paused, before receipt and after processing', () => {
      const paused = advanceClock(received, [{ type: 'clock.paused', reason: 'x' }], input('2026-03-03 08:00')).state;
      expect(deadlineStatus(paused, vn('2026-03-20 08:00'), calendar, 480)).toBeNull();
      expect(deadlineStatus(STOPPED_CLOCK, vn('2026-03-20 08:00'), calendar, 480)).toBeNull();
      const done = advanceClock(received, [{ type: 'result.issued' }], input('2026-03-03 08:00')).state;
      expect(deadlineStatus(done, vn('2026-03-20 08:00'), calendar, 480)).toBeNull();
    });
  });

  describe('apology rules', () => {
    const received = run([['2026-03-02 08:00', [{ type: 'dossier.received' }]]]).state; // due Mon 09/03 08:00
    it('accepts a later appointment before the due time', () => {
      expect(checkApology(received, vn('2026-03-06 10:00'), vn('2026-03-13 10:00'), calendar, 0)).toEqual({ ok: true, late: false });
    });
    it('accepts a letter after the due time or within the lead time, marked late', () => {
      expect(checkApology(received, vn('2026-03-09 08:30'), vn('2026-03-13 10:00'), calendar, 0)).toEqual({ ok: true, late: true });
      expect(checkApology(received, vn('2026-03-12 08:30'), vn('2026-03-13 10:00'), calendar, 480)).toEqual({ ok: true, late: true });
      // With one working day of lead (ND 61/2018), Friday 08:30 is too late for a Monday 08:00 due time.
      expect(checkApology(received, vn('2026-03-06 08:30'), vn('2026-03-13 10:00'), calendar, 480)).toEqual({ ok: true, late: true });
      expect(checkApology(received, vn('2026-03-05 16:00'), vn('2026-03-13 10:00'), calendar, 480)).toEqual({ ok: true, late: false });
    });
    it('refuses a new appointment that is not later than the current one, or already past', () => {
      expect(checkApology(received, vn('2026-03-12 10:00'), vn('2026-03-11 10:00'), calendar, 0)).toMatchObject({ ok: false, code: 'APOLOGY_DATE_INVALID' });
      expect(checkApology(received, vn('2026-03-04 10:00'), vn('2026-03-09 08:00'), calendar, 0)).toMatchObject({ ok: false, code: 'APOLOGY_DATE_INVALID' });
    });
    it('refuses when there is no running deadline', () => {
      expect(checkApology(STOPPED_CLOCK, vn('2026-03-04 10:00'), vn('2026-03-19 08:00'), calendar, 0)).toMatchObject({ ok: false, code: 'APOLOGY_NOT_POSSIBLE' });
    });
  });

  it('outcomeOf: late past the due time, early on an earlier day, on time the same day', () => {
    const due = vn('2026-03-09 10:00');
    expect(outcomeOf(vn('2026-03-09 10:01'), due, 0, calendar)).toBe('late');
    expect(outcomeOf(vn('2026-03-09 07:30'), due, 1, calendar)).toBe('on_time');
    expect(outcomeOf(vn('2026-03-06 16:00'), due, 1, calendar)).toBe('early');
    expect(outcomeOf(vn('2026-03-06 16:00'), due, 2, calendar)).toBe('late');
  });

  it('processing time excludes the pauses, and is null while open', () => {
    const { state } = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-02 09:00', [{ type: 'clock.paused', reason: 'x' }]],
      ['2026-03-02 11:00', [{ type: 'clock.resumed' }]],
    ]);
    expect(processingWorkingMinutes(state, calendar)).toBeNull();
    const ended = advanceClock(state, [{ type: 'result.issued' }], input('2026-03-03 08:00')).state;
    expect(processingWorkingMinutes(ended, calendar)).toBe(480 - 120); // Mon 08:00 → Tue 08:00 is one working day, minus the 2 h pause
  });

  it('rebuilds the clock of an imported dossier with the same rules as a live one', () => {
    const live = run([
      ['2026-03-02 08:00', [{ type: 'dossier.received' }]],
      ['2026-03-03 09:00', [{ type: 'clock.paused', reason: 'x' }]],
      ['2026-03-04 10:30', [{ type: 'clock.resumed' }]],
      ['2026-03-10 09:00', [{ type: 'result.issued' }]],
    ]).state;
    const imported = clockFromHistory(
      { receivedAt: vn('2026-03-02 08:00'), dueAt: calendar.dueAt(vn('2026-03-02 08:00'), 5, 'working_days'), supplements: [{ requestedAt: vn('2026-03-03 09:00'), completedAt: vn('2026-03-04 10:30') }], endedAt: vn('2026-03-10 09:00') },
      calendar,
    );
    expect(imported).toMatchObject({ dueAt: live.dueAt, pausedMinutes: live.pausedMinutes, processingEndedAt: live.processingEndedAt, outcome: live.outcome, supplementRequests: 1 });
    const open = clockFromHistory({ receivedAt: vn('2026-03-02 08:00'), dueAt: vn('2026-03-09 08:00'), supplements: [{ requestedAt: vn('2026-03-04 08:00'), completedAt: null }], endedAt: null }, calendar);
    expect(open).toMatchObject({ pausedAt: vn('2026-03-04 08:00'), processingEndedAt: null, outcome: null });
    const endedWhilePaused = clockFromHistory({ receivedAt: vn('2026-03-02 08:00'), dueAt: vn('2026-03-09 08:00'), supplements: [{ requestedAt: vn('2026-03-04 08:00'), completedAt: null }], endedAt: vn('2026-03-20 08:00') }, calendar);
    expect(endedWhilePaused).toMatchObject({ pausedAt: null, processingEndedAt: vn('2026-03-04 08:00'), outcome: 'early' });
  });
});
