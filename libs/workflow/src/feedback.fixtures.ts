/**
 * Shared test fixtures for the feedback workflow (used by the specs only; not exported from
 * index.ts): the people who act on feedback assigned to department PQLKH, sample events with
 * Vietnamese text, and helpers that drive a feedback through `decideFeedback`, so every
 * situation a spec starts from is a reachable one.
 */
import { citizenActor } from './feedback.permissions';
import type { Actor } from './dossier.types';
import type {
  FeedbackActor,
  FeedbackDecision,
  FeedbackDecisionResult,
  FeedbackEvent,
  FeedbackEventType,
  FeedbackRejection,
  FeedbackSource,
  PersistedFeedback,
  StartFeedbackInput,
} from './feedback.types';
import { decideFeedback, startFeedback } from './feedback.workflow';

/** Department the sample CLASSIFY assigns. */
export const ASSIGNED = 'PQLKH';

function staff(userId: string, roles: Actor['roles'], departmentCode: string | null): Actor {
  return { userId, roles, departmentCode };
}

export const PEOPLE = {
  clerk: staff('clerk', ['clerk'], 'BPMC'),
  specialistKH: staff('specialist-kh', ['specialist'], ASSIGNED), // the assigned department's specialist
  specialistCN: staff('specialist-cn', ['specialist'], 'PQLCN'), // a specialist of another department
  leaderKH: staff('leader-kh', ['leader'], ASSIGNED), // a leader of the assigned department
  leaderBGD: staff('leader-bgd', ['leader'], 'BGD'), // a leader of the agency's board
  specialistNoDept: staff('specialist-none', ['specialist'], null),
  clerkAndSpecialistKH: staff('clerk-specialist-kh', ['clerk', 'specialist'], ASSIGNED),
  admin: staff('admin', ['admin'], ASSIGNED),
  reporter: staff('reporter', ['reporter'], ASSIGNED),
  nobody: staff('nobody', [], ASSIGNED),
  citizen: citizenActor('PAKN-2025-0001'),
} as const satisfies Record<string, FeedbackActor>;

/** A valid event of each type, with Vietnamese text where the payload takes some. */
export const SAMPLE_EVENTS: { readonly [T in FeedbackEventType]: Extract<FeedbackEvent, { type: T }> } = {
  CLASSIFY: { type: 'CLASSIFY', category: 'regulation', departmentCode: ASSIGNED },
  REJECT: { type: 'REJECT', reason: 'Nội dung không thuộc phạm vi tiếp nhận phản ánh, kiến nghị' },
  REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'Đề nghị cung cấp số hồ sơ và thời điểm nộp' },
  SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED', note: 'Công dân đã bổ sung qua cổng' },
  START_HANDLING: { type: 'START_HANDLING' },
  ANSWER: { type: 'ANSWER', answer: 'Sở đã rà soát quy trình; thời hạn giải quyết được rút ngắn còn 05 ngày làm việc.' },
  PUBLISH: { type: 'PUBLISH' },
  CLOSE: { type: 'CLOSE', reason: 'Công dân rút phản ánh' },
  RATE: { type: 'RATE', verdict: 'dissatisfied' },
};

/** Who sends each sample event in the usual course of things. */
export const USUAL_SENDER: { readonly [T in FeedbackEventType]: FeedbackActor } = {
  CLASSIFY: PEOPLE.clerk,
  REJECT: PEOPLE.clerk,
  REQUEST_SUPPLEMENT: PEOPLE.clerk, // during intake; PEOPLE.specialistKH while handling
  SUPPLEMENT_RECEIVED: PEOPLE.clerk,
  START_HANDLING: PEOPLE.specialistKH,
  ANSWER: PEOPLE.specialistKH,
  PUBLISH: PEOPLE.leaderBGD,
  CLOSE: PEOPLE.leaderBGD,
  RATE: PEOPLE.citizen,
};

/** Narrows to an accepted decision, failing with the rejection's message otherwise. */
export function expectOk(result: FeedbackDecisionResult): FeedbackDecision {
  if (!result.ok) throw new Error(`expected a decision, got ${result.code}: ${result.message}`);
  return result;
}

/** Narrows to a rejection, failing if the event was accepted. */
export function expectRejected(result: FeedbackDecisionResult): FeedbackRejection {
  if (result.ok) throw new Error(`expected a rejection, got ${result.from} -> ${result.to}`);
  return result;
}

export type Move = readonly [FeedbackEventType, FeedbackActor];

export function startInput(source: FeedbackSource): StartFeedbackInput {
  return source === 'dossier' ? { source, dossierCode: 'SKHCN-250303-0042' } : { source };
}

/** Starts a feedback from `source` and applies `moves` (sample payloads) through `decideFeedback`. */
export function drive(moves: readonly Move[], source: FeedbackSource = 'portal'): PersistedFeedback {
  return moves.reduce(
    (persisted, [type, who]) => expectOk(decideFeedback(persisted, SAMPLE_EVENTS[type], who)).snapshot,
    startFeedback(startInput(source)).snapshot,
  );
}

// Move sequences to the situations specs start from.
export const TO_CLASSIFIED: readonly Move[] = [['CLASSIFY', PEOPLE.clerk]];
export const TO_HANDLING: readonly Move[] = [...TO_CLASSIFIED, ['START_HANDLING', PEOPLE.specialistKH]];
export const TO_ANSWERED: readonly Move[] = [...TO_HANDLING, ['ANSWER', PEOPLE.specialistKH]];
export const TO_PUBLISHED: readonly Move[] = [...TO_ANSWERED, ['PUBLISH', PEOPLE.leaderBGD]];
export const PAUSED_AT_INTAKE: readonly Move[] = [['REQUEST_SUPPLEMENT', PEOPLE.clerk]];
export const PAUSED_CLASSIFIED: readonly Move[] = [...TO_CLASSIFIED, ['REQUEST_SUPPLEMENT', PEOPLE.clerk]];
export const PAUSED_IN_HANDLING: readonly Move[] = [...TO_HANDLING, ['REQUEST_SUPPLEMENT', PEOPLE.specialistKH]];
