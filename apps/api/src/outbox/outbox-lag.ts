import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { Clock } from '../common/clock';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxLag {
  /**
   * How long the longest-waiting due message has waited for a dispatcher, in seconds (0 when
   * nothing is due). It grows without bound when no dispatcher runs: the readiness signal.
   */
  lagSeconds: number;
  /** Age of the oldest message not delivered yet (pending or delivering, retries included); null when there is none. */
  oldestUndeliveredAgeSeconds: number | null;
  pending: number;
  delivering: number;
  /** Messages that need an administrator (GET /api/admin/outbox?status=dead). */
  dead: number;
}

/**
 * Dispatcher lag, for the readiness-check registry (apps/api/src/health, owned elsewhere):
 * register `OutboxLagProbe.measure` and judge `lagSeconds` against a threshold.
 */
@Injectable()
export class OutboxLagProbe {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
  ) {}

  measure(): Promise<OutboxLag> {
    const now = this.time.now();
    return this.uow.read(async (m) => {
      const undelivered = In(['pending', 'delivering']);
      const due = await m.findOne(OutboxMessageEntity, {
        select: { id: true, nextAttemptAt: true },
        where: { status: undelivered, nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
      });
      const oldest = await m.findOne(OutboxMessageEntity, { select: { id: true, createdAt: true }, where: { status: undelivered }, order: { createdAt: 'ASC' } });
      const counts = await m
        .createQueryBuilder(OutboxMessageEntity, 'o')
        .select('o.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .where('o.status IN (:...statuses)', { statuses: ['pending', 'delivering', 'dead'] })
        .groupBy('o.status')
        .getRawMany<{ status: string; n: string | number }>();
      const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
      const seconds = (from: Date) => Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
      return {
        lagSeconds: due ? seconds(due.nextAttemptAt) : 0,
        oldestUndeliveredAgeSeconds: oldest ? seconds(oldest.createdAt) : null,
        pending: count('pending'),
        delivering: count('delivering'),
        dead: count('dead'),
      };
    });
  }
}
