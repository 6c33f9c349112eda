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

/** The fact columns of a record (what `recordRow` writes beside the record). */
export const FACT_COLUMN_FIELDS: ReadonlyArray<keyof FactColumns> = [
  'procedureCode',
  'departmentCode',
  'field',
  'channel',
  'receivedAt',
  'appointmentAt',
  'processingEndedAt',
  'endState',
  's1RequestedAt',
  's1CompletedAt',
  's2RequestedAt',
  'processingTimeCenti',
  'processingTimeUnit',
  'paperResult',
  'eResult',
  'digitised',
  'reusedComponent',
  'fromCitizenStore',
  'feeBearing',
  'feesAllZero',
  'paidOnline',
  'rating',
  'hasComplaint',
  'imported',
];

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
