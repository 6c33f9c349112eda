import { timingSafeEqual } from 'node:crypto';

/** Compares a stored secret with a given one in constant time (no early exit that leaks the prefix). */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
