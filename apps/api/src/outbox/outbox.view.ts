import { OutboxActionEntity } from './outbox-action.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxPayload, OutboxStatus } from './outbox.types';

/** A message in the administrators' list; the payload (the applicant's address, the record) only in the detail. */
export interface OutboxMessageSummary {
  id: string;
  topic: string;
  channel: OutboxMessageEntity['channel'];
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface OutboxMessageDetail extends OutboxMessageSummary {
  payload: OutboxPayload;
  actions: Array<{
    action: OutboxActionEntity['action'];
    fromStatus: OutboxStatus;
    previousAttempts: number;
    previousError: string | null;
    reason: string | null;
    actorUsername: string;
    /** The administrator's full name (null for the restore step, actor `system`). */
    actorFullName: string | null;
    occurredAt: string;
  }>;
}

export function toSummary(row: OutboxMessageEntity): OutboxMessageSummary {
  const waiting = row.status === 'pending' || row.status === 'delivering';
  return {
    id: row.id,
    topic: row.topic,
    channel: row.channel,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    aggregateVersion: row.aggregateVersion,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    attempts: row.attempts,
    // Meaningless once the message is settled.
    nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
    lockedBy: row.lockedBy,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

export function toDetail(row: OutboxMessageEntity, actions: OutboxActionEntity[], fullNames: ReadonlyMap<string, string> = new Map()): OutboxMessageDetail {
  return {
    ...toSummary(row),
    payload: row.payload,
    actions: actions.map((a) => ({
      action: a.action,
      fromStatus: a.fromStatus,
      previousAttempts: a.previousAttempts,
      previousError: a.previousError,
      reason: a.reason,
      actorUsername: a.actorUsername,
      actorFullName: fullNames.get(a.actorId) ?? null,
      occurredAt: a.occurredAt.toISOString(),
    })),
  };
}
