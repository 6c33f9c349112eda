import { allowedEvents, AssignmentAction, assignmentActions, currentStepIndex, DOSSIER_STATE_LABELS_VI, DossierEventType } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { publicLookupUrl } from '../common/public-lookup-url';
import { lookupCodeOf } from '../common/lookup-code';
import { toActor } from './dossier-access';
import { DossierEntity } from './dossier.entity';

export interface DossierView {
  id: string;
  /**
   * What the dossier is known by now: its receipt code once received, else (an online or postal
   * submission not yet accepted) its submission reference. Use it to quote or look the dossier up.
   */
  code: string;
  /** The receipt code `<agency>-YYMMDD-NNNN`, issued when the dossier is received; `null` before. */
  receiptCode: string | null;
  /** The submission reference `NOP-YYMMDD-XXXX-XXXX` of a dossier that arrived `submitted` (kept after receipt); `null` for counter dossiers. */
  submissionRef: string | null;
  procedureCode: string;
  procedureVersionId: string;
  channel: DossierEntity['channel'];
  state: DossierEntity['state'];
  stateLabel: string;
  version: number;
  currentStep: { index: number; key: string; name: string; departmentCode: string; role: string; count: number } | null;
  /** The person working the dossier at its current step (claim / assign), by full name; null: nobody. */
  assignee: { id: string; fullName: string } | null;
  /** What the calling user may do about who holds it now: claim, release, assign (leader of the step's department). */
  assignmentActions: AssignmentAction[];
  applicant: { fullName: string; idNumber: string; phone: string | null; email: string | null; address: string | null };
  supplementRequests: number;
  submittedAt: string;
  /** When the receipt was issued and the clock started. */
  receivedAt: string | null;
  /** Legal due time: receipt + time limit + supplementation pauses; decides the outcome. */
  dueAt: string | null;
  /** The appointment shown to the applicant (the due time, or the date of an apology letter). */
  appointmentAt: string | null;
  /** True when the due time or the appointment falls in a year without an official holiday notice yet (computed from the statutory rules). */
  provisional: boolean;
  /** Due time of the current step. */
  stepDueAt: string | null;
  /** Start of the supplementation pause in progress. */
  pausedAt: string | null;
  pausedWorkingMinutes: number;
  deadlineStatus: DossierEntity['deadlineStatus'];
  processingEndedAt: string | null;
  outcome: DossierEntity['outcome'];
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Events the calling user may send now. */
  allowedEvents: DossierEventType[];
  /** The applicant's public lookup link (printed as the receipt's QR code); shown to clerks and admins only. */
  publicLookupUrl?: string | null;
  /** The short "Mã tra cứu" printed on the papers (clerks only, like the link). */
  lookupCode?: string;
  outcomeLabel?: string | null;
  rating: DossierEntity['rating'];
  paymentMethod: DossierEntity['paymentMethod'];
  feeApplies: boolean;
  eResult: boolean;
  digitised: boolean;
  imported: boolean;
}

/**
 * `lastOfficialYear`: the last year with an official holiday notice (config/holidays). A due time
 * in a later year is computed from the statutory rules only, so it is flagged `provisional`
 * (issue #12): the Government may still move days off by notice.
 */
/** The year of an instant in Viet Nam (UTC+7, no daylight saving). */
function vnYear(instant: Date): number {
  return new Date(instant.getTime() + 7 * 3600_000).getUTCFullYear();
}

/** `people`: full names by user id, for the assignee (see `assigneeNames`); an unknown id shows as the id. */
export function toDossierView(row: DossierEntity, user: AuthUser, publicBaseUrl?: string, lastOfficialYear?: number, people?: ReadonlyMap<string, string>): DossierView {
  const seesSecret = user.roles.includes('clerk') || user.roles.includes('admin');
  const ctx = row.snapshot.context;
  // Where the dossier sits is the workflow's rule (the step is held while processing or awaiting a supplement of it).
  const stepIndex = currentStepIndex(row.state, ctx);
  const step = stepIndex === null ? null : ctx.steps[stepIndex];
  return {
    id: row.id,
    code: row.code,
    receiptCode: receiptCodeOf(row),
    submissionRef: row.submissionRef,
    procedureCode: row.procedureCode,
    procedureVersionId: row.procedureVersionId,
    channel: row.channel,
    state: row.state,
    stateLabel: DOSSIER_STATE_LABELS_VI[row.state],
    version: row.version,
    currentStep: step && stepIndex !== null ? { index: stepIndex, key: step.key, name: step.name, departmentCode: step.departmentCode, role: step.role, count: ctx.steps.length } : null,
    assignee: row.assigneeId ? { id: row.assigneeId, fullName: people?.get(row.assigneeId) ?? row.assigneeId } : null,
    assignmentActions: row.imported ? [] : assignmentActions(toActor(user), { state: row.state, context: ctx, assigneeId: row.assigneeId }),
    applicant: {
      fullName: row.applicantName,
      idNumber: row.applicantIdNumber,
      phone: row.applicantPhone,
      email: row.applicantEmail,
      address: row.applicantAddress,
    },
    supplementRequests: row.supplementRequests,
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    appointmentAt: iso(row.appointmentAt),
    provisional: lastOfficialYear !== undefined && [row.dueAt, row.appointmentAt].some((d) => d !== null && vnYear(d) > lastOfficialYear),
    stepDueAt: iso(row.stepDueAt),
    pausedAt: iso(row.pausedAt),
    pausedWorkingMinutes: row.pausedMinutes,
    deadlineStatus: row.deadlineStatus,
    processingEndedAt: iso(row.processingEndedAt),
    outcome: row.outcome,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedEvents: row.imported ? [] : allowedEvents(row.snapshot, toActor(user)),
    ...(seesSecret && publicBaseUrl && row.lookupSecret ? { publicLookupUrl: publicLookupUrl(publicBaseUrl, row.code, row.lookupSecret), lookupCode: lookupCodeOf(row.lookupSecret) } : {}),
    rating: row.rating,
    paymentMethod: row.paymentMethod,
    feeApplies: row.feeApplies,
    eResult: row.eResult,
    digitised: row.digitised,
    imported: row.imported,
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** The receipt code, or `null` while the dossier is known only by its submission reference. */
export function receiptCodeOf(row: Pick<DossierEntity, 'code' | 'submissionRef'>): string | null {
  return row.code === row.submissionRef ? null : row.code;
}
