import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { FilesService } from './files.service';

/** Periodically removes objects left behind by a crash between the object write and its row. */
@Injectable()
export class OrphanSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OrphanSweep');
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.orphanSweepIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.files.sweepOrphans().catch((e: unknown) => {
        if (this.stopping) this.logger.log('Orphan sweep interrupted by shutdown; the next one starts over');
        else this.logger.warn(`Orphan sweep failed: ${String(e)}`);
      });
    }, seconds * 1000);
    this.timer.unref();
  }

  /**
   * Stops the timer as soon as shutdown begins. A pass in progress is not awaited: it makes one
   * query per stored object and may run for minutes, and stopping it half-way is harmless (each
   * removal is decided on its own, after a successful query; the next pass starts over).
   */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
