/**
 * Shared test fixtures (used by the specs only; not exported from index.ts): a three-step,
 * three-department procedure, the people who work on it, and helpers to drive a dossier
 * through `decide` so every situation a spec starts from is a reachable one.
 */
import { decide, startDossier } from './decide';
import type { Actor, Channel, Decision, DecisionResult, DossierEvent, DossierEventType, PersistedDossier, ProcessingStep, Rejection } from './dossier.types';

export const STEPS: readonly ProcessingStep[] = [
  { key: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 5 },
  { key: 'kiem-tra', name: 'Kiểm tra thực địa', departmentCode: 'PQLCN', role: 'specialist', workingDays: 3 },
  { key: 'phe-duyet', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 2 },
];

function actor(userId: string, roles: Actor['roles'], departmentCode: string | null): Actor {
  return { userId, roles, departmentCode };
}

export const PEOPLE = {
  clerk: actor('clerk', ['clerk'], 'BPMC'),
  specialistKH: actor('specialist-kh', ['specialist'], 'PQLKH'), // handles step 1
  specialistCN: actor('specialist-cn', ['specialist'], 'PQLCN'), // handles step 2
  leaderBGD: actor('leader-bgd', ['leader'], 'BGD'), // handles step 3
  leaderKH: actor('leader-kh', ['leader'], 'PQLKH'), // a leader, but of step 1's department
  specialistBGD: actor('specialist-bgd', ['specialist'], 'BGD'), // step 3's department, not its role
  specialistNoDept: actor('specialist-none', ['specialist'], null),
  clerkAndSpecialistKH: actor('clerk-specialist-kh', ['clerk', 'specialist'], 'PQLKH'),
  admin: actor('admin', ['admin'], 'BGD'),
  reporter: actor('reporter', ['reporter'], 'PQLKH'),
  adminReporter: actor('admin-reporter', ['admin', 'reporter'], 'PQLCN'),
  nobody: actor('nobody', [], 'PQLKH'),
} as const;

/** Handler of each step, by index. */
export const STEP_HANDLERS: readonly Actor[] = [PEOPLE.specialistKH, PEOPLE.specialistCN, PEOPLE.leaderBGD];

/** A valid event of each type, with Vietnamese text where the payload takes some. */
export const SAMPLE_EVENTS: { readonly [T in DossierEventType]: Extract<DossierEvent, { type: T }> } = {
  ACCEPT: { type: 'ACCEPT' },
  REJECT: { type: 'REJECT', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
  COMPLETE_DIGITISATION: { type: 'COMPLETE_DIGITISATION' },
  FORWARD: { type: 'FORWARD', note: 'Đủ điều kiện, chuyển kiểm tra' },
  SEND_BACK: { type: 'SEND_BACK', reason: 'Cần thẩm định lại số liệu' },
  REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao giấy chứng nhận đăng ký' },
  SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED' },
  ISSUE_RESULT: { type: 'ISSUE_RESULT' },
  RETURN_RESULT: { type: 'RETURN_RESULT', method: 'post' },
  REFUSE: { type: 'REFUSE', reason: 'Không đủ điều kiện theo quy định' },
  STOP: { type: 'STOP', reason: 'Theo yêu cầu của cơ quan có thẩm quyền' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'Công dân xin rút hồ sơ' },
  APOLOGISE: { type: 'APOLOGISE', reason: 'Quá hạn do chờ ý kiến liên ngành', newAppointment: '2025-04-15T17:00:00+07:00' },
};

/** Narrows to an accepted decision, failing with the rejection's message otherwise. */
export function expectOk(result: DecisionResult): Decision {
  if (!result.ok) throw new Error(`expected a decision, got ${result.code}: ${result.message}`);
  return result;
}

/** Narrows to a rejection, failing if the event was accepted. */
export function expectRejected(result: DecisionResult): Rejection {
  if (result.ok) throw new Error(`expected a rejection, got ${result.from} -> ${result.to}`);
  return result;
}

export type Move = readonly [DossierEventType, Actor];

/** Starts a dossier on `channel` with STEPS and applies `moves` (sample payloads) through `decide`. */
export function drive(channel: Channel, moves: readonly Move[]): PersistedDossier {
  return moves.reduce(
    (persisted, [type, who]) => expectOk(decide(persisted, SAMPLE_EVENTS[type], who)).snapshot,
    startDossier({ channel, steps: STEPS }).snapshot,
  );
}

// Move sequences to the situations specs start from.
export const TO_PROCESSING_0: readonly Move[] = [['COMPLETE_DIGITISATION', PEOPLE.clerk]];
export const TO_PROCESSING_1: readonly Move[] = [...TO_PROCESSING_0, ['FORWARD', PEOPLE.specialistKH]];
export const TO_PROCESSING_2: readonly Move[] = [...TO_PROCESSING_1, ['FORWARD', PEOPLE.specialistCN]];
