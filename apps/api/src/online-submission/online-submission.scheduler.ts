import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { OnlineSubmissionService } from './online-submission.service';

/** Removes expired online-submission drafts and their files, on the orphan sweep's period (ORPHAN_SWEEP_INTERVAL_SECONDS). */
@Injectable()
export class OnlineSubmissionSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OnlineSubmissionSweep');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly submissions: OnlineSubmissionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.orphanSweepIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.submissions.sweep().catch((e: unknown) => this.logger.warn(`Sweep of online submission drafts failed: ${String(e)}`));
    }, seconds * 1000);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
