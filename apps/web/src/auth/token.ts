import type { User } from '../api/types';

export interface Session {
  token: string;
  user: User;
  /** Epoch milliseconds from the token's `exp`; null when the token carries none. */
  expiresAt: number | null;
}

/** Reads the payload of a JWT without verifying it (the server does that); null when unreadable. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    // UTF-8 bytes → text without TextDecoder (names in the payload are Vietnamese).
    const binary = atob(base64);
    const text = decodeURIComponent(Array.from(binary, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Expiry of a token in epoch ms, or null. */
export function tokenExpiry(token: string): number | null {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/** Seconds of slack so a request is not sent with a token that dies on the way. */
const SKEW_MS = 5_000;

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && now >= session.expiresAt - SKEW_MS;
}

/**
 * One session for every tab of the browser (issue #15: Ctrl+click on a dossier must not open a login
 * page), so in localStorage; logging out in one tab logs out all of them (AuthContext listens to
 * `storage` events). The session still ends when the token expires (JWT_EXPIRES_IN_SECONDS); on a
 * shared counter computer staff log out rather than just close the tab.
 */
export const STORAGE_KEY = 'motcua.session';

export function loadSession(): Session | null {
  try {
    return parseSession(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** The session stored under STORAGE_KEY (as a `storage` event carries it), or null. */
export function parseSession(raw: string | null): Session | null {
  try {
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    if (typeof parsed?.token !== 'string' || typeof parsed.user?.username !== 'string') return null;
    return { ...parsed, expiresAt: tokenExpiry(parsed.token) };
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify({ token: session.token, user: session.user }));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable (private mode quota): the session lives in memory only.
  }
}
