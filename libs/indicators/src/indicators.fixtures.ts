/**
 * Test fixtures (imported by specs only). Times are written in Vietnam local time.
 */
import type { DossierFact, FeedbackFact } from './facts';

/** `'2025-02-10 09:00'` (local, UTC+7) → Date. */
export function at(local: string): Date {
  const [day, time = '00:00'] = local.split(' ');
  return new Date(`${day}T${time}:00+07:00`);
}

export function fact(code: string, overrides: Partial<DossierFact> = {}): DossierFact {
  return {
    code,
    procedureCode: 'P1',
    field: 'F1',
    agencyCode: 'SKHCN',
    departmentCode: 'D1',
    channel: 'direct',
    receivedAt: at('2025-02-01 08:00'),
    dueAt: at('2025-02-20 17:00'),
    processingEndedAt: null,
    endState: null,
    openPauseStartedAt: null,
    supplementRequests: 0,
    outcome: null,
    processingWorkingMinutes: null,
    paperResult: false,
    eResult: false,
    digitised: false,
    reusedComponent: false,
    feeApplies: false,
    paidOnline: null,
    rating: null,
    hasComplaint: false,
    imported: false,
    ...overrides,
  };
}

export function feedback(overrides: Partial<FeedbackFact> = {}): FeedbackFact {
  return {
    category: 'regulation',
    receivedAt: at('2025-02-01 08:00'),
    handledAt: null,
    dueAt: null,
    onTime: null,
    citizenVerdict: null,
    ...overrides,
  };
}

/**
 * The main fixture, for Q1 2025 = [01/01/2025 00:00, 01/04/2025 00:00) local time.
 * Expected values are worked out by hand in compute.spec.ts.
 */
export const Q1_FACTS: readonly DossierFact[] = [
  // A1: ended in Q1, early; online, paper result with e-result; digitised, reused; fee paid on the national platform.
  fact('A1', {
    channel: 'online',
    receivedAt: at('2025-01-05 08:00'),
    dueAt: at('2025-01-15 17:00'),
    processingEndedAt: at('2025-01-10 10:00'),
    endState: 'result_issued',
    outcome: 'early',
    processingWorkingMinutes: 2400,
    paperResult: true,
    eResult: true,
    digitised: true,
    reusedComponent: true,
    feeApplies: true,
    paidOnline: 'national',
    rating: 'very_satisfied',
  }),
  // A2: ended in Q1 on time; paper result without e-result; fee not paid online; rated dissatisfied.
  fact('A2', {
    receivedAt: at('2025-01-06 08:00'),
    dueAt: at('2025-01-20 17:00'),
    processingEndedAt: at('2025-01-20 16:00'),
    endState: 'returned',
    outcome: 'on_time',
    processingWorkingMinutes: 4800,
    paperResult: true,
    digitised: true,
    feeApplies: true,
    rating: 'dissatisfied',
  }),
  // A3: refused in Q1, late; complaint; P2.
  fact('A3', {
    procedureCode: 'P2',
    receivedAt: at('2025-02-01 08:00'),
    dueAt: at('2025-02-20 17:00'),
    processingEndedAt: at('2025-03-01 09:00'),
    endState: 'refused',
    outcome: 'late',
    processingWorkingMinutes: 7200,
    paperResult: true,
    digitised: true,
    reusedComponent: true,
    hasComplaint: true,
  }),
  // A4: legacy row without a stored outcome; ended before the due time but after two supplementation requests → late.
  fact('A4', {
    procedureCode: 'P2',
    channel: 'postal',
    receivedAt: at('2025-01-15 08:00'),
    dueAt: at('2025-02-20 17:00'),
    processingEndedAt: at('2025-02-10 09:00'),
    endState: 'result_issued',
    supplementRequests: 2,
    processingWorkingMinutes: 1200,
    paperResult: true,
    eResult: true,
    digitised: true,
  }),
  // A5: open at the period end, past due (20/03) → late.
  fact('A5', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-20 17:00'), feeApplies: true }),
  // A6: open, waiting on its single supplementation request since 10/03 (before the due 20/03) → on time;
  //     online but a paper result is due and no e-result → not an online dossier; digitised but not counted in 4.2.
  fact('A6', {
    channel: 'online',
    receivedAt: at('2025-02-20 08:00'),
    dueAt: at('2025-03-20 17:00'),
    openPauseStartedAt: at('2025-03-10 14:00'),
    supplementRequests: 1,
    paperResult: true,
    digitised: true,
    rating: 'satisfied',
  }),
  // A7: open, not yet due (15/04) → on time; online without paper result; paid on the provincial portal.
  fact('A7', {
    channel: 'online',
    receivedAt: at('2025-03-25 08:00'),
    dueAt: at('2025-04-15 17:00'),
    digitised: true,
    reusedComponent: true,
    feeApplies: true,
    paidOnline: 'provincial',
  }),
  // A8: open, not yet due (30/04), but two supplementation requests → late.
  fact('A8', { receivedAt: at('2025-03-02 08:00'), dueAt: at('2025-04-30 17:00'), supplementRequests: 2 }),
  // A9: received in Q4 2024, ended in Q1 on time (carried over): in 2.1, not in the "received" ratios.
  fact('A9', {
    receivedAt: at('2024-12-20 08:00'),
    dueAt: at('2025-01-10 17:00'),
    processingEndedAt: at('2025-01-08 09:00'),
    endState: 'result_issued',
    outcome: 'on_time',
    processingWorkingMinutes: 3000,
    paperResult: true,
    eResult: true,
  }),
  // A10: received and ended in Q4 2024 → in nothing (its dissatisfied rating does not count in Q1).
  fact('A10', {
    receivedAt: at('2024-12-01 08:00'),
    dueAt: at('2024-12-20 17:00'),
    processingEndedAt: at('2024-12-15 09:00'),
    endState: 'result_issued',
    outcome: 'early',
    processingWorkingMinutes: 600,
    rating: 'dissatisfied',
  }),
  // A11: received in Q1, ended late in Q2 (15/04); at the Q1 end it was open and not yet due (10/04) → on time for Q1.
  fact('A11', {
    receivedAt: at('2025-03-15 08:00'),
    dueAt: at('2025-04-10 17:00'),
    processingEndedAt: at('2025-04-15 09:00'),
    endState: 'result_issued',
    outcome: 'late',
    processingWorkingMinutes: 9000,
    digitised: true,
  }),
  // A12: rejected at intake (never received) → in nothing.
  fact('A12', { channel: 'online', receivedAt: null, dueAt: null, endState: 'rejected', digitised: true }),
  // A14: open, procedure without a time limit → on time.
  fact('A14', { receivedAt: at('2025-02-15 08:00'), dueAt: null }),
];

/** Feedback fixture for Q1 2025 (expected values in compute.spec.ts). */
export const Q1_FEEDBACK: readonly FeedbackFact[] = [
  // F1: handled on time, satisfied.
  feedback({ category: 'regulation', receivedAt: at('2025-01-10 08:00'), handledAt: at('2025-01-20 08:00'), onTime: true, citizenVerdict: 'satisfied', departmentCode: 'D1' }),
  // F2: handled late.
  feedback({ category: 'conduct', receivedAt: at('2025-02-01 08:00'), handledAt: at('2025-02-28 08:00'), onTime: false, departmentCode: 'D2' }),
  // F3: on time, citizen dissatisfied.
  feedback({ category: 'regulation', receivedAt: at('2025-03-01 08:00'), handledAt: at('2025-03-10 08:00'), onTime: true, citizenVerdict: 'dissatisfied', departmentCode: 'D1' }),
  // F4: on time, re-complained.
  feedback({ category: 'regulation', receivedAt: at('2025-03-05 08:00'), handledAt: at('2025-03-20 08:00'), onTime: true, citizenVerdict: 'recomplained' }),
  // F5: open at the period end, past due (28/03) → late.
  feedback({ category: 'conduct', receivedAt: at('2025-03-20 08:00'), dueAt: at('2025-03-28 17:00') }),
  // F6: open, not yet due → on time.
  feedback({ category: 'conduct', receivedAt: at('2025-03-25 08:00'), dueAt: at('2025-04-10 17:00') }),
  // F7: received in Q4 2024, handled in Q1 before its due time, no stored onTime → on time (in 5.2/5.3, not in 5.1).
  feedback({ category: 'regulation', receivedAt: at('2024-12-10 08:00'), handledAt: at('2025-01-05 08:00'), dueAt: at('2025-01-06 17:00') }),
  // F8: received and handled in Q4 2024 → in nothing.
  feedback({ category: 'conduct', receivedAt: at('2024-11-01 08:00'), handledAt: at('2024-11-20 08:00'), onTime: false }),
];
