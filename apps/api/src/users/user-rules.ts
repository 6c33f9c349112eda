import { randomInt } from 'node:crypto';

/** Login names: lower case, so that nobody can register "Admin" next to "admin". */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** NIST SP 800-63B asks for at least 8; staff accounts of a public service get more. */
export const MIN_PASSWORD_LENGTH = 12;

/** Characters of a temporary password: no 0/O, 1/l/I, which are misread on paper. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password to hand over on paper: four groups of four readable characters
 * (16 × log2(31) ≈ 79 bits), e.g. `k7mq-3xhp-v9ta-ew4n`. The user must replace it at first login.
 */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join(''));
  return groups.join('-');
}

/** Why a new password is refused, or null. Counted in characters, not bytes. */
export function passwordProblem(password: string): string | null {
  return [...password].length < MIN_PASSWORD_LENGTH ? `must hold at least ${MIN_PASSWORD_LENGTH} characters` : null;
}
