/**
 * What other processes of the same deployment (the outbox worker, apps/worker) may use of the API's
 * server code, imported as `@motcua/api`: the same configuration, database module, outbox and
 * shutdown sequence, so both processes behave alike. Everything else in apps/api is private (lint).
 */
export { Clock } from './common/clock';
export { ConfigModule } from './config/config.module';
export type { AppConfig } from './config/app-config.provider';
export { loadConfigOrExit } from './config/load-config-or-exit';
export { DatabaseModule } from './database/database.module';
export { closeOnSignals } from './health/graceful-shutdown';
export { createJsonLogger, JsonLogger } from './observability/json-logger';
export { OutboxCoreModule, OutboxDispatcher } from './outbox';
export { refuseRestoreMode } from './restore/refuse-restore-mode';
