import { vietnamDay } from '@motcua/calendar';
import type { Handover } from '@motcua/documents';
import type { DossierEventEntity } from '../dossiers/dossier-event.entity';

/** The early / on-time / late words of the forms. */
export const OUTCOME_VI: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

export interface HandoverNames {
  /** The unit of a step, or the receiving centre for `null` (the counter). */
  unit(stepIndex: number | null): string;
  /** An official's printed name (full name, title). */
  person(event: DossierEventEntity): string;
  applicant: string;
}

const TO_APPLICANT = new Set(['RETURN_RESULT', 'REQUEST_SUPPLEMENT']);
const FROM_APPLICANT = new Set(['SUPPLEMENT_RECEIVED']);

/**
 * The hand-overs of a dossier (Phiếu kiểm soát), from its history in order: every move from one
 * unit to another (the counter to a department, step to step, back to the counter), the request
 * for and the receipt of a supplement, and the return of the result. The receiver is the person
 * who acted next (unknown while nobody has). The result is the closed step's against its own time limit.
 */
export function handoversOf(events: readonly DossierEventEntity[], names: HandoverNames): Handover[] {
  const out: Handover[] = [];
  events.forEach((e, i) => {
    const moved = e.stepFrom !== e.stepTo && (e.stepFrom !== null || e.stepTo !== null);
    if (!moved && !TO_APPLICANT.has(e.type) && !FROM_APPLICANT.has(e.type)) return;
    if (e.type === 'CREATE' || e.type === 'ACCEPT') return;
    const next = events[i + 1];
    const toApplicant = TO_APPLICANT.has(e.type);
    const fromApplicant = FROM_APPLICANT.has(e.type);
    const details = (e.details ?? {}) as { closedSteps?: Array<{ dueAt: string; leftAt: string; late: boolean }>; outcome?: string };
    const closed = details.closedSteps?.[0];
    const reason = typeof e.payload.reason === 'string' ? e.payload.reason : '';
    const note = [
      e.type === 'REQUEST_SUPPLEMENT' ? `Yêu cầu bổ sung: ${reason}` : '',
      e.type === 'SEND_BACK' ? `Trả lại: ${reason}` : '',
      fromApplicant ? 'Nhận hồ sơ bổ sung' : '',
      e.type === 'RETURN_RESULT' ? 'Trả kết quả cho người nộp' : '',
      details.outcome ? `Hồ sơ: ${OUTCOME_VI[details.outcome] ?? details.outcome}` : '',
    ].filter(Boolean);
    out.push({
      fromUnit: fromApplicant ? 'Người nộp hồ sơ' : names.unit(e.stepFrom),
      fromPerson: fromApplicant ? names.applicant : names.person(e),
      toUnit: toApplicant ? 'Người nộp hồ sơ' : names.unit(e.stepTo),
      ...(toApplicant ? { toPerson: names.applicant } : next ? { toPerson: names.person(next) } : fromApplicant ? { toPerson: names.person(e) } : {}),
      at: e.occurredAt,
      ...(closed ? { result: closed.late ? 'Quá hạn' : vietnamDay(new Date(closed.leftAt)) < vietnamDay(new Date(closed.dueAt)) ? 'Trước hạn' : 'Đúng hạn' } : {}),
      ...(note.length ? { note: note.join('; ') } : {}),
    });
  });
  return out;
}
