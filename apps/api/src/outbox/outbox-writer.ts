import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import type { DossierOutboxSettings } from './dossier-outbox-messages';
import { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxMessageInput } from './outbox.types';

/**
 * Writes outbox messages in the caller's transaction: they commit or roll back with the change
 * they report, and the dispatcher delivers them only after commit.
 */
@Injectable()
export class OutboxWriter {
  /** Settings for `dossierOutboxMessages`, from the configuration. */
  readonly dossierSettings: DossierOutboxSettings;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly time: Clock,
  ) {
    this.dossierSettings = {
      publicBaseUrl: config.publicBaseUrl,
      portalSync: config.delivery.portalSyncUrl !== null,
      webhook: config.delivery.webhookUrl !== null,
    };
  }

  /**
   * Must be called with the EntityManager of an open unit of work (`uow.run(async (m) => …)`).
   * A message whose idempotency key is already stored is skipped (ON CONFLICT DO NOTHING): a
   * plain unique violation would abort the caller's whole transaction on PostgreSQL.
   */
  async enqueue(m: EntityManager, messages: readonly OutboxMessageInput[]): Promise<void> {
    if (messages.length === 0) return;
    if (!m.queryRunner?.isTransactionActive) throw new Error('OutboxWriter.enqueue must run inside the transaction of the change it reports');
    const now = this.time.now();
    const rows: OutboxMessageEntity[] = messages.map((msg) => ({
      id: randomUUID(),
      topic: msg.topic,
      channel: msg.channel,
      aggregateType: msg.aggregateType,
      aggregateId: msg.aggregateId,
      aggregateVersion: msg.aggregateVersion,
      idempotencyKey: msg.idempotencyKey,
      payload: msg.payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      deliveredAt: null,
    }));
    // (TypeORM's deep-partial type cannot follow the payload's open JSON records; the rows are complete entities.)
    await m.createQueryBuilder().insert().into(OutboxMessageEntity).values(rows as QueryDeepPartialEntity<OutboxMessageEntity>[]).orIgnore().execute();
  }
}
