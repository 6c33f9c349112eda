import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IndexOptions } from 'typeorm/decorator/options/IndexOptions';
import { timestampType } from '@motcua/persistence';
import type { FactEndState, FactRating, FactTimeUnit, PortalRecord } from '@motcua/indicators';

/**
 * The current portal record of a dossier (libs/indicators `projectRecord`) and, as columns, the
 * facts the indicator rules read from it (`readRecord`): the indicator SQL reads this table and
 * nothing else about dossiers. Written only by PortalRecords.refresh, in the transaction of the
 * change the record reports.
 */
@Entity('portal_record')
@Index('ix_portal_record_procedure', ['procedureCode', 'receivedAt'])
// Covering indexes of the report (dialect-specific migration, INCLUDE on PostgreSQL): by receipt (2.2, 1.4),
// by end of processing (the scope), and the partial one for runs over 60 days.
@Index('ix_portal_record_received', ['receivedAt'], { synchronize: false } as IndexOptions)
// Covering index of the report and its partial sibling for runs over 60 days (dialect-specific migration).
@Index('ix_portal_record_facts', ['processingEndedAt', 'receivedAt'], { synchronize: false } as IndexOptions)
@Index('ix_portal_record_long_running', ['processingEndedAt', 'receivedAt'], { synchronize: false } as IndexOptions)
export class PortalRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 48 })
  code!: string;

  /** PhienBan: incremented each time the record's content changes. */
  @Column({ type: 'integer', name: 'record_version' })
  recordVersion!: number;

  @Column({ type: 'simple-json' })
  record!: PortalRecord;

  @Column({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 255 })
  field!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ type: timestampType(), name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column({ type: timestampType(), name: 'appointment_at', nullable: true })
  appointmentAt!: Date | null;

  @Column({ type: timestampType(), name: 'processing_ended_at', nullable: true })
  processingEndedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, name: 'end_state', nullable: true })
  endState!: FactEndState | null;

  /** The first two supplementation requests: all the 2.1 rule needs (a second one makes the dossier late). */
  @Column({ type: timestampType(), name: 's1_requested_at', nullable: true })
  s1RequestedAt!: Date | null;

  @Column({ type: timestampType(), name: 's1_completed_at', nullable: true })
  s1CompletedAt!: Date | null;

  @Column({ type: timestampType(), name: 's2_requested_at', nullable: true })
  s2RequestedAt!: Date | null;

  @Column({ type: 'integer', name: 'processing_time_centi', nullable: true })
  processingTimeCenti!: number | null;

  @Column({ type: 'varchar', length: 16, name: 'processing_time_unit', nullable: true })
  processingTimeUnit!: FactTimeUnit | null;

  @Column({ type: 'boolean', name: 'paper_result', default: false })
  paperResult!: boolean;

  @Column({ type: 'boolean', name: 'e_result', default: false })
  eResult!: boolean;

  @Column({ type: 'boolean', default: false })
  digitised!: boolean;

  @Column({ type: 'boolean', name: 'reused_component', default: false })
  reusedComponent!: boolean;

  @Column({ type: 'boolean', name: 'from_citizen_store', default: false })
  fromCitizenStore!: boolean;

  @Column({ type: 'boolean', name: 'fee_bearing', default: false })
  feeBearing!: boolean;

  @Column({ type: 'boolean', name: 'fees_all_zero', default: false })
  feesAllZero!: boolean;

  @Column({ type: 'varchar', length: 12, name: 'paid_online', nullable: true })
  paidOnline!: 'national' | 'provincial' | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  rating!: FactRating | null;

  @Column({ type: 'boolean', name: 'has_complaint', default: false })
  hasComplaint!: boolean;

  @Column({ type: 'boolean', default: false })
  imported!: boolean;

  @Column({ type: timestampType(), name: 'updated_at' })
  updatedAt!: Date;
}
