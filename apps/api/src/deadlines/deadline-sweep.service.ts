import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { UnitOfWork } from '@motcua/persistence';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { clockOf } from '../dossiers/dossier-clock.mapping';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DeadlineNotificationEntity } from './deadline-notification.entity';
import { DossierClock } from './dossier-clock.service';
import { deadlineOutboxMessages, DeadlineKind, OutboxWriter } from '../outbox';
import { Metrics } from '../observability/metrics';

export interface SweepReport {
  examined: number;
  changed: number;
  notificationsWritten: number;
}

const BATCH = 500;

/**
 * Marks running dossiers due soon / overdue and writes one notification record per
 * dossier and threshold. Safe to run on several instances at once: the status update is
 * a compare-and-set on the version read (a concurrent transition wins), and a
 * notification insert that finds its (dossier, kind) already there does nothing.
 * The status is a derived flag, not workflow state, so it neither bumps the version
 * nor writes history (that would make users' concurrent transitions fail with 409).
 */
@Injectable()
export class DeadlineSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepReport> | null = null;
  /** Set at shutdown: a pass in progress stops after the dossier it is on. */
  private stopping = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: DossierClock,
    private readonly time: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxWriter,
    /** Absent where no metrics are served (the worker). */
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.deadlines.sweepIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error(`Sweep failed: ${String(error)}`));
    }, seconds * 1000);
    this.timer.unref();
  }

  /**
   * Stops the timer and waits for a pass in progress to finish its current dossier. Not in
   * onApplicationShutdown: Nest runs that hook on global modules first, so TypeORM would already
   * have closed the connection. The rest of the pass is left to the next sweep, on any instance.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass; overlapping calls in one process share the pass in progress. */
  sweep(now: Date = this.time.now()): Promise<SweepReport> {
    this.running ??= this.measured(this.pass(now)).finally(() => (this.running = null));
    return this.running;
  }

  private async measured(pass: Promise<SweepReport>): Promise<SweepReport> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const report = await pass;
      this.metrics?.recordSweep(seconds(), report);
      return report;
    } catch (error) {
      this.metrics?.recordSweep(seconds(), null);
      throw error;
    }
  }

  private async pass(now: Date): Promise<SweepReport> {
    // Beyond this instant more than the due-soon threshold of working time is left,
    // so such dossiers are on track without computing anything.
    const horizon = this.clock.calendar.addWorkingMinutes(now, this.config.deadlines.dueSoonWorkingMinutes);
    const report: SweepReport = { examined: 0, changed: 0, notificationsWritten: 0 };
    let after = '';
    while (!this.stopping) {
      const batch = await this.uow.read((m) =>
        m
          .createQueryBuilder(DossierEntity, 'd')
          .where('d.received_at IS NOT NULL AND d.processing_ended_at IS NULL AND d.paused_at IS NULL AND d.due_at IS NOT NULL')
          .andWhere('(d.due_at <= :horizon OR d.deadline_status IN (:...flagged))', { horizon, flagged: ['due_soon', 'overdue'] })
          .andWhere('d.id > :after', { after })
          .orderBy('d.id', 'ASC')
          .limit(BATCH)
          .getMany(),
      );
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      for (const row of batch) {
        if (this.stopping) break;
        report.examined++;
        const status = this.clock.status(clockOf(row), now);
        const { changed, written } = await this.apply(row, status, now);
        report.changed += changed ? 1 : 0;
        report.notificationsWritten += written;
      }
    }
    if (report.changed || report.notificationsWritten) {
      this.logger.log(`Sweep: ${report.examined} examined, ${report.changed} changed, ${report.notificationsWritten} notifications`);
    }
    return report;
  }

  private apply(row: DossierEntity, status: DossierEntity['deadlineStatus'], now: Date): Promise<{ changed: boolean; written: number }> {
    return this.uow.run(async (m) => {
      let changed = false;
      if (status !== row.deadlineStatus) {
        const res = await m.update(DossierEntity, { id: row.id, version: row.version }, { deadlineStatus: status });
        if (res.affected !== 1) return { changed: false, written: 0 }; // a transition got there first
        changed = true;
      }
      if (status !== 'due_soon' && status !== 'overdue') return { changed, written: 0 };
      const kinds: DeadlineKind[] = status === 'overdue' ? ['due_soon', 'overdue'] : ['due_soon'];
      let written = 0;
      for (const kind of kinds) {
        const wrote = await insertOnce(m, row, kind, now);
        written += wrote;
        // Only the sweep that wrote the record announces it: several instances never send it twice.
        if (wrote) await this.outbox.enqueue(m, deadlineOutboxMessages(row, kind, this.outbox.dossierSettings));
      }
      return { changed, written };
    });
  }
}

/** INSERT … ON CONFLICT DO NOTHING RETURNING: 1 when this call wrote the record, 0 when it existed. */
async function insertOnce(m: EntityManager, row: DossierEntity, kind: DeadlineKind, now: Date): Promise<number> {
  const postgres = m.connection.driver.options.type === 'postgres';
  const table = m.getRepository(DeadlineNotificationEntity).metadata.tableName;
  const p = postgres ? ['$1', '$2', '$3', '$4', '$5'] : ['?', '?', '?', '?', '?'];
  // better-sqlite3 cannot bind Date objects: use TypeORM's own datetime text format.
  const ts = (d: Date) => (postgres ? d : DateUtils.mixedDateToUtcDatetimeString(d));
  const rows: unknown[] = await m.query(
    `INSERT INTO ${table} (id, dossier_id, kind, due_at, created_at) VALUES (${p.join(', ')})
     ON CONFLICT (dossier_id, kind) DO NOTHING RETURNING id`,
    [randomUUID(), row.id, kind, ts(row.dueAt!), ts(now)],
  );
  return rows.length;
}
