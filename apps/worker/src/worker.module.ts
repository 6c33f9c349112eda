import { DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, Clock, ConfigModule, DatabaseModule, OutboxCoreModule } from '@motcua/api';

/**
 * The background work of the API without HTTP, for scaled-out deployments: the same
 * configuration, database module (pending migrations run at connect, as in the API) and outbox.
 * The periodic sweeps join here later.
 */
@Module({})
export class WorkerModule {
  /** `overrides.clock`: a test's manual clock, as for the API. */
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config, overrides), DatabaseModule.forRoot(config), OutboxCoreModule],
    };
  }
}
