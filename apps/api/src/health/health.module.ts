import { Global, Module } from '@nestjs/common';
import { DatabaseChecks } from './database.checks';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness.registry';

/**
 * Liveness and readiness. Global so that any feature module can inject ReadinessRegistry and
 * add its own check (storage registers from the files module, the outbox its dispatcher lag).
 */
@Global()
@Module({
  controllers: [HealthController],
  providers: [ReadinessRegistry, DatabaseChecks],
  exports: [ReadinessRegistry],
})
export class HealthModule {}
