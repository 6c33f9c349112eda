import { AppError } from '../common/errors';

/** Errors of user administration; `details.field` names the form field at fault. */
export class UsernameTakenError extends AppError {
  readonly status = 409;
  readonly code = 'USERNAME_TAKEN';
}

export class UnknownDepartmentError extends AppError {
  readonly status = 422;
  readonly code = 'UNKNOWN_DEPARTMENT';
}

export class DepartmentRequiredError extends AppError {
  readonly status = 422;
  readonly code = 'DEPARTMENT_REQUIRED';
}

/** An administrator may not deactivate their own account or take away their own admin role. */
export class SelfLockoutError extends AppError {
  readonly status = 422;
  readonly code = 'SELF_LOCKOUT';
}

export class WrongPasswordError extends AppError {
  readonly status = 400;
  readonly code = 'WRONG_PASSWORD';
}

export class WeakPasswordError extends AppError {
  readonly status = 400;
  readonly code = 'WEAK_PASSWORD';
}

/** A temporary password is still to be replaced: only `auth/me` and `auth/password` answer. */
export class PasswordChangeRequiredError extends AppError {
  readonly status = 403;
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
}

/** No reset link with this token (or its account is deactivated): the answer never says which. */
export class ResetLinkInvalidError extends AppError {
  readonly status = 404;
  readonly code = 'RESET_LINK_INVALID';
}

/** The reset link was used already: each link works once. */
export class ResetLinkUsedError extends AppError {
  readonly status = 410;
  readonly code = 'RESET_LINK_USED';
}

/** A newer link (or a temporary password, or deactivation) replaced this one. */
export class ResetLinkRevokedError extends AppError {
  readonly status = 410;
  readonly code = 'RESET_LINK_REVOKED';
}

export class ResetLinkExpiredError extends AppError {
  readonly status = 410;
  readonly code = 'RESET_LINK_EXPIRED';
}
