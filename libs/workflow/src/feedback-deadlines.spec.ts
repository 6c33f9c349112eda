/** The feedback deadline phases as data: defaults, configuration, and due times on the working calendar. */
import { createWorkingCalendar, defaultCalendarConfig } from '@motcua/calendar';
import { DEFAULT_FEEDBACK_DEADLINES, FEEDBACK_PHASE_COMPLETED_BY, feedbackDeadlines, feedbackPhaseDueAt } from './feedback-deadlines';
import { FEEDBACK_EVENT_TYPES, FEEDBACK_PHASES } from './feedback.types';

describe('DEFAULT_FEEDBACK_DEADLINES', () => {
  it('are DOMAIN.md §1.4 indicator 5.2: reject 2, supplement 5, handle 15, publish 2 working days', () => {
    expect(DEFAULT_FEEDBACK_DEADLINES).toEqual({ reject: 2, supplement: 5, handle: 15, publish: 2 });
    expect(Object.keys(DEFAULT_FEEDBACK_DEADLINES)).toEqual([...FEEDBACK_PHASES]);
    expect(Object.isFrozen(DEFAULT_FEEDBACK_DEADLINES)).toBe(true);
  });

  it('name, for each phase, a distinct contract event that completes it', () => {
    expect(Object.keys(FEEDBACK_PHASE_COMPLETED_BY)).toEqual([...FEEDBACK_PHASES]);
    const events = Object.values(FEEDBACK_PHASE_COMPLETED_BY);
    expect(new Set(events).size).toBe(FEEDBACK_PHASES.length);
    expect(events.every((type) => FEEDBACK_EVENT_TYPES.includes(type))).toBe(true);
  });
});

describe('feedbackDeadlines (configuration)', () => {
  it('returns the defaults without overrides', () => {
    expect(feedbackDeadlines()).toEqual(DEFAULT_FEEDBACK_DEADLINES);
  });

  it('applies overrides, fractions and zero included, and freezes the result', () => {
    const configured = feedbackDeadlines({ handle: 10, publish: 0.5, reject: 0 });
    expect(configured).toEqual({ reject: 0, supplement: 5, handle: 10, publish: 0.5 });
    expect(Object.isFrozen(configured)).toBe(true);
    expect(DEFAULT_FEEDBACK_DEADLINES.handle).toBe(15);
  });

  it('lists every problem at once', () => {
    const overrides = { handle: -1, publish: Number.NaN, reject: '2', answer: 3 } as unknown as Record<string, number>;
    expect(() => feedbackDeadlines(overrides)).toThrow(
      new RangeError(
        'Invalid feedback deadlines: unknown phase "answer"; reject must be a finite number of working days >= 0; ' +
          'handle must be a finite number of working days >= 0; publish must be a finite number of working days >= 0',
      ),
    );
    expect(() => feedbackDeadlines({ supplement: Number.POSITIVE_INFINITY })).toThrow(/supplement must be/);
  });
});

describe('feedbackPhaseDueAt', () => {
  it('asks the calendar for the phase’s working days', () => {
    const due = new Date('2030-01-01T00:00:00Z');
    const calendar = { dueAt: jest.fn(() => due) };
    const startedAt = new Date('2025-03-03T02:00:00Z');
    expect(feedbackPhaseDueAt(calendar, 'handle', startedAt)).toBe(due);
    expect(feedbackPhaseDueAt(calendar, 'handle', startedAt, feedbackDeadlines({ handle: 10 }))).toBe(due);
    expect(calendar.dueAt.mock.calls).toEqual([
      [startedAt, 15, 'working_days'],
      [startedAt, 10, 'working_days'],
    ]);
  });

  describe('on the default working calendar (Mon–Fri, 07:30–12:00 and 13:30–17:00, UTC+7)', () => {
    const calendar = createWorkingCalendar(defaultCalendarConfig([]));
    const at = (local: string) => new Date(`${local}+07:00`);

    it.each([
      ['reject', '2025-03-03T09:00:00', '2025-03-05T09:00:00'], // Monday → Wednesday
      ['supplement', '2025-03-03T09:00:00', '2025-03-10T09:00:00'], // over a weekend
      ['handle', '2025-03-03T09:00:00', '2025-03-24T09:00:00'], // three weeks
      ['publish', '2025-03-07T16:00:00', '2025-03-11T16:00:00'], // Friday → Tuesday
      ['supplement', '2025-04-25T10:00:00', '2025-05-06T10:00:00'], // over 30/4 and 1/5
    ] as const)('%s from %s is due %s', (phase, start, due) => {
      expect(feedbackPhaseDueAt(calendar, phase, at(start))).toEqual(at(due));
    });
  });
});
