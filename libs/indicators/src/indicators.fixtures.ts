/**
 * Test fixtures (imported by specs only). Times are written in Vietnam local time.
 */
import type { DossierFact, FeedbackFact, SupplementFact } from './facts';
import type { PortalRecord } from './portal-record';
import { projectRecord, type RecordSource } from './project-record';
import { readRecord } from './read-record';

/** `'2025-02-10 09:00'` (local, UTC+7) → Date. */
export function at(local: string): Date {
  const [day, time = '00:00'] = local.split(' ');
  return new Date(`${day}T${time}:00+07:00`);
}

/** Supplementation requests from local times: `req('2025-03-10 14:00', null)`. */
export function req(requested: string, completed: string | null = null): SupplementFact {
  return { requestedAt: at(requested), completedAt: completed === null ? null : at(completed) };
}

/** Processing time in working days, as the record carries it (hundredths). */
export function days(n: number): Pick<DossierFact, 'processingTimeCenti' | 'processingTimeUnit'> {
  return { processingTimeCenti: Math.round(n * 100), processingTimeUnit: 'working_days' };
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
    appointmentAt: at('2025-02-20 17:00'),
    processingEndedAt: null,
    endState: null,
    supplements: [],
    processingTimeCenti: null,
    processingTimeUnit: null,
    paperResult: false,
    eResult: false,
    digitised: false,
    reusedComponent: false,
    fromCitizenStore: false,
    feeBearing: false,
    feesAllZero: false,
    paidOnline: null,
    rating: null,
    hasComplaint: false,
    imported: false,
    synced: true,
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
    appointmentAt: at('2025-01-15 17:00'),
    processingEndedAt: at('2025-01-10 10:00'),
    endState: 'result_issued',
    ...days(5),
    paperResult: true,
    eResult: true,
    digitised: true,
    reusedComponent: true,
    feeBearing: true,
    paidOnline: 'national',
    rating: 'very_satisfied',
  }),
  // A2: ended in Q1 on time; paper result without e-result; fee not paid online; rated dissatisfied.
  fact('A2', {
    receivedAt: at('2025-01-06 08:00'),
    appointmentAt: at('2025-01-20 17:00'),
    processingEndedAt: at('2025-01-20 16:00'),
    endState: 'returned',
    ...days(10),
    paperResult: true,
    digitised: true,
    feeBearing: true,
    rating: 'dissatisfied',
  }),
  // A3: refused in Q1 after its appointment → late; complaint; P2; no result, so 4.2 does not ask for an e-result.
  fact('A3', {
    procedureCode: 'P2',
    receivedAt: at('2025-02-01 08:00'),
    appointmentAt: at('2025-02-20 17:00'),
    processingEndedAt: at('2025-03-01 09:00'),
    endState: 'refused',
    ...days(15),
    paperResult: true,
    digitised: true,
    reusedComponent: true,
    hasComplaint: true,
  }),
  // A4: ended before the appointment but after two supplementation requests → late.
  fact('A4', {
    procedureCode: 'P2',
    channel: 'postal',
    receivedAt: at('2025-01-15 08:00'),
    appointmentAt: at('2025-02-20 17:00'),
    processingEndedAt: at('2025-02-10 09:00'),
    endState: 'result_issued',
    supplements: [req('2025-01-20 08:00', '2025-01-25 08:00'), req('2025-02-01 08:00', '2025-02-05 08:00')],
    ...days(2.5),
    paperResult: true,
    eResult: true,
    digitised: true,
  }),
  // A5: open at the period end, past due (20/03) → late.
  fact('A5', { receivedAt: at('2025-03-01 08:00'), appointmentAt: at('2025-03-20 17:00'), feeBearing: true }),
  // A6: open, waiting on its single supplementation request since 10/03 (before the appointment 20/03) → on time;
  //     online, a paper result is due but none was issued by the period end → still an online dossier, counted in 4.2.
  fact('A6', {
    channel: 'online',
    receivedAt: at('2025-02-20 08:00'),
    appointmentAt: at('2025-03-20 17:00'),
    supplements: [req('2025-03-10 14:00')],
    paperResult: true,
    digitised: true,
    rating: 'satisfied',
  }),
  // A7: open, not yet due (15/04) → on time; online without paper result; paid on the provincial portal; a component from the citizen's store.
  fact('A7', {
    channel: 'online',
    receivedAt: at('2025-03-25 08:00'),
    appointmentAt: at('2025-04-15 17:00'),
    digitised: true,
    reusedComponent: true,
    fromCitizenStore: true,
    feeBearing: true,
    paidOnline: 'provincial',
  }),
  // A8: open, not yet due (30/04), but two supplementation requests → late.
  fact('A8', { receivedAt: at('2025-03-02 08:00'), appointmentAt: at('2025-04-30 17:00'), supplements: [req('2025-03-05 08:00', '2025-03-08 08:00'), req('2025-03-15 08:00')] }),
  // A9: received in Q4 2024, ended in Q1 on time (carried over): in 2.1, not in the "received" ratios.
  fact('A9', {
    receivedAt: at('2024-12-20 08:00'),
    appointmentAt: at('2025-01-10 17:00'),
    processingEndedAt: at('2025-01-08 09:00'),
    endState: 'result_issued',
    ...days(6.25),
    paperResult: true,
    eResult: true,
  }),
  // A10: received and ended in Q4 2024 → in nothing (its dissatisfied rating does not count in Q1).
  fact('A10', {
    receivedAt: at('2024-12-01 08:00'),
    appointmentAt: at('2024-12-20 17:00'),
    processingEndedAt: at('2024-12-15 09:00'),
    endState: 'result_issued',
    ...days(1.25),
    rating: 'dissatisfied',
  }),
  // A11: received in Q1, ended late in Q2 (15/04); at the Q1 end it was open and not yet due (10/04) → on time for Q1.
  fact('A11', {
    receivedAt: at('2025-03-15 08:00'),
    appointmentAt: at('2025-04-10 17:00'),
    processingEndedAt: at('2025-04-15 09:00'),
    endState: 'result_issued',
    ...days(18.75),
    digitised: true,
  }),
  // A12: rejected at intake (never received) → in nothing.
  fact('A12', { channel: 'online', receivedAt: null, appointmentAt: null, endState: 'rejected', digitised: true }),
  // A14: open, procedure without a time limit → on time.
  fact('A14', { receivedAt: at('2025-02-15 08:00'), appointmentAt: null }),
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

/** A record source (what the system stores about one dossier) for the record-level specs. */
export function source(overrides: Partial<RecordSource> = {}): RecordSource {
  return {
    code: 'SKHCN-250301-0001',
    procedureCode: 'P1',
    nationalProcedureCode: '1.000001',
    field: 'F1',
    departmentCode: 'D1',
    version: 1,
    state: 'processing',
    stateLabelVi: 'Đang xử lý',
    channel: 'direct',
    submittedAt: at('2025-03-01 08:00'),
    receivedAt: at('2025-03-01 08:00'),
    appointmentAt: at('2025-03-20 17:00'),
    apologyAppointmentAt: null,
    ended: null,
    returnedAt: null,
    supplements: [],
    result: null,
    resultPushedToStore: false,
    paperResult: false,
    feeBearing: false,
    fees: [],
    paidOnline: null,
    components: [{ key: 'don', name: 'Đơn đề nghị', required: true, digitised: true, reused: false, fromCitizenStore: false }],
    vneid: false,
    timeUnit: 'working_days',
    processingWorkingMinutes: null,
    rating: null,
    hasComplaint: false,
    imported: false,
    updatedAt: at('2025-03-01 08:00'),
    ...overrides,
  };
}

/** The facts the rules see for a source: projected to a record, through JSON (as sent), and read back. */
export function viaRecord(s: RecordSource, synced = true): DossierFact {
  return readRecord(JSON.parse(JSON.stringify(projectRecord(s))) as PortalRecord, { agencyCode: 'SKHCN', synced });
}
