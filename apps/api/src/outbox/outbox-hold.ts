import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { OutboxActionEntity } from './outbox-action.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/** The actor recorded for the restore step's holds (no person does it: `main.js migrate` with RESTORE_MODE=on). */
export const RESTORE_ACTOR = { id: 'system', username: 'restore' } as const;

/**
 * After a backup is restored, every message that was still waiting in it (pending, or claimed by a
 * worker of the lost system) may have been delivered by that system after the backup was taken:
 * sending it again would e-mail citizens twice and send the portal duplicate records. So each is
 * held, with its audit row, until an administrator releases or discards it
 * (POST /api/admin/outbox/release-held | discard-held, or one by one). Run inside a transaction.
 */
export async function holdWaitingMessages(m: EntityManager, now: Date): Promise<number> {
  const waiting = await m.find(OutboxMessageEntity, {
    select: { id: true, status: true, attempts: true, lastError: true },
    where: { status: In(['pending', 'delivering']) },
  });
  if (waiting.length === 0) return 0;
  for (let i = 0; i < waiting.length; i += 500) {
    const chunk = waiting.slice(i, i + 500);
    await m.update(OutboxMessageEntity, { id: In(chunk.map((w) => w.id)) }, { status: 'held', lockedBy: null, lockedUntil: null });
    await m.insert(
      OutboxActionEntity,
      chunk.map((w) => ({
        id: randomUUID(),
        messageId: w.id,
        action: 'hold' as const,
        fromStatus: w.status,
        previousAttempts: w.attempts,
        previousError: w.lastError,
        actorId: RESTORE_ACTOR.id,
        actorUsername: RESTORE_ACTOR.username,
        occurredAt: now,
      })),
    );
  }
  return waiting.length;
}
