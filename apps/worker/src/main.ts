import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, createJsonLogger, JsonLogger, loadConfigOrExit, refuseRestoreMode } from '@motcua/api';
import { WorkerModule } from './worker.module';

/**
 * `node dist/apps/worker/src/main.js`: delivers the outbox when the API instances run with
 * OUTBOX_DISPATCHER=off. Several workers may run at once (they share work by claiming it).
 * SIGTERM/SIGINT stop polling, let deliveries in flight finish and hand back unattempted claims.
 */
async function bootstrap(): Promise<void> {
  const loaded = loadConfigOrExit();
  refuseRestoreMode(loaded);
  // The worker exists to dispatch, whatever OUTBOX_DISPATCHER says (API instances set it to off, and share the .env).
  const config = { ...loaded, outbox: { ...loaded.outbox, dispatcher: true } };
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new JsonLogger(createJsonLogger(config.logLevel)),
  });
  await app.init();
  // The API's shutdown sequence: stop claiming, finish deliveries in flight, release the rest, exit 0.
  closeOnSignals(app, { drainSeconds: 0, timeoutSeconds: config.lifecycle.shutdownTimeoutSeconds });
  // The dispatcher's timer does not hold the process open (in the API the HTTP server does); this does, until a signal.
  setInterval(() => undefined, 1 << 30);
  new Logger('worker').log(`motcua worker is running (database: ${config.database.type}); stop it with SIGTERM`);
}

void bootstrap();
