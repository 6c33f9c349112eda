import { readRecord, type DossierFact, type PortalRecord } from '@motcua/indicators';
import type { PortalRecordEntity } from './portal-record.entity';

export type FactColumns = Omit<PortalRecordEntity, 'dossierId' | 'code' | 'recordVersion' | 'record' | 'updatedAt'>;

/**
 * The facts of a record as the columns the indicator SQL reads. The rules need only the first two
 * supplementation requests: a second one before the period end makes the dossier late whatever
 * the dates (DOMAIN.md §1.4, 2.1).
 */
export function factColumns(f: DossierFact): FactColumns {
  const [s1, s2] = f.supplements;
  return {
    procedureCode: f.procedureCode,
    departmentCode: f.departmentCode,
    field: f.field,
    channel: f.channel,
    receivedAt: f.receivedAt,
    appointmentAt: f.appointmentAt,
    processingEndedAt: f.processingEndedAt,
    endState: f.endState,
    s1RequestedAt: s1?.requestedAt ?? null,
    s1CompletedAt: s1?.completedAt ?? null,
    s2RequestedAt: s2?.requestedAt ?? null,
    processingTimeCenti: f.processingTimeCenti,
    processingTimeUnit: f.processingTimeUnit,
    paperResult: f.paperResult,
    eResult: f.eResult,
    digitised: f.digitised,
    reusedComponent: f.reusedComponent,
    fromCitizenStore: f.fromCitizenStore,
    feeBearing: f.feeBearing,
    feesAllZero: f.feesAllZero,
    paidOnline: f.paidOnline,
    rating: f.rating,
    hasComplaint: f.hasComplaint,
    imported: f.imported,
  };
}

/**
 * The fact columns of a record (what `recordRow` writes beside the record). Spelt as a record of
 * every key so the compiler fails when a column is added to the entity and not here: a column left
 * out would silently drop a fact from the indicator rollup.
 */
const FACT_COLUMN_KEYS: Record<keyof FactColumns, true> = {
  procedureCode: true,
  departmentCode: true,
  field: true,
  channel: true,
  receivedAt: true,
  appointmentAt: true,
  processingEndedAt: true,
  endState: true,
  s1RequestedAt: true,
  s1CompletedAt: true,
  s2RequestedAt: true,
  processingTimeCenti: true,
  processingTimeUnit: true,
  paperResult: true,
  eResult: true,
  digitised: true,
  reusedComponent: true,
  fromCitizenStore: true,
  feeBearing: true,
  feesAllZero: true,
  paidOnline: true,
  rating: true,
  hasComplaint: true,
  imported: true,
};
export const FACT_COLUMN_FIELDS = Object.keys(FACT_COLUMN_KEYS) as ReadonlyArray<keyof FactColumns>;

/** The fact columns of a stored record row. */
export function factColumnsOf(row: PortalRecordEntity): FactColumns {
  return Object.fromEntries(FACT_COLUMN_FIELDS.map((f) => [f, row[f]])) as unknown as FactColumns;
}

/** The stored row of a record: the record itself and the facts the indicator SQL reads from it. */
export function recordRow(dossierId: string, record: PortalRecord, agencyCode: string, at: Date): PortalRecordEntity {
  return {
    dossierId,
    code: record.MaHoSo,
    recordVersion: record.PhienBan,
    record,
    ...factColumns(readRecord(record, { agencyCode, synced: false })),
    updatedAt: at,
  };
}
