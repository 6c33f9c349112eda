import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { CalendarRangeError } from '@motcua/calendar';
import { isConnectionFailure, isTransientConflict } from '@motcua/persistence';
import { InvalidObjectKeyError, ObjectNotFoundError, ObjectTooLargeError, StorageUnavailableError } from '@motcua/storage';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from '../observability/redact-url';
import { AppError } from './errors';

/** The one JSON error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
  /** On 409 INVALID_TRANSITION and 403 FORBIDDEN from the workflow: what the caller may send now. */
  allowedEvents?: string[];
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Maps every error to `{statusCode, error, message, details?}`: domain errors by
 * class, Nest/Fastify HTTP errors by status, database outages to 503, anything else
 * to a logged 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      // Which request failed: its id (as in its `request completed` line), method and path (query redacted).
      const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
      const where = request ? { reqId: request.id, method: request.method, ...redactUrl(request.url) } : {};
      if (body.statusCode === 503) {
        // An outage answers every request with 503: one line each, not a stack trace each.
        this.logger.warn({ ...where, msg: `${body.error}: ${exception instanceof Error ? exception.message : String(exception)}` });
      } else {
        this.logger.error({ ...where, msg: exception instanceof Error ? exception.message : String(exception), stack: exception instanceof Error ? exception.stack : undefined });
      }
    }
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      const allowed = exception.details?.allowedEvents;
      return {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(Array.isArray(allowed) ? { allowedEvents: allowed as string[] } : {}),
      };
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    if (exception instanceof CalendarRangeError) {
      // Valid dates whose computation runs past what the calendar covers (e.g. 3650 working days from 2197).
      return { statusCode: 422, error: 'DATE_OUT_OF_RANGE', message: exception.message };
    }
    if (exception instanceof ObjectTooLargeError) {
      return { statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: exception.message };
    }
    if (exception instanceof StorageUnavailableError) {
      return { statusCode: 503, error: 'STORAGE_UNAVAILABLE', message: 'File storage is not reachable; nothing was saved, try again shortly' };
    }
    if (exception instanceof ObjectNotFoundError) {
      return { statusCode: 404, error: 'NOT_FOUND', message: 'The stored file is missing' };
    }
    if (exception instanceof InvalidObjectKeyError) {
      return { statusCode: 400, error: 'BAD_REQUEST', message: exception.message };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return {
        statusCode: fastifyError.statusCode,
        error: CODE_BY_STATUS[fastifyError.statusCode] ?? 'BAD_REQUEST',
        message: fastifyError.message ?? 'Bad request',
        ...(fastifyError.code ? { details: { cause: fastifyError.code } } : {}),
      };
    }
    if (isConnectionFailure(exception)) {
      return { statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable; try again shortly' };
    }
    if (isTransientConflict(exception)) {
      // Rolled back whole: nothing of the request was saved, and sending it again normally passes.
      return { statusCode: 503, error: 'TRANSIENT_CONFLICT', message: 'The change met a concurrent one and was not saved; send it again', details: { retryAfterSeconds: 1 } };
    }
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}

/**
 * Errors Fastify answers itself, before any route (a URL that is not valid percent-encoded UTF-8):
 * in the same shape as every other error.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const body: ErrorBody = { statusCode, error: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', message: error.message, details: { cause: error.code } };
  void reply.code(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over 16 KiB, a malformed
 * request line, a client too slow to send its headers): the same shape again, written on the socket.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request line and headers exceed 16 KiB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time']
        : [400, 'BAD_REQUEST', 'Malformed HTTP request'];
  const body = JSON.stringify({ statusCode, error: code, message } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const error = CODE_BY_STATUS[status] ?? HttpStatus[status] ?? 'ERROR';
  if (typeof response === 'string') return { statusCode: status, error, message: response };
  const r = response as { message?: unknown; error?: unknown; details?: Record<string, unknown> };
  if (Array.isArray(r.message)) {
    // class-validator messages: keep them all, machine-readable.
    return { statusCode: status, error: status === 400 ? 'VALIDATION_FAILED' : error, message: r.message.join('; '), details: r.details ?? { problems: r.message } };
  }
  return {
    statusCode: status,
    error: typeof r.error === 'string' && /^[A-Z_]+$/.test(r.error) ? r.error : error,
    message: typeof r.message === 'string' ? r.message : exception.message,
    ...(r.details ? { details: r.details } : {}),
  };
}
