import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.provider';

/** LOG_LEVEL's names (Nest's) to pino's. */
const PINO_LEVEL: Record<AppConfig['logLevel'], pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Values never written, whatever object reaches a log call: credentials in headers and bodies.
 * Request lines are built field by field (request-observer.ts) and carry no headers or bodies at
 * all; this is the second line of defence.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.secret',
  '*.accessToken',
  '*.token',
];

/**
 * One JSON object per line on stdout (or `destination`): `level`, `time` (ISO, UTC), `msg`, and the
 * fields of the call (`context`, `reqId`, …). `enabled: false` silences it (tests).
 */
export function createJsonLogger(level: AppConfig['logLevel'], options: { enabled?: boolean; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: PINO_LEVEL[level],
      enabled: options.enabled ?? true,
      base: { service: 'motcua' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[REDACTED]' },
    },
    options.destination,
  );
}

/** Nest's logger interface on the JSON logger: what Nest and `new Logger(context)` write goes there too. */
export class JsonLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context); a stack is a string with line breaks.
    const [stack, ...more] = typeof rest[0] === 'string' && rest[0].includes('\n') ? rest : [undefined, ...rest];
    this.write('error', message, more, stack as string | undefined);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[], stack?: string): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message !== null && typeof message === 'object') this.pino[level]({ ...fields, ...(message as object) });
    else this.pino[level](fields, String(message));
  }
}
