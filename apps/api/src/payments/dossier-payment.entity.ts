import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * How a dossier's fee was paid. DVCQG's DuocThanhToanTrucTuyen: 1 = through the national
 * payment platform, 2 = through the ministry's/province's own portal (DOMAIN.md §4, indicator 3.6).
 */
export type PaymentMethod = 'counter' | 'national_portal' | 'provincial_portal' | 'online_unspecified';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['counter', 'national_portal', 'provincial_portal', 'online_unspecified'];
export const ONLINE_PAYMENT_METHODS: readonly PaymentMethod[] = ['national_portal', 'provincial_portal', 'online_unspecified'];

@Entity('dossier_payment')
@Index('uq_dossier_payment_dossier', ['dossierId'], { unique: true })
export class DossierPaymentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 24 })
  method!: PaymentMethod;

  @Column({ type: 'integer', name: 'amount_vnd', nullable: true })
  amountVnd!: number | null;

  @Column({ type: timestampType(), name: 'paid_at' })
  paidAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'recorded_by' })
  recordedBy!: string;

  @Column({ type: timestampType(), name: 'recorded_at' })
  recordedAt!: Date;
}
