import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

/** What one readiness check answers. Throwing counts as `{ ok: false }` with the error's message. */
export interface CheckOutcome {
  ok: boolean;
  /**
   * Works, but something needs an operator (e.g. one unreadable file in the trust folder): reported
   * as `degraded` and named, without taking the instance out of rotation, since every instance shares
   * the configuration and a stray file must not stop the whole service.
   */
  degraded?: boolean;
  /** For operators: what was checked or why it failed. Served without authentication, so never a secret. */
  detail?: string;
}

export type ReadinessCheck = () => Promise<CheckOutcome>;

export interface CheckOptions {
  /** A check still running after this long fails with "timed out"; default {@link DEFAULT_CHECK_TIMEOUT_MS}. */
  timeoutMs?: number;
}

export interface CheckReport {
  status: 'ok' | 'degraded' | 'fail';
  /** How long this probe waited for the check, in milliseconds. */
  latencyMs: number;
  detail?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Names of the failed checks, in registration order (`shutdown` last, while shutting down). */
  failed: string[];
  /** Names of the checks that work but need an operator's attention; they do not make the instance unready. */
  degraded: string[];
  checks: Record<string, CheckReport>;
}

/**
 * Load balancers probe every few seconds and give up after a few more; a dependency slower
 * than this is as good as down for serving requests.
 */
export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

const CHECK_NAME = /^[a-z][a-z0-9_]{0,63}$/;

interface Entry {
  check: ReadinessCheck;
  timeoutMs: number;
  /** The run in progress, shared by concurrent probes (see {@link ReadinessRegistry.run}). */
  inFlight: Promise<CheckOutcome> | null;
  /** Last status seen, to log changes instead of every failed probe. */
  lastOk: boolean | null;
}

/**
 * The checks behind `GET /api/health/ready`. Any module adds its own by injecting this
 * (global) service, typically in `onModuleInit`:
 *
 * @example
 * constructor(private readonly readiness: ReadinessRegistry) {}
 * onModuleInit() {
 *   this.readiness.register('dispatcher_lag', async () => {
 *     const lag = await this.oldestUndeliveredAgeSeconds();
 *     return { ok: lag < 300, detail: `oldest undelivered message: ${lag} s` };
 *   });
 * }
 */
@Injectable()
export class ReadinessRegistry implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Readiness');
  private readonly entries = new Map<string, Entry>();
  private shuttingDown = false;

  /**
   * Adds a check under a unique snake_case `name` (it becomes a key of the response).
   * @returns a function removing it again.
   */
  register(name: string, check: ReadinessCheck, options: CheckOptions = {}): () => void {
    if (!CHECK_NAME.test(name)) throw new Error(`Readiness check name "${name}" must be snake_case (a-z, 0-9, _)`);
    if (name === 'shutdown') throw new Error('Readiness check name "shutdown" is reserved (see startShuttingDown)');
    if (this.entries.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
    const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive integer');
    const entry: Entry = { check, timeoutMs, inFlight: null, lastOk: null };
    this.entries.set(name, entry);
    return () => {
      if (this.entries.get(name) === entry) this.entries.delete(name);
    };
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * From now on readiness fails with a `shutdown` check, so load balancers stop sending
   * requests here. Called when a shutdown signal arrives (before the drain period, see
   * graceful-shutdown.ts) and, at the latest, when the application starts closing.
   */
  startShuttingDown(): void {
    this.shuttingDown = true;
  }

  beforeApplicationShutdown(): void {
    this.startShuttingDown();
  }

  /**
   * Runs every check in parallel. A check still running from an earlier probe is joined, not
   * started again: against a hung database or MinIO, probes must not pile up connections.
   */
  async run(): Promise<ReadinessReport> {
    const names = this.names();
    const reports = await Promise.all(names.map((name) => this.runOne(name, this.entries.get(name) as Entry)));
    const checks: Record<string, CheckReport> = {};
    names.forEach((name, i) => (checks[name] = reports[i]));
    if (this.shuttingDown) checks.shutdown = { status: 'fail', latencyMs: 0, detail: 'shutting down: finishing requests in flight' };
    const failed = Object.keys(checks).filter((name) => checks[name].status === 'fail');
    const degraded = Object.keys(checks).filter((name) => checks[name].status === 'degraded');
    return { ready: failed.length === 0, failed, degraded, checks };
  }

  private async runOne(name: string, entry: Entry): Promise<CheckReport> {
    const started = performance.now();
    entry.inFlight ??= settle(entry.check).finally(() => (entry.inFlight = null));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<CheckOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, detail: `timed out after ${entry.timeoutMs} ms` }), entry.timeoutMs);
    });
    const outcome = await Promise.race([entry.inFlight, timedOut]);
    clearTimeout(timer);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    this.logChange(name, entry, outcome);
    return { status: !outcome.ok ? 'fail' : outcome.degraded ? 'degraded' : 'ok', latencyMs, ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}) };
  }

  private logChange(name: string, entry: Entry, outcome: CheckOutcome): void {
    if (entry.lastOk === outcome.ok) return;
    if (!outcome.ok) this.logger.warn(`Not ready: ${name} failed (${outcome.detail ?? 'no detail'})`);
    else if (entry.lastOk === false) this.logger.log(`${name} is ok again`);
    entry.lastOk = outcome.ok;
  }
}

/** The check's outcome; a rejection or a malformed answer becomes a failure. */
async function settle(check: ReadinessCheck): Promise<CheckOutcome> {
  try {
    const outcome = await check();
    if (typeof outcome?.ok !== 'boolean') return { ok: false, detail: 'check returned no { ok } outcome' };
    return outcome;
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
