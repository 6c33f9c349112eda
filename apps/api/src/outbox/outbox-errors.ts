import { AppError } from '../common/errors';

/** A delivery failed. `permanent`: retrying cannot help (the recipient was refused), so the message is dead at once. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    public readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** An administrator's action does not fit the message's status (retry of a delivered message…). */
export class OutboxStateError extends AppError {
  readonly status = 409;
  readonly code = 'OUTBOX_STATE_CONFLICT';
}
