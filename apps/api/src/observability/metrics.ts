import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { SweepReport } from '../deadlines/deadline-sweep.service';
import { OutboxLagProbe } from '../outbox/outbox-lag';

/** node-postgres' pool, as TypeORM's PostgreSQL driver holds it (`driver.master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The Prometheus metrics of one API instance (prom-client), on a registry of its own so that
 * several instances in one process (tests) do not share counters. Names: `motcua_*`; the
 * dashboard in deploy/grafana/ reads them. Counters are per instance: sum them across instances.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** Every answered request, by route pattern (never the raw path: ids and secrets would explode the label set). */
  readonly httpDuration = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Workflow events sent through the API, by workflow and event type: applied (2xx) or refused (4xx/5xx, by status). */
  readonly transitions = new Counter({
    name: 'motcua_workflow_transitions_total',
    help: 'Workflow events received through the API, by workflow, event type and outcome (applied, or the refusal status)',
    labelNames: ['workflow', 'event', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly sweepRuns = new Counter({
    name: 'motcua_deadline_sweep_runs_total',
    help: 'Deadline sweep passes in this instance, by result (ok, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly sweepDossiers = new Counter({
    name: 'motcua_deadline_sweep_dossiers_total',
    help: 'Dossiers the deadline sweep examined, changed (due soon / overdue) and notified about',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly sweepDuration = new Histogram({
    name: 'motcua_deadline_sweep_duration_seconds',
    help: 'Duration of a deadline sweep pass',
    buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, outboxLag: OutboxLagProbe) {
    collectDefaultMetrics({ register: this.registry, prefix: 'motcua_' });
    // Measured when scraped (one small query each), so they are current and cost nothing between scrapes.
    // The three outbox gauges of one scrape share one measurement.
    let measured: { at: number; lag: ReturnType<OutboxLagProbe['measure']> } | null = null;
    const measureOutbox = () => {
      if (!measured || Date.now() - measured.at > 1000) measured = { at: Date.now(), lag: outboxLag.measure() };
      return measured.lag;
    };
    new Gauge({
      name: 'motcua_outbox_lag_seconds',
      help: 'How long the longest-waiting due outbox message has waited for a dispatcher',
      registers: [this.registry],
      async collect() {
        this.set((await measureOutbox()).lagSeconds);
      },
    });
    new Gauge({
      name: 'motcua_outbox_messages',
      help: 'Outbox messages by status (pending, delivering, dead: dead letters wait for an administrator)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const lag = await measureOutbox();
        for (const status of ['pending', 'delivering', 'dead'] as const) this.set({ status }, lag[status]);
      },
    });
    new Gauge({
      name: 'motcua_outbox_oldest_undelivered_age_seconds',
      help: 'Age of the oldest outbox message not delivered yet (0 when none)',
      registers: [this.registry],
      async collect() {
        this.set((await measureOutbox()).oldestUndeliveredAgeSeconds ?? 0);
      },
    });
    const pool = () => (dataSource.options.type === 'postgres' ? ((dataSource.driver as unknown as { master?: PgPool }).master ?? null) : null);
    if (dataSource.options.type === 'postgres') {
      new Gauge({
        name: 'motcua_db_pool_connections',
        help: 'PostgreSQL connection pool: total, idle, and requests waiting for a connection',
        labelNames: ['state'] as const,
        registers: [this.registry],
        collect() {
          const p = pool();
          if (!p) return;
          this.set({ state: 'total' }, p.totalCount);
          this.set({ state: 'idle' }, p.idleCount);
          this.set({ state: 'waiting' }, p.waitingCount);
        },
      });
    }
  }

  /** A deadline sweep pass ended: its report, or its failure. */
  recordSweep(seconds: number, report: SweepReport | null): void {
    this.sweepDuration.observe(seconds);
    this.sweepRuns.inc({ result: report ? 'ok' : 'failed' });
    if (!report) return;
    this.sweepDossiers.inc({ kind: 'examined' }, report.examined);
    this.sweepDossiers.inc({ kind: 'changed' }, report.changed);
    this.sweepDossiers.inc({ kind: 'notified' }, report.notificationsWritten);
  }
}
