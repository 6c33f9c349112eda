import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { PortalRecord } from '@motcua/indicators';

/**
 * The last record of a dossier the portal (PORTAL_SYNC_URL) acknowledged: what the Index is
 * computed from on its side. Written by the outbox dispatcher in the transaction that marks the
 * delivery; an older version never replaces a newer one.
 */
@Entity('portal_delivery')
export class PortalDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 48 })
  code!: string;

  @Column({ type: 'integer', name: 'delivered_version' })
  deliveredVersion!: number;

  @Column({ type: 'simple-json' })
  record!: PortalRecord;

  @Column({ type: timestampType(), name: 'delivered_at' })
  deliveredAt!: Date;
}
