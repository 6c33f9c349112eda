import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { afterFailure, RetryPolicy } from './backoff';
import { claimDue } from './outbox-claims';
import { OutboxDelivery } from './outbox-delivery';
import { DeliveryError } from './outbox-errors';
import { recordPortalDelivery } from '../portal-records/portal-delivery';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface DispatchReport {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  /** Claimed but not attempted because the dispatcher is stopping; released for another worker. */
  released: number;
}

const EMPTY: DispatchReport = { claimed: 0, delivered: 0, retried: 0, dead: 0, released: 0 };

/**
 * Delivers outbox messages after commit, at least once.
 *
 * A cycle claims a batch in one short transaction (a lease: `locked_until`), delivers outside any
 * transaction, and settles each message in its own small transaction: delivered, retry later with
 * exponential backoff and jitter, or dead after the last attempt. Settling is fenced on
 * (worker, attempt), so a worker whose lease ran out cannot overwrite the outcome of the worker
 * that took the message over. Cycles of one dispatcher never overlap; several dispatchers
 * (instances, `apps/worker`) share the work through the claim (FOR UPDATE SKIP LOCKED on PostgreSQL).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Unique per dispatcher instance, also for two applications in one process (tests). */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly logger = new Logger('Outbox');
  private readonly policy: RetryPolicy;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopping = false;
  private claimedAny = false;
  private cycle: Promise<DispatchReport> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly delivery: OutboxDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const o = config.outbox;
    this.policy = { baseMs: o.backoffBaseSeconds * 1000, maxMs: o.backoffMaxSeconds * 1000, maxAttempts: o.maxAttempts };
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.dispatcher) this.start();
    else this.logger.log('Outbox dispatcher is off in this process (OUTBOX_DISPATCHER=off); apps/worker delivers');
  }

  /** Starts polling (idempotent). */
  start(): void {
    if (this.polling || this.stopping) return;
    this.polling = true;
    const d = this.config.delivery;
    this.logger.log(
      `Outbox dispatcher ${this.workerId}: polls every ${this.config.outbox.pollIntervalMs} ms; ` +
        `e-mail ${d.smtpUrl ? 'by SMTP' : 'logged only (SMTP_URL is not set)'}, portal sync ${d.portalSyncUrl ? 'on' : 'off'}, webhook ${d.webhookUrl ? 'on' : 'off'}`,
    );
    this.schedule(0);
  }

  /** Stops polling, lets deliveries in flight finish, and hands back claims not yet attempted. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.polling = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cycle?.catch(() => undefined);
    if (this.claimedAny) await this.releaseClaims().catch((error: unknown) => this.logger.error(`Releasing claims failed: ${String(error)}`));
  }

  /** One cycle: claim a batch, deliver, settle. A call during a cycle joins it. */
  runOnce(): Promise<DispatchReport> {
    this.cycle ??= this.pass().finally(() => (this.cycle = null));
    return this.cycle;
  }

  /** Cycles until nothing is due (for tests and one-off runs). */
  async drain(maxCycles = 10_000): Promise<DispatchReport> {
    const total = { ...EMPTY };
    for (let i = 0; i < maxCycles; i++) {
      const r = await this.runOnce();
      for (const k of Object.keys(total) as Array<keyof DispatchReport>) total[k] += r[k];
      if (r.claimed === 0) break;
    }
    return total;
  }

  /** Claims due messages for this dispatcher (one transaction). Public so a test can play a worker that dies holding them. */
  async claim(): Promise<OutboxMessageEntity[]> {
    const now = this.time.now();
    const leaseUntil = new Date(now.getTime() + this.config.outbox.leaseSeconds * 1000);
    const claimed = await this.uow.run(async (m) => {
      const ids = await claimDue(m, { now, leaseUntil, workerId: this.workerId, limit: this.config.outbox.batchSize });
      return ids.length === 0 ? [] : m.find(OutboxMessageEntity, { where: { id: In(ids) }, order: { nextAttemptAt: 'ASC', createdAt: 'ASC' } });
    });
    if (claimed.length > 0) this.claimedAny = true;
    return claimed;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The HTTP server (or apps/worker's keep-alive) holds the process open, not this timer.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let more = false;
    try {
      const report = await this.runOnce();
      // A full batch means more is probably due: go again at once instead of waiting a poll interval.
      more = report.claimed >= this.config.outbox.batchSize;
    } catch (error) {
      this.logger.error(`Outbox cycle failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.polling && !this.stopping) this.schedule(more ? 0 : this.config.outbox.pollIntervalMs);
  }

  private async pass(): Promise<DispatchReport> {
    const report = { ...EMPTY };
    const queue = await this.claim();
    report.claimed = queue.length;
    const lanes = Math.min(this.config.outbox.concurrency, queue.length);
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let message = queue.shift(); message; message = queue.shift()) {
          if (this.stopping) {
            report.released++; // handed back by releaseClaims once the cycle has ended
            continue;
          }
          report[await this.handle(message)]++;
        }
      }),
    );
    return report;
  }

  private async handle(message: OutboxMessageEntity): Promise<'delivered' | 'retried' | 'dead'> {
    if (message.attempts > this.policy.maxAttempts) {
      // The worker holding the last attempt stopped mid-delivery and its lease ran out.
      await this.settle(message, { status: 'dead', lastError: `Lease ran out during attempt ${message.attempts - 1} of ${this.policy.maxAttempts}` });
      return 'dead';
    }
    try {
      await this.delivery.deliver(message);
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.permanent;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const outcome = afterFailure(message.attempts, permanent, this.policy);
      if (outcome.status === 'dead') {
        this.logger.error(`Outbox message ${message.idempotencyKey} is dead after attempt ${message.attempts}: ${lastError}`);
        await this.settle(message, { status: 'dead', lastError });
        return 'dead';
      }
      this.logger.warn(`Outbox message ${message.idempotencyKey}, attempt ${message.attempts} of ${this.policy.maxAttempts} failed: ${lastError}`);
      await this.settle(message, { status: 'pending', lastError, nextAttemptAt: new Date(this.time.now().getTime() + outcome.delayMs) });
      return 'retried';
    }
    await this.settle(message, { status: 'delivered', lastError: null, deliveredAt: this.time.now() });
    return 'delivered';
  }

  /** Records the outcome if this dispatcher still holds the claim it delivered under. */
  private async settle(message: OutboxMessageEntity, patch: Omit<Partial<OutboxMessageEntity>, 'payload' | 'id'>): Promise<void> {
    try {
      const res = await this.uow.run(async (m) => {
        const updated = await m.update(
          OutboxMessageEntity,
          { id: message.id, status: 'delivering', lockedBy: this.workerId, attempts: message.attempts },
          { ...patch, lockedBy: null, lockedUntil: null },
        );
        // What the portal now holds is part of the same fact as "delivered" (the reconciliation reads it).
        if (updated.affected === 1 && patch.status === 'delivered') await recordPortalDelivery(m, message, patch.deliveredAt ?? this.time.now());
        return updated;
      });
      if (res.affected !== 1) this.logger.warn(`Outbox message ${message.idempotencyKey}: the claim ran out before the outcome was recorded; another worker has it`);
    } catch (error) {
      // The claim stays; the message is delivered again when its lease runs out (at least once).
      this.logger.error(`Outbox message ${message.idempotencyKey}: recording the outcome failed: ${String(error)}`);
    }
  }

  /** Claims of this dispatcher not attempted: due again at once for any worker, the claim not counted. */
  private async releaseClaims(): Promise<void> {
    const now = this.time.now();
    await this.uow.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({ status: 'pending', lockedBy: null, lockedUntil: null, nextAttemptAt: now, attempts: () => 'attempts - 1' })
        .where('status = :status AND locked_by = :worker', { status: 'delivering', worker: this.workerId })
        .execute(),
    );
  }
}
