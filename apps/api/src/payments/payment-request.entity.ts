import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** Which platform took the money: DuocThanhToanTrucTuyen 1 = DVCQG payment platform, 2 = the province's or ministry's (DOMAIN.md §1.5, indicator 3.6). */
export type PaymentPlatform = 'national_portal' | 'provincial_portal';
export const PLATFORM_BY_CHANNEL_CODE: Readonly<Record<number, PaymentPlatform>> = { 1: 'national_portal', 2: 'provincial_portal' };

/**
 * What a fee-bearing dossier asks the citizen to pay online: one per dossier. Its id is the
 * reference the payment platform gets and sends back in its notification.
 */
@Entity('payment_request')
@Index('ux_payment_request_dossier', ['dossierId'], { unique: true })
@Index('ux_payment_request_transaction', ['transactionId'], { unique: true })
export class PaymentRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'integer', name: 'amount_vnd' })
  amountVnd!: number;

  @Column({ type: 'varchar', length: 12 })
  state!: 'pending' | 'paid';

  @Column({ type: 'varchar', length: 24, nullable: true })
  platform!: PaymentPlatform | null;

  /** The platform's transaction id: a notification is applied once per transaction. */
  @Column({ type: 'varchar', length: 100, name: 'transaction_id', nullable: true })
  transactionId!: string | null;

  @Column({ type: timestampType(), name: 'paid_at', nullable: true })
  paidAt!: Date | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
