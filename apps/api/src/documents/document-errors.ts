import { AppError } from '../common/errors';

/** The paper cannot be printed (yet): the event it belongs to has not happened, or nobody can sign it. */
export class DocumentNotAvailableError extends AppError {
  readonly status = 409;
  readonly code = 'DOCUMENT_NOT_AVAILABLE';
}
