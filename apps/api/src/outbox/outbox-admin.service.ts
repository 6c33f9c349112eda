import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { UserEntity } from '../users/user.entity';
import { type OutboxAction, OutboxActionEntity } from './outbox-action.entity';
import { ListOutboxQuery } from './outbox-admin.dto';
import { OutboxStateError } from './outbox-errors';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OUTBOX_STATUSES, type OutboxStatus } from './outbox.types';
import { OutboxMessageDetail, OutboxMessageSummary, toDetail, toSummary } from './outbox.view';

/** Administrators change status and scheduling, never the payload. */
type StatusPatch = Omit<Partial<OutboxMessageEntity>, 'payload' | 'id'>;

const DISCARD: StatusPatch = { status: 'discarded', lockedBy: null, lockedUntil: null };

/** What a decision on held messages did: which messages, by id. */
export interface HeldDecision {
  action: OutboxAction;
  count: number;
  ids: string[];
}

export interface OutboxList {
  items: OutboxMessageSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Messages per status in the whole outbox (filters aside), e.g. how many are dead. */
  counts: Record<OutboxStatus, number>;
}

/** What administrators see of the outbox and may do with it; each action is one transaction with its audit row. */
@Injectable()
export class OutboxAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
  ) {}

  list(q: ListOutboxQuery): Promise<OutboxList> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const where: FindOptionsWhere<OutboxMessageEntity> = {
      ...(q.status ? { status: q.status } : {}),
      ...(q.topic ? { topic: q.topic } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.aggregateId ? { aggregateId: q.aggregateId } : {}),
    };
    return this.uow.read(async (m) => {
      const [rows, total] = await m.findAndCount(OutboxMessageEntity, { where, order: { createdAt: 'DESC', id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
      const grouped = await m
        .createQueryBuilder(OutboxMessageEntity, 'o')
        .select('o.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .groupBy('o.status')
        .getRawMany<{ status: OutboxStatus; n: string | number }>();
      const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, Number(grouped.find((g) => g.status === s)?.n ?? 0)])) as Record<OutboxStatus, number>;
      return { items: rows.map(toSummary), total, page, pageSize, counts };
    });
  }

  get(id: string): Promise<OutboxMessageDetail> {
    return this.uow.read((m) => this.detail(m, id));
  }

  /** A dead message gets a fresh set of attempts, due now. */
  retry(user: AuthUser, id: string, reason?: string): Promise<OutboxMessageDetail> {
    return this.act(user, id, 'retry', ['dead'], { status: 'pending', attempts: 0, nextAttemptAt: this.time.now(), lockedBy: null, lockedUntil: null }, reason);
  }

  /** An administrator gives up on a message that is waiting, held or dead (e.g. an address that cannot be right); it is kept, not deleted. */
  discard(user: AuthUser, id: string, reason?: string): Promise<OutboxMessageDetail> {
    return this.act(user, id, 'discard', ['pending', 'dead', 'held'], DISCARD, reason);
  }

  /** A message held after a restore, which the administrator judged was not delivered before the failure: due now, a fresh set of attempts. */
  release(user: AuthUser, id: string): Promise<OutboxMessageDetail> {
    return this.act(user, id, 'release', ['held'], this.releasePatch());
  }

  /** Releases every held message, or those of `ids` that are held; one transaction, one audit row each. */
  releaseHeld(user: AuthUser, ids?: string[]): Promise<HeldDecision> {
    return this.decideHeld(user, 'release', this.releasePatch(), ids);
  }

  /** Discards every held message, or those of `ids` that are held (delivered before the failure, by the administrator's judgement). */
  discardHeld(user: AuthUser, ids?: string[]): Promise<HeldDecision> {
    return this.decideHeld(user, 'discard', DISCARD, ids);
  }

  private releasePatch(): StatusPatch {
    return { status: 'pending', attempts: 0, nextAttemptAt: this.time.now(), lockedBy: null, lockedUntil: null };
  }

  private decideHeld(user: AuthUser, action: OutboxAction, patch: StatusPatch, ids?: string[]): Promise<HeldDecision> {
    return this.uow.run(async (m) => {
      const rows = await m.find(OutboxMessageEntity, { where: { status: 'held', ...(ids ? { id: In(ids) } : {}) }, order: { createdAt: 'ASC' } });
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        // Held messages are taken by no dispatcher, so only another administrator can change them meanwhile.
        const res = await m.update(OutboxMessageEntity, { id: In(chunk.map((r) => r.id)), status: 'held' }, patch);
        if (res.affected !== chunk.length) throw new OutboxStateError('Another administrator decided on some of these messages meanwhile; reload and try again', {});
        await m.insert(OutboxActionEntity, chunk.map((row) => this.auditRow(user, row, action)));
      }
      return { action, count: rows.length, ids: rows.map((r) => r.id) };
    });
  }

  private act(user: AuthUser, id: string, action: OutboxAction, from: OutboxStatus[], patch: StatusPatch, reason?: string): Promise<OutboxMessageDetail> {
    return this.uow.run(async (m) => {
      const row = await m.findOne(OutboxMessageEntity, { where: { id } });
      if (!row) throw new NotFoundError(`Outbox message ${id} not found`);
      // Compare-and-set on the status read: a dispatcher may claim a pending message meanwhile.
      const res = await m.update(OutboxMessageEntity, { id, status: In(from) }, patch);
      if (res.affected !== 1) {
        throw new OutboxStateError(`Cannot ${action} a message that is ${row.status}; allowed from: ${from.join(', ')}`, { status: row.status, allowedFrom: from });
      }
      await m.insert(OutboxActionEntity, this.auditRow(user, row, action, reason));
      return this.detail(m, id);
    });
  }

  private auditRow(user: AuthUser, row: OutboxMessageEntity, action: OutboxAction, reason?: string): Partial<OutboxActionEntity> {
    return {
      id: randomUUID(),
      messageId: row.id,
      action,
      fromStatus: row.status,
      previousAttempts: row.attempts,
      previousError: row.lastError,
      reason: reason ?? null,
      actorId: user.id,
      actorUsername: user.username,
      occurredAt: this.time.now(),
    };
  }

  private async detail(m: EntityManager, id: string): Promise<OutboxMessageDetail> {
    const row = await m.findOne(OutboxMessageEntity, { where: { id } });
    if (!row) throw new NotFoundError(`Outbox message ${id} not found`);
    const actions = await m.find(OutboxActionEntity, { where: { messageId: id }, order: { occurredAt: 'ASC' } });
    const actorIds = [...new Set(actions.map((a) => a.actorId))];
    const names = new Map((actorIds.length ? await m.find(UserEntity, { where: { id: In(actorIds) }, select: { id: true, fullName: true } }) : []).map((u) => [u.id, u.fullName]));
    return toDetail(row, actions, names);
  }
}
