import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new client secret: 256 random bits, prefixed so that a leaked one is recognisable in logs and scanners. */
export function newClientSecret(): string {
  return `mcs_${randomBytes(32).toString('base64url')}`;
}

export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time, so the response time tells nothing about how much of a guess matched. */
export function secretMatches(secret: string, storedSha256: string): boolean {
  const given = Buffer.from(secretDigest(secret), 'hex');
  const stored = Buffer.from(storedSha256, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Client id and secret from `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1, client_secret_basic); null when absent or malformed. */
export function basicCredentials(header: string | undefined): { clientId: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]{1,1024})$/i.exec(header?.trim() ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
