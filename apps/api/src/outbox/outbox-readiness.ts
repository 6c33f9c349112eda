import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ReadinessRegistry } from '../health/readiness.registry';
import { OutboxLagProbe } from './outbox-lag';

/**
 * Readiness check `dispatcher_lag`: fails when a due message has waited longer than two leases
 * for a dispatcher. A live dispatcher claims due work within one poll, and a crashed one's claims
 * are due again after one lease, so two leases of waiting means no dispatcher runs anywhere
 * (the worker is down, or every instance has OUTBOX_DISPATCHER=off). Retries waiting for their
 * backoff are not due and do not count; dead messages are an administrator's matter, shown only.
 */
@Injectable()
export class OutboxReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly probe: OutboxLagProbe,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const limitSeconds = 2 * this.config.outbox.leaseSeconds;
    this.readiness.register('dispatcher_lag', async () => {
      const lag = await this.probe.measure();
      return {
        ok: lag.lagSeconds <= limitSeconds,
        detail: `due work waited ${Math.round(lag.lagSeconds)} s (limit ${limitSeconds} s); ${lag.pending} pending, ${lag.delivering} delivering, ${lag.dead} dead`,
      };
    });
  }
}
