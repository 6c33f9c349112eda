import { EntityManager } from 'typeorm';
import type { PortalRecord } from '@motcua/indicators';
import type { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { rollupFirstDelivery } from '../indicator-rollup/rollup-store';
import { PortalDeliveryEntity } from './portal-delivery.entity';

/** Outbox aggregate of the portal sync: one ordered stream of record versions per dossier. */
export const PORTAL_RECORD_AGGREGATE = 'portal-record';

/**
 * The portal acknowledged a record: remember it as what the portal now holds for the dossier, in
 * the transaction that marks the message delivered. Versions arrive in order per dossier (the
 * outbox's ordering), but an older one never replaces a newer one whatever happens.
 */
export async function recordPortalDelivery(m: EntityManager, message: OutboxMessageEntity, at: Date): Promise<void> {
  if (message.channel !== 'portal-sync' || message.aggregateType !== PORTAL_RECORD_AGGREGATE) return;
  const record = (message.payload as { record: PortalRecord }).record;
  const existing = await m.findOne(PortalDeliveryEntity, { where: { dossierId: message.aggregateId }, select: { dossierId: true, deliveredVersion: true } });
  const row: PortalDeliveryEntity = { dossierId: message.aggregateId, code: record.MaHoSo, deliveredVersion: message.aggregateVersion, record, deliveredAt: at };
  if (!existing) {
    // From now on 1.4 counts the dossier as synchronised: so do the indicator buckets, in this transaction.
    await rollupFirstDelivery(m, message.aggregateId);
    await m.insert(PortalDeliveryEntity, row);
  }
  else if (existing.deliveredVersion < message.aggregateVersion) await m.update(PortalDeliveryEntity, { dossierId: message.aggregateId }, row);
}
