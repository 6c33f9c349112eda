import type { WorkingCalendar } from '@motcua/calendar';
import { DEFAULT_FEEDBACK_DEADLINES, feedbackPhaseDueAt } from './feedback-deadlines';
import type { FeedbackDeadlines } from './feedback-deadlines';
import { FEEDBACK_PHASES } from './feedback.types';
import type { FeedbackEffect, FeedbackPhase } from './feedback.types';

/**
 * The clock of one feedback deadline phase (feedback-deadlines.ts), JSON-safe so the adapter can
 * store it in the feedback row as it is. Times are ISO 8601 UTC strings.
 */
export interface FeedbackPhaseClock {
  startedAt: string;
  /** Due time: start + the phase's working days, moved later by the working time spent paused. */
  dueAt: string;
  /** Set while the phase waits for the citizen's supplement. */
  pausedAt: string | null;
  endedAt: string | null;
  /** Null while open; true when the phase's own action ended it, false when it lapsed. */
  completed: boolean | null;
  /** Null unless completed; true when the action came after the due time. */
  late: boolean | null;
}

export type FeedbackClocks = Partial<Record<FeedbackPhase, FeedbackPhaseClock>>;

type ClockCalendar = Pick<WorkingCalendar, 'dueAt' | 'addWorkingMinutes' | 'workingMinutesBetween'>;

/**
 * Applies the deadline effects of one feedback decision to the stored clocks, at `now`. Pure:
 * returns new clocks, `clocks` is not changed. Effects other than `deadline.*` are ignored.
 *
 * The citizen's time does not count (feedback-deadlines.ts): on resume the due time moves later
 * by the working time the phase spent paused, as a dossier's appointment does (libs/deadlines).
 * A phase that ends while paused is judged at the moment it was paused.
 */
export function advanceFeedbackClocks(
  clocks: FeedbackClocks,
  effects: readonly FeedbackEffect[],
  now: Date,
  calendar: ClockCalendar,
  deadlines: FeedbackDeadlines = DEFAULT_FEEDBACK_DEADLINES,
): FeedbackClocks {
  const next: FeedbackClocks = structuredClone(clocks);
  const at = now.toISOString();
  for (const effect of effects) {
    if (!effect.type.startsWith('deadline.')) continue;
    const { phase } = effect as Extract<FeedbackEffect, { phase: FeedbackPhase }>;
    const clock = next[phase];
    switch (effect.type) {
      case 'deadline.started':
        next[phase] = {
          startedAt: at,
          dueAt: feedbackPhaseDueAt(calendar, phase, now, deadlines).toISOString(),
          pausedAt: null,
          endedAt: null,
          completed: null,
          late: null,
        };
        break;
      case 'deadline.paused':
        if (clock && clock.endedAt === null && clock.pausedAt === null) clock.pausedAt = at;
        break;
      case 'deadline.resumed':
        if (clock && clock.pausedAt !== null) {
          const paused = calendar.workingMinutesBetween(new Date(clock.pausedAt), now);
          clock.dueAt = calendar.addWorkingMinutes(new Date(clock.dueAt), paused).toISOString();
          clock.pausedAt = null;
        }
        break;
      case 'deadline.ended':
        if (clock && clock.endedAt === null) {
          const countedUntil = clock.pausedAt ?? at;
          clock.endedAt = at;
          clock.completed = effect.completed;
          clock.late = effect.completed ? Date.parse(countedUntil) > Date.parse(clock.dueAt) : null;
        }
        break;
    }
  }
  return next;
}

/** What the indicators read from a feedback's clocks (libs/indicators `FeedbackFact`). */
export interface FeedbackTimeliness {
  /** When handling ended: the answer, the rejection or the closing (the end of the `handle` phase); null while open. */
  handledAt: Date | null;
  /** Due time of the handling (the `handle` phase, pauses included); null before receipt. */
  dueAt: Date | null;
  /**
   * False as soon as any phase was completed late (a rejection after 2 working days, an answer
   * after 15…); true once handling ended with every completed phase on time and the handling
   * itself completed (answered or rejected); null otherwise (closed without an answer, or open):
   * the indicators then compare `handledAt` (or the period end) with `dueAt`.
   */
  onTime: boolean | null;
}

export function feedbackTimeliness(clocks: FeedbackClocks): FeedbackTimeliness {
  const handle = clocks.handle;
  const handledAt = handle?.endedAt ? new Date(handle.endedAt) : null;
  const dueAt = handle ? new Date(handle.dueAt) : null;
  const phases = FEEDBACK_PHASES.map((phase) => clocks[phase]).filter((c): c is FeedbackPhaseClock => c !== undefined);
  if (phases.some((c) => c.late === true)) return { handledAt, dueAt, onTime: false };
  const handled = handle?.completed === true || clocks.reject?.completed === true;
  return { handledAt, dueAt, onTime: handledAt !== null && handled ? true : null };
}
