/** Feedback phase clocks driven by the machine's own effects, on the real working calendar. */
import { createWorkingCalendar, defaultCalendarConfig } from '@motcua/calendar';
import { advanceFeedbackClocks, feedbackTimeliness } from './feedback-clock';
import type { FeedbackClocks } from './feedback-clock';
import { feedbackDeadlines } from './feedback-deadlines';
import type { FeedbackEffect, PersistedFeedback } from './feedback.types';
import { decideFeedback, startFeedback } from './feedback.workflow';
import { PEOPLE, SAMPLE_EVENTS, expectOk } from './feedback.fixtures';
import type { Move } from './feedback.fixtures';

const calendar = createWorkingCalendar(defaultCalendarConfig([]));
/** Local time (Asia/Ho_Chi_Minh, UTC+7) → instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

/** Runs moves at the given local times, carrying the clocks along as the adapter does. */
function run(startAt: string, moves: ReadonlyArray<readonly [Move, string]>, deadlines = feedbackDeadlines()) {
  const start = startFeedback({ source: 'portal' });
  let persisted: PersistedFeedback = start.snapshot;
  let clocks = advanceFeedbackClocks({}, start.effects, vn(startAt), calendar, deadlines);
  for (const [[type, who], at] of moves) {
    const decision = expectOk(decideFeedback(persisted, SAMPLE_EVENTS[type], who));
    persisted = decision.snapshot;
    clocks = advanceFeedbackClocks(clocks, decision.effects, vn(at), calendar, deadlines);
  }
  return { persisted, clocks };
}

const CLASSIFY: Move = ['CLASSIFY', PEOPLE.clerk];
const START: Move = ['START_HANDLING', PEOPLE.specialistKH];
const ANSWER: Move = ['ANSWER', PEOPLE.specialistKH];
const PUBLISH: Move = ['PUBLISH', PEOPLE.leaderBGD];
const REJECT: Move = ['REJECT', PEOPLE.clerk];
const ASK: Move = ['REQUEST_SUPPLEMENT', PEOPLE.specialistKH];
const SUPPLIED: Move = ['SUPPLEMENT_RECEIVED', PEOPLE.specialistKH];
const CLOSE: Move = ['CLOSE', PEOPLE.leaderBGD];

describe('advanceFeedbackClocks', () => {
  it('opens reject, supplement and handle at receipt, each due after its working days', () => {
    const { clocks } = run('2026-12-01T09:00:00', []);
    const received = vn('2026-12-01T09:00:00');
    expect(Object.keys(clocks).sort()).toEqual(['handle', 'reject', 'supplement']);
    expect(clocks.reject).toEqual({
      startedAt: received.toISOString(),
      dueAt: calendar.dueAt(received, 2, 'working_days').toISOString(),
      pausedAt: null,
      endedAt: null,
      completed: null,
      late: null,
    });
    expect(clocks.handle!.dueAt).toBe(calendar.dueAt(received, 15, 'working_days').toISOString());
    expect(clocks.supplement!.dueAt).toBe(calendar.dueAt(received, 5, 'working_days').toISOString());
  });

  it('takes the limits from the configuration', () => {
    const { clocks } = run('2026-12-01T09:00:00', [], feedbackDeadlines({ handle: 10 }));
    expect(clocks.handle!.dueAt).toBe(calendar.dueAt(vn('2026-12-01T09:00:00'), 10, 'working_days').toISOString());
  });

  it('an answer within 15 working days completes the handling on time and opens the publication clock', () => {
    const { clocks } = run('2026-12-01T09:00:00', [
      [CLASSIFY, '2026-12-01T10:00:00'],
      [START, '2026-12-02T08:00:00'],
      [ANSWER, '2026-12-10T15:00:00'],
    ]);
    expect(clocks.reject).toMatchObject({ endedAt: vn('2026-12-02T08:00:00').toISOString(), completed: false, late: null });
    expect(clocks.handle).toMatchObject({ endedAt: vn('2026-12-10T15:00:00').toISOString(), completed: true, late: false });
    expect(clocks.supplement).toMatchObject({ completed: false, late: null });
    expect(clocks.publish).toMatchObject({ startedAt: vn('2026-12-10T15:00:00').toISOString(), endedAt: null });
    expect(feedbackTimeliness(clocks)).toEqual({
      handledAt: vn('2026-12-10T15:00:00'),
      dueAt: new Date(clocks.handle!.dueAt),
      onTime: true,
    });
  });

  it('an answer after the due time is late, and so is the feedback', () => {
    const first = run('2026-12-01T09:00:00', [[CLASSIFY, '2026-12-01T10:00:00'], [START, '2026-12-01T11:00:00']]);
    const due = new Date(first.clocks.handle!.dueAt);
    const after = new Date(due.getTime() + 60 * 60_000);
    const answered = advanceFeedbackClocks(first.clocks, decide(first.persisted, ANSWER), after, calendar);
    expect(answered.handle).toMatchObject({ completed: true, late: true });
    expect(feedbackTimeliness(answered).onTime).toBe(false);
  });

  it('the answer exactly at the due time is on time', () => {
    const first = run('2026-12-01T09:00:00', [[CLASSIFY, '2026-12-01T10:00:00'], [START, '2026-12-01T11:00:00']]);
    const answered = advanceFeedbackClocks(first.clocks, decide(first.persisted, ANSWER), new Date(first.clocks.handle!.dueAt), calendar);
    expect(answered.handle!.late).toBe(false);
  });

  it('a late publication makes an answer on time late', () => {
    const answered = run('2026-12-01T09:00:00', [
      [CLASSIFY, '2026-12-01T10:00:00'],
      [START, '2026-12-01T11:00:00'],
      [ANSWER, '2026-12-02T09:00:00'],
    ]);
    const lateAt = new Date(Date.parse(answered.clocks.publish!.dueAt) + 1);
    const published = advanceFeedbackClocks(answered.clocks, decide(answered.persisted, PUBLISH), lateAt, calendar);
    expect(published.publish).toMatchObject({ completed: true, late: true });
    expect(feedbackTimeliness(published).onTime).toBe(false);
  });

  it('the citizen’s supplement time moves every open due time later by the working time paused', () => {
    const asked = run('2026-12-01T09:00:00', [
      [CLASSIFY, '2026-12-01T10:00:00'],
      [START, '2026-12-01T11:00:00'],
      [ASK, '2026-12-02T09:00:00'],
    ]);
    expect(asked.clocks.handle!.pausedAt).toBe(vn('2026-12-02T09:00:00').toISOString());
    expect(asked.clocks.supplement).toMatchObject({ completed: true, late: false });
    // Paused Wed 09:00 → resumed Fri 09:00: two working days (960 working minutes).
    const resumed = advanceFeedbackClocks(asked.clocks, decide(asked.persisted, SUPPLIED), vn('2026-12-04T09:00:00'), calendar);
    expect(resumed.handle!.pausedAt).toBeNull();
    expect(resumed.handle!.dueAt).toBe(calendar.addWorkingMinutes(new Date(asked.clocks.handle!.dueAt), 960).toISOString());
  });

  it('a pause over a weekend only adds its working time', () => {
    // Paused Fri 16:00 → resumed Mon 08:00: 60 + 30 working minutes.
    const asked = run('2026-12-01T09:00:00', [
      [CLASSIFY, '2026-12-01T10:00:00'],
      [START, '2026-12-01T11:00:00'],
      [ASK, '2026-12-04T16:00:00'],
    ]);
    const resumed = advanceFeedbackClocks(asked.clocks, decide(asked.persisted, SUPPLIED), vn('2026-12-07T08:00:00'), calendar);
    expect(resumed.handle!.dueAt).toBe(calendar.addWorkingMinutes(new Date(asked.clocks.handle!.dueAt), 90).toISOString());
  });

  it('a phase ending while paused is judged at the moment it paused', () => {
    const asked = run('2026-12-01T09:00:00', [
      [CLASSIFY, '2026-12-01T10:00:00'],
      [START, '2026-12-01T11:00:00'],
      [ASK, '2026-12-02T09:00:00'],
    ]);
    const closed = advanceFeedbackClocks(asked.clocks, decide(asked.persisted, CLOSE), vn('2027-03-01T09:00:00'), calendar);
    expect(closed.handle).toMatchObject({ endedAt: vn('2027-03-01T09:00:00').toISOString(), completed: false, late: null });
    // Closed without an answer: no verdict stored; the indicators compare handledAt with dueAt.
    expect(feedbackTimeliness(closed)).toEqual({ handledAt: vn('2027-03-01T09:00:00'), dueAt: new Date(closed.handle!.dueAt), onTime: null });
  });

  it('a rejection within 2 working days is handled on time; after them, late', () => {
    const quick = run('2026-12-01T09:00:00', [[REJECT, '2026-12-02T09:00:00']]);
    expect(quick.clocks.reject).toMatchObject({ completed: true, late: false });
    expect(feedbackTimeliness(quick.clocks)).toMatchObject({ handledAt: vn('2026-12-02T09:00:00'), onTime: true });
    const slow = run('2026-12-01T09:00:00', [[REJECT, '2026-12-08T09:00:00']]);
    expect(slow.clocks.reject).toMatchObject({ completed: true, late: true });
    expect(feedbackTimeliness(slow.clocks).onTime).toBe(false);
  });

  it('an open feedback has no handling time and no verdict', () => {
    const { clocks } = run('2026-12-01T09:00:00', [[CLASSIFY, '2026-12-01T10:00:00']]);
    expect(feedbackTimeliness(clocks)).toEqual({ handledAt: null, dueAt: new Date(clocks.handle!.dueAt), onTime: null });
    expect(feedbackTimeliness({})).toEqual({ handledAt: null, dueAt: null, onTime: null });
  });

  it('does not change the clocks it is given, and ignores effects of phases it never saw', () => {
    const { clocks } = run('2026-12-01T09:00:00', []);
    const copy = structuredClone(clocks);
    const stray: FeedbackEffect[] = [
      { type: 'deadline.paused', phase: 'publish' },
      { type: 'deadline.resumed', phase: 'publish' },
      { type: 'deadline.ended', phase: 'publish', completed: true },
      { type: 'feedback.published' },
    ];
    const next = advanceFeedbackClocks(clocks, stray, vn('2026-12-02T09:00:00'), calendar);
    expect(next).toEqual(copy);
    expect(clocks).toEqual(copy);
  });

  it('a second pause or resume is a no-op', () => {
    const empty: FeedbackClocks = {};
    const opened = advanceFeedbackClocks(empty, [{ type: 'deadline.started', phase: 'handle' }], vn('2026-12-01T09:00:00'), calendar);
    const once = advanceFeedbackClocks(opened, [{ type: 'deadline.paused', phase: 'handle' }], vn('2026-12-01T10:00:00'), calendar);
    const twice = advanceFeedbackClocks(once, [{ type: 'deadline.paused', phase: 'handle' }], vn('2026-12-01T11:00:00'), calendar);
    expect(twice.handle!.pausedAt).toBe(vn('2026-12-01T10:00:00').toISOString());
    const resumed = advanceFeedbackClocks(opened, [{ type: 'deadline.resumed', phase: 'handle' }], vn('2026-12-02T10:00:00'), calendar);
    expect(resumed).toEqual(opened);
  });
});

function decide(persisted: PersistedFeedback, [type, who]: Move): FeedbackEffect[] {
  return expectOk(decideFeedback(persisted, SAMPLE_EVENTS[type], who)).effects;
}
