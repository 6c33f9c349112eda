import type { DeadlineUnit, WorkingCalendar } from '@motcua/calendar';
import type { DossierEffect, ProcessingStep } from '@motcua/workflow';

/**
 * The deadline clock of a dossier, as pure functions of the workflow's effects.
 *
 * Rules (DOMAIN.md §1.4 indicator 2.1 and §2.8, the DVCQG computation; the ND 118/2025
 * wording is UNVERIFIED):
 * - the clock starts at receipt: due = receipt + the procedure's time limit, counted on
 *   the working calendar;
 * - a supplementation request while processing pauses it; the supplement resumes it and
 *   pushes the due time (and the current step's) by the paused *working* time;
 * - more than one supplementation request makes the dossier late for the index;
 * - the outcome is decided once, when processing ends (result issued, refused, stopped,
 *   withdrawn); a dossier ended while waiting for a supplement ends at the request.
 */
export type Outcome = 'early' | 'on_time' | 'late';
export const OUTCOMES: readonly Outcome[] = ['early', 'on_time', 'late'];

export interface OpenStep {
  index: number;
  enteredAt: Date;
  dueAt: Date;
}

export interface ClockState {
  receivedAt: Date | null;
  /** Legal due time: receipt + time limit + paused working time. Decides the outcome. */
  dueAt: Date | null;
  /** The appointment shown to the applicant: `dueAt`, or the date of an apology letter. */
  appointmentAt: Date | null;
  /** Start of the pause in progress (a supplement is awaited), null when running. */
  pausedAt: Date | null;
  /** Working minutes paused so far, all pauses together (each pause rounded to the nearest minute). */
  pausedMinutes: number;
  /** Supplementation requests made while the clock ran (not intake guidance). */
  supplementRequests: number;
  step: OpenStep | null;
  processingEndedAt: Date | null;
  outcome: Outcome | null;
}

/** Facts the adapter stores besides the new state: pause intervals and the step log. */
export type ClockRecord =
  | { kind: 'pause.opened'; startedAt: Date; reason: string }
  | { kind: 'pause.closed'; startedAt: Date; endedAt: Date; workingMinutes: number }
  | { kind: 'step.opened'; index: number; enteredAt: Date; dueAt: Date }
  | { kind: 'step.closed'; index: number; enteredAt: Date; dueAt: Date; leftAt: Date; late: boolean };

export interface ClockInput {
  now: Date;
  calendar: WorkingCalendar;
  /** The procedure's time limit; null when it sets none (no appointment). */
  processingTime: { amount: number; unit: DeadlineUnit } | null;
  steps: readonly ProcessingStep[];
}

export const STOPPED_CLOCK: ClockState = Object.freeze({
  receivedAt: null,
  dueAt: null,
  appointmentAt: null,
  pausedAt: null,
  pausedMinutes: 0,
  supplementRequests: 0,
  step: null,
  processingEndedAt: null,
  outcome: null,
});

/** Applies one transition's effects, in order, to the clock. */
export function advanceClock(state: ClockState, effects: readonly DossierEffect[], input: ClockInput): { state: ClockState; records: ClockRecord[] } {
  let s: ClockState = { ...state };
  const records: ClockRecord[] = [];
  const { now, calendar } = input;

  const closeStep = (leftAt: Date) => {
    if (!s.step) return;
    records.push({ kind: 'step.closed', ...s.step, leftAt, late: leftAt.getTime() > s.step.dueAt.getTime() });
    s = { ...s, step: null };
  };
  const endProcessing = () => {
    if (s.receivedAt === null || s.processingEndedAt !== null) return;
    // Ended while a supplement was awaited: the request time counts as the end (DVCQG rule).
    const end = s.pausedAt ?? now;
    if (s.pausedAt) {
      records.push({ kind: 'pause.closed', startedAt: s.pausedAt, endedAt: now, workingMinutes: 0 });
    }
    closeStep(end);
    s = { ...s, pausedAt: null, processingEndedAt: end, outcome: outcomeOf(end, s.dueAt, s.supplementRequests, calendar) };
  };

  for (const effect of effects) {
    switch (effect.type) {
      case 'dossier.received': {
        const dueAt = input.processingTime ? calendar.dueAt(now, input.processingTime.amount, input.processingTime.unit) : null;
        s = { ...s, receivedAt: now, dueAt, appointmentAt: dueAt };
        break;
      }
      case 'step.entered': {
        closeStep(now);
        const stepDue = calendar.addWorkingDays(now, effect.step.workingDays);
        s = { ...s, step: { index: effect.stepIndex, enteredAt: now, dueAt: stepDue } };
        records.push({ kind: 'step.opened', index: effect.stepIndex, enteredAt: now, dueAt: stepDue });
        break;
      }
      case 'clock.paused':
        s = { ...s, pausedAt: now, supplementRequests: s.supplementRequests + 1 };
        records.push({ kind: 'pause.opened', startedAt: now, reason: effect.reason });
        break;
      case 'clock.resumed': {
        if (!s.pausedAt) break;
        const minutes = pauseMinutes(s.pausedAt, now, calendar);
        const push = (d: Date | null) => (d === null ? null : calendar.addWorkingMinutes(d, minutes));
        records.push({ kind: 'pause.closed', startedAt: s.pausedAt, endedAt: now, workingMinutes: minutes });
        s = {
          ...s,
          pausedAt: null,
          pausedMinutes: s.pausedMinutes + minutes,
          dueAt: push(s.dueAt),
          appointmentAt: push(s.appointmentAt),
          step: s.step ? { ...s.step, dueAt: push(s.step.dueAt)! } : null,
        };
        break;
      }
      case 'apology.recorded':
        s = { ...s, appointmentAt: new Date(effect.newAppointment) };
        break;
      case 'result.issued':
        endProcessing();
        break;
      case 'dossier.ended':
        if (effect.state !== 'returned') endProcessing();
        break;
      default:
        break;
    }
  }
  return { state: s, records };
}

/** Working time of one pause, in whole minutes (nearest), so the stored pause and the shift of the due time stay equal. */
export function pauseMinutes(from: Date, to: Date, calendar: WorkingCalendar): number {
  return Math.round(calendar.workingMinutesBetween(from, to));
}

/** Working time from receipt to the end of processing, supplementation pauses excluded (indicator 2.2); null while open. */
export function processingWorkingMinutes(state: ClockState, calendar: WorkingCalendar): number | null {
  if (state.receivedAt === null || state.processingEndedAt === null) return null;
  return Math.max(0, Math.round(calendar.workingMinutesBetween(state.receivedAt, state.processingEndedAt) - state.pausedMinutes));
}

/**
 * The clock of a dossier known only from its history (an import from the previous
 * system): the appointment given at receipt, the supplementation requests, the end.
 * The same rules as `advanceClock`: closed pauses push the due time, a dossier ended
 * while a request was open ends at the request, more than one request is late.
 */
export function clockFromHistory(
  history: { receivedAt: Date; dueAt: Date; supplements: ReadonlyArray<{ requestedAt: Date; completedAt: Date | null }>; endedAt: Date | null },
  calendar: WorkingCalendar,
): ClockState {
  const closed = history.supplements.filter((p) => p.completedAt !== null);
  const open = history.supplements.find((p) => p.completedAt === null) ?? null;
  const pausedMinutes = closed.reduce((sum, p) => sum + pauseMinutes(p.requestedAt, p.completedAt!, calendar), 0);
  const dueAt = calendar.addWorkingMinutes(history.dueAt, pausedMinutes);
  const processingEndedAt = history.endedAt ? (open ? open.requestedAt : history.endedAt) : null;
  return {
    receivedAt: history.receivedAt,
    dueAt,
    appointmentAt: dueAt,
    pausedAt: !history.endedAt && open ? open.requestedAt : null,
    pausedMinutes,
    supplementRequests: history.supplements.length,
    step: null,
    processingEndedAt,
    outcome: processingEndedAt ? outcomeOf(processingEndedAt, dueAt, history.supplements.length, calendar) : null,
  };
}

/**
 * Early / on time / late. More than one supplementation request is late whatever the
 * dates (DOMAIN.md §1.4, 2.1). Early = finished on a working day before the due day;
 * on time = on the due day, not after the due time. Without a due time (no time limit)
 * a dossier is on time.
 */
export function outcomeOf(end: Date, dueAt: Date | null, supplementRequests: number, calendar: WorkingCalendar): Outcome {
  if (supplementRequests > 1) return 'late';
  if (dueAt === null) return 'on_time';
  if (end.getTime() > dueAt.getTime()) return 'late';
  return calendar.localDay(end) < calendar.localDay(dueAt) ? 'early' : 'on_time';
}

export type DeadlineStatus = 'on_track' | 'due_soon' | 'overdue';

/**
 * Where a running clock stands: overdue past the due time, due soon when at most
 * `dueSoonWorkingMinutes` of working time are left. Null when the clock is not running
 * (not yet received, paused, processing ended) or there is no due time.
 */
export function deadlineStatus(state: ClockState, now: Date, calendar: WorkingCalendar, dueSoonWorkingMinutes: number): DeadlineStatus | null {
  if (state.receivedAt === null || state.dueAt === null || state.pausedAt !== null || state.processingEndedAt !== null) return null;
  if (now.getTime() > state.dueAt.getTime()) return 'overdue';
  return calendar.workingMinutesBetween(now, state.dueAt) <= dueSoonWorkingMinutes ? 'due_soon' : 'on_track';
}

export type ApologyCheck = { ok: true; late: boolean } | { ok: false; code: 'APOLOGY_DATE_INVALID' | 'APOLOGY_NOT_POSSIBLE'; message: string };

/**
 * An apology letter with a new appointment. ND 61/2018 asked for it at least one day before the
 * due time (the ND 118/2025 timing is UNVERIFIED, so the lead time is configuration, default one
 * working day). A letter sent later, even after the due time, is still owed to the applicant: it
 * is accepted and marked `late` (counted in the late-dossier report), never refused. The new
 * appointment must be later than the current one and than now.
 */
export function checkApology(state: ClockState, now: Date, newAppointment: Date, calendar: WorkingCalendar, leadWorkingMinutes: number): ApologyCheck {
  if (state.dueAt === null || state.processingEndedAt !== null) {
    return { ok: false, code: 'APOLOGY_NOT_POSSIBLE', message: 'This dossier has no running deadline to extend' };
  }
  const current = state.appointmentAt ?? state.dueAt;
  if (newAppointment.getTime() <= current.getTime() || newAppointment.getTime() <= now.getTime()) {
    return { ok: false, code: 'APOLOGY_DATE_INVALID', message: 'The new appointment must be later than the current one and in the future' };
  }
  const overdue = now.getTime() >= state.dueAt.getTime();
  const lastMoment = overdue || leadWorkingMinutes === 0 ? state.dueAt : latestBefore(state.dueAt, leadWorkingMinutes, calendar, now);
  return { ok: true, late: now.getTime() >= lastMoment.getTime() };
}

/** The instant `lead` working minutes before `due` (searching forward from `from`). */
function latestBefore(due: Date, lead: number, calendar: WorkingCalendar, from: Date): Date {
  const left = calendar.workingMinutesBetween(from, due);
  if (left <= lead) return from;
  return calendar.addWorkingMinutes(from, left - lead);
}
