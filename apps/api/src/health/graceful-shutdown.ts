import { Logger } from '@nestjs/common';

export interface ShutdownOptions {
  /**
   * Seconds to keep serving after the signal, with `onDrain` called first (readiness then
   * answers 503), so that a load balancer polling readiness stops routing here before the port
   * closes. 0: close at once.
   */
  drainSeconds: number;
  /** Then, seconds requests in flight may take; after that the process exits with code 1. */
  timeoutSeconds: number;
  onDrain?: () => void;
}

/**
 * On SIGTERM or SIGINT: drain (see {@link ShutdownOptions.drainSeconds}), close `app`, exit 0;
 * exit 1 if closing fails or outlasts the timeout. `app.close()` runs Nest's shutdown sequence:
 * beforeApplicationShutdown (schedulers stop), Fastify's close (the port stops accepting
 * connections, requests in flight run to the end, their transactions included), then
 * onApplicationShutdown (the database connection is closed).
 *
 * Used instead of Nest's `enableShutdownHooks()`, which runs the same sequence but then re-raises
 * the signal (exit status 143, not 0) and never gives up on a request that does not end.
 * A repeated signal is ignored: `npm start` forwards the Ctrl-C the terminal already delivered.
 */
export function closeOnSignals(app: { close(): Promise<void> }, options: ShutdownOptions): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.log(`${signal} received again; still shutting down`);
      return;
    }
    closing = true;
    options.onDrain?.();
    if (options.drainSeconds > 0) {
      logger.log(`${signal} received: readiness now fails; still serving for ${options.drainSeconds} s (SHUTDOWN_DRAIN_SECONDS)`);
      setTimeout(() => close(signal), options.drainSeconds * 1000);
    } else {
      close(signal);
    }
  };
  const close = (signal: NodeJS.Signals) => {
    logger.log(`${signal}: no new connections; finishing requests in flight (at most ${options.timeoutSeconds} s)`);
    // Not unref'd: should close() hang on a bare promise, this timer still ends the process with 1.
    const timer = setTimeout(() => {
      logger.error(`Requests still running after ${options.timeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS); exiting anyway`);
      process.exit(1);
    }, options.timeoutSeconds * 1000);
    app.close().then(
      () => {
        clearTimeout(timer);
        logger.log('Shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
