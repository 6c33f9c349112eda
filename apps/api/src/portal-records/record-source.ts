import { EntityManager } from 'typeorm';
import { chargesFee } from '@motcua/catalogue';
import type { FactEndState, FactTimeUnit, RecordSource, SourceComponent, SupplementFact } from '@motcua/indicators';
import { DOSSIER_STATE_LABELS_VI, ENDED_WITHOUT_RESULT, RESULT_STATES } from '@motcua/workflow';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierPauseEntity } from '../dossiers/dossier-pause.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { DossierPaymentEntity } from '../payments/dossier-payment.entity';
import { OnlineSubmissionEntity } from '../online-submission/online-submission.entity';
import { PortalInboundEntity } from '../portal-inbound/portal-inbound.entity';

/**
 * The record's unit (DonViTinh) of a procedure's time: its own unit, except that a limit in calendar
 * months is measured in calendar days ("ngày"): the portal's units have no month (wire format
 * UNVERIFIED, DOMAIN.md §1.5), and the elapsed time is counted the same way either way.
 */
const TIME_UNITS: Readonly<Record<string, FactTimeUnit>> = { working_days: 'working_days', working_hours: 'working_hours', calendar_days: 'calendar_days', calendar_months: 'calendar_days' };

/** What the record needs of a procedure version besides the dossier row (versions never change once written). */
export interface VersionFacts {
  nationalCode: string | null;
  feeAmountVnd: number | null;
  feeText: string | null;
  components: ReadonlyArray<{ key: string; name: string; required: boolean }>;
  timeUnit: FactTimeUnit | null;
}

export function versionFacts(v: ProcedureVersionEntity): VersionFacts {
  return {
    nationalCode: typeof v.definition.code === 'string' ? v.definition.code : null,
    feeAmountVnd: v.feeAmountVnd,
    feeText: v.feeText,
    components: v.components,
    timeUnit: (v.processingUnit !== null && Object.hasOwn(TIME_UNITS, v.processingUnit) ? TIME_UNITS[v.processingUnit] : null) ?? null,
  };
}

/**
 * What a dossier's record reads of its row — the one list: `loadRecordSource` sees nothing else of
 * the row, so when none of it changed (and the pauses, files, payment and inbound record did not
 * either) the record cannot have changed and a transition skips the refresh (issue #17).
 */
const RECORD_ROW_FIELDS = [
  'id',
  'procedureVersionId',
  'code',
  'procedureCode',
  'field',
  'departmentCode',
  'state',
  'channel',
  'submittedAt',
  'receivedAt',
  'legalAppointmentAt',
  'appointmentAt',
  'processingEndedAt',
  'finishedAt',
  'resultCode',
  'resultToken',
  'resultLink',
  'paperResult',
  'feeApplies',
  'paymentMethod',
  'imported',
  'digitised',
  'reusedComponent',
  'processingWorkingMinutes',
  'rating',
  'hasComplaint',
] as const satisfies ReadonlyArray<keyof DossierEntity>;

export type RecordRow = Pick<DossierEntity, (typeof RECORD_ROW_FIELDS)[number]> & {
  /** An apology letter moved the appointment (the record then shows it as NgayHenTraMoi). */
  apologised: boolean;
};

export function recordRowOf(row: DossierEntity): RecordRow {
  const out = { apologised: row.snapshot.context.apologised === true } as Record<string, unknown>;
  for (const key of RECORD_ROW_FIELDS) out[key] = row[key];
  return out as RecordRow;
}

/** Same inputs for the record (instants compared by value). */
export function sameRecordRow(a: RecordRow, b: RecordRow): boolean {
  return (['apologised', ...RECORD_ROW_FIELDS] as const).every((key) => {
    const [x, y] = [a[key], b[key]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

export interface SourceSettings {
  /** Base of the result's public link; the token follows. */
  resultLinkBaseUrl: string;
  now: Date;
}

/**
 * Everything a dossier's portal record is made of, read in the caller's transaction: the row, its
 * supplementation pauses, component files and payment, and its procedure version's facts.
 */
export async function loadRecordSource(m: EntityManager, row: RecordRow, version: VersionFacts, settings: SourceSettings): Promise<Omit<RecordSource, 'version'>> {
  const pauses = await m.find(DossierPauseEntity, { where: { dossierId: row.id }, order: { startedAt: 'ASC' } });
  const files = row.imported ? [] : await m.find(DossierFileEntity, { where: { dossierId: row.id, purpose: 'component' }, select: { componentKey: true, reusedFrom: true } });
  const payment = row.feeApplies ? await m.findOne(DossierPaymentEntity, { where: { dossierId: row.id }, select: { amountVnd: true } }) : null;
  const feeBearing = chargesFee({ amountVnd: version.feeAmountVnd, text: version.feeText });
  const amount = payment?.amountVnd ?? version.feeAmountVnd;
  const vneid = row.channel === 'online' ? await signedIn(m, row.id) : false;
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    nationalProcedureCode: version.nationalCode,
    field: row.field ?? '',
    departmentCode: row.departmentCode ?? '',
    state: row.state,
    stateLabelVi: DOSSIER_STATE_LABELS_VI[row.state],
    channel: row.channel,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    appointmentAt: row.legalAppointmentAt,
    apologyAppointmentAt: row.apologised ? row.appointmentAt : null,
    ended: endOf(row),
    returnedAt: row.state === 'returned' ? row.finishedAt : null,
    supplements: supplementsOf(pauses, row),
    result: resultOf(row, settings.resultLinkBaseUrl),
    resultPushedToStore: false,
    paperResult: row.paperResult,
    feeBearing,
    fees: feeBearing && amount !== null ? [{ name: version.feeText ?? 'Phí, lệ phí', amountVnd: amount }] : [],
    paidOnline: row.paymentMethod === 'national_portal' ? 'national' : row.paymentMethod === 'provincial_portal' || row.paymentMethod === 'online_unspecified' ? 'provincial' : null,
    components: componentsOf(row, version, files),
    vneid,
    timeUnit: version.timeUnit,
    processingWorkingMinutes: row.processingWorkingMinutes,
    rating: row.rating,
    hasComplaint: row.hasComplaint,
    imported: row.imported,
    updatedAt: settings.now,
  };
}

/**
 * TaiKhoanDuocXacThucVoiVNeID: the citizen signed in — on the national portal (its forwarded record
 * says so), or with the identity provider on our own online submission page (apps/api/src/identity).
 * Both are written when the dossier is created and never change (so the row's fields above suffice).
 */
async function signedIn(m: EntityManager, dossierId: string): Promise<boolean> {
  const inbound = await m.findOne(PortalInboundEntity, { where: { dossierId }, select: { vneidVerified: true } });
  if (inbound) return inbound.vneidVerified;
  const submission = await m.findOne(OnlineSubmissionEntity, { where: { dossierId }, select: { identityVerified: true } });
  return submission?.identityVerified ?? false;
}

/** MaKetQua and DuongDanTepTinKetQua: our public link by token, or the link an import brought. */
function resultOf(row: RecordRow, base: string): RecordSource['result'] {
  if (!row.resultCode) return null;
  if (row.resultToken) return { code: row.resultCode, link: `${base}/${row.resultToken}` };
  return row.resultLink ? { code: row.resultCode, link: row.resultLink } : null;
}

/** The state that ended processing and its actual time (a result: when it was issued; otherwise when the dossier closed). */
function endOf(row: RecordRow): RecordSource['ended'] {
  if (RESULT_STATES.includes(row.state) && row.processingEndedAt) return { at: row.processingEndedAt, state: row.state as FactEndState };
  if (ENDED_WITHOUT_RESULT.includes(row.state)) {
    const at = row.finishedAt ?? row.processingEndedAt;
    return at ? { at, state: row.state as FactEndState } : null;
  }
  return null;
}

/**
 * The supplementation requests of processing, in order. The clock closes a pause still open when
 * processing ends (the end then counts from the request, libs/deadlines); the applicant never
 * supplemented, so the record shows that request as never completed.
 */
function supplementsOf(pauses: readonly DossierPauseEntity[], row: RecordRow): SupplementFact[] {
  return pauses.map((p, i) => {
    const closedByEnd = i === pauses.length - 1 && row.processingEndedAt !== null && p.startedAt.getTime() === row.processingEndedAt.getTime();
    return { requestedAt: p.startedAt, completedAt: closedByEnd ? null : p.endedAt };
  });
}

/**
 * TaiLieuNop: every required component of the procedure, and optional ones that were submitted.
 * A live dossier's component is digitised when a file is attached (scanned or reused); an imported
 * one carries the previous system's dossier-level flag on its required components.
 */
function componentsOf(row: RecordRow, version: VersionFacts, files: ReadonlyArray<Pick<DossierFileEntity, 'componentKey' | 'reusedFrom'>>): SourceComponent[] {
  const out: SourceComponent[] = [];
  for (const c of version.components) {
    const mine = files.filter((f) => f.componentKey === c.key);
    if (!c.required && (row.imported || mine.length === 0)) continue;
    out.push({
      key: c.key,
      name: c.name,
      required: c.required,
      digitised: row.imported ? row.digitised : mine.length > 0,
      reused: row.imported ? row.reusedComponent : mine.some((f) => f.reusedFrom !== null),
      fromCitizenStore: false,
    });
  }
  return out;
}
