/**
 * What the outbox carries. A message is one delivery on one channel: an e-mail or SMS to the
 * applicant, one DVCQG sync record, one webhook call. Everything here is plain data, stored
 * as JSON in `outbox_message.payload` and read back by the dispatcher after commit.
 */
import type { AddressedNotification } from '../notifications/notification.types';
import type { PortalRecord } from '@motcua/indicators';

export type OutboxChannel = 'email' | 'sms' | 'portal-sync' | 'webhook';
export const OUTBOX_CHANNELS: readonly OutboxChannel[] = ['email', 'sms', 'portal-sync', 'webhook'];

/**
 * pending → delivering (claimed, under lease) → delivered, or back to pending (retry with
 * backoff), or dead after the last attempt. `discarded` is an administrator's decision.
 * `held`: waiting in a restored backup (RESTORE_MODE), so perhaps delivered already by the system
 * that was lost; no dispatcher takes it until an administrator releases it (→ pending) or discards it.
 */
export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'dead' | 'discarded' | 'held';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'delivering', 'delivered', 'dead', 'discarded', 'held'];

/** Notification to the applicant (e-mail address or phone); rendered from `template` + `data` at delivery time. */
export type NotificationPayload = AddressedNotification;

/** One DVCQG sync record (libs/indicators portal-record.ts), queued by PortalRecords. */
export interface PortalSyncPayload {
  record: PortalRecord;
}

/** A webhook call: the JSON body as sent. */
export interface WebhookPayload {
  event: { type: string } & Record<string, unknown>;
}

export type OutboxPayload = NotificationPayload | PortalSyncPayload | WebhookPayload;

/** A message to enqueue, as produced by the pure mapping functions. */
export interface OutboxMessageInput {
  /** The domain event, e.g. `dossier.received`, `dossier.changed`, `deadline.overdue`. */
  topic: string;
  channel: OutboxChannel;
  aggregateType: string;
  aggregateId: string;
  /**
   * The aggregate's version when the message was written. Messages of one aggregate on one
   * channel are delivered in this order (a DVCQG record of version 3 must not overtake version 2).
   */
  aggregateVersion: number;
  /** Unique: writing the same message twice is a no-op; also sent to receivers so they can deduplicate. */
  idempotencyKey: string;
  payload: OutboxPayload;
}
