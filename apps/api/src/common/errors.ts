/**
 * Domain errors: plain classes thrown by services, mapped to HTTP in one place
 * (http-error.filter.ts). Services never throw Nest's HttpException.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(message: string, public readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

export class BadInputError extends AppError {
  readonly status = 400;
  readonly code = 'BAD_REQUEST';
}

/** A date outside the years the working calendar supports (SUPPORTED_YEARS of libs/calendar). */
export class DateOutOfRangeError extends AppError {
  readonly status = 400;
  readonly code = 'DATE_OUT_OF_RANGE';
}

export class UnknownProcedureError extends AppError {
  readonly status = 422;
  readonly code = 'UNKNOWN_PROCEDURE';
}

export class ForbiddenActionError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

export class VersionConflictError extends AppError {
  readonly status = 409;
  readonly code = 'VERSION_CONFLICT';
}

export class InvalidTransitionError extends AppError {
  readonly status = 409;
  readonly code = 'INVALID_TRANSITION';
}

export class IdempotencyKeyReusedError extends AppError {
  readonly status = 422;
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
}

/** A deadline rule refused the event (apology too late, new appointment not later…). */
export class DeadlineRuleError extends AppError {
  readonly status = 422;
  readonly code = 'DEADLINE_RULE';
}

/** COMPLETE_DIGITISATION while a required component has no file. */
export class ComponentsMissingError extends AppError {
  readonly status = 422;
  readonly code = 'COMPONENTS_MISSING';
}

/** An imported (historical) dossier cannot take events. */
export class ImportedReadOnlyError extends AppError {
  readonly status = 409;
  readonly code = 'IMPORTED_READ_ONLY';
}

/** ISSUE_RESULT without a verified result document. */
export class ResultMissingError extends AppError {
  readonly status = 422;
  readonly code = 'RESULT_MISSING';
}

/** An official holiday notice file that cannot be loaded; `details.line` names the line when one is to blame. */
export class InvalidScheduleFileError extends AppError {
  readonly status = 422;
  readonly code = 'INVALID_SCHEDULE_FILE';
}
