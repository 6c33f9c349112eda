import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { login as loginCall } from '../api/auth';
import { setAuthHooks } from '../api/client';
import type { LoginResponse, Role, User } from '../api/types';
import { isExpired, loadSession, parseSession, saveSession, STORAGE_KEY, tokenExpiry, type Session } from './token';

export const EXPIRED_MESSAGE = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục; nội dung đang nhập dở vẫn được giữ nếu bạn đăng nhập lại bằng cùng tài khoản.';

interface AuthState {
  user: User | null;
  /** Shown on the login page: why the user is there (expired session…). */
  notice: string | null;
  /**
   * Whose screens are open: the logged-in user, or — after an expiry — the user whose
   * screens stay mounted (hidden) so nothing typed is lost if they log in again.
   */
  workspaceUser: User | null;
  login(username: string, password: string): Promise<void>;
  /** Takes the session the API answered with (e.g. after the user changed their password). */
  adopt(response: LoginResponse): void;
  logout(): void;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

type AuthProviderHooks = Parameters<typeof setAuthHooks>[0];

// setTimeout takes at most 2^31-1 ms; longer waits are re-armed.
const MAX_TIMER = 2_147_483_647;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => {
    const stored = loadSession();
    return stored && !isExpired(stored) ? stored : null;
  });
  const [notice, setNotice] = useState<string | null>(() => {
    const stored = loadSession();
    if (stored && isExpired(stored)) {
      saveSession(null);
      return 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
    }
    return null;
  });
  const [resumableUser, setResumableUser] = useState<User | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const expire = useCallback((message: string) => {
    const current = sessionRef.current;
    if (!current) return;
    sessionRef.current = null;
    saveSession(null);
    setResumableUser(current.user);
    setNotice(message);
    setSession(null);
  }, []);

  // Installed during the first render, before any child effect can call the API.
  const hooksFor = useRef<AuthProviderHooks | null>(null);
  if (hooksFor.current === null) {
    hooksFor.current = {
      token: () => {
        const current = sessionRef.current;
        if (!current) return null;
        if (isExpired(current)) {
          expire(EXPIRED_MESSAGE);
          return null;
        }
        return current.token;
      },
      unauthorized: () => expire(EXPIRED_MESSAGE),
    };
  }
  setAuthHooks(hooksFor.current);

  // Another tab logged in, changed user or logged out: this tab follows (one session per browser).
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY && e.key !== null) return;
      const next = parseSession(e.key === null ? null : e.newValue);
      if (next?.token === sessionRef.current?.token) return;
      sessionRef.current = next && !isExpired(next) ? next : null;
      setResumableUser(null);
      setNotice(sessionRef.current ? null : 'Bạn đã đăng xuất ở một thẻ khác của trình duyệt.');
      setSession(sessionRef.current);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // Leave the moment the token dies, and re-check when the tab wakes up (timers sleep with it).
  useEffect(() => {
    if (!session || session.expiresAt === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = session.expiresAt! - Date.now() - 5_000;
      if (left <= 0) expire(EXPIRED_MESSAGE);
      else timer = setTimeout(arm, Math.min(left, MAX_TIMER));
    };
    arm();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && isExpired(session)) expire(EXPIRED_MESSAGE);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, expire]);

  const adopt = useCallback((response: LoginResponse) => {
    const next: Session = { token: response.accessToken, user: response.user, expiresAt: tokenExpiry(response.accessToken) };
    saveSession(next);
    sessionRef.current = next;
    setNotice(null);
    setResumableUser(null);
    setSession(next);
  }, []);

  const login = useCallback(async (username: string, password: string) => adopt(await loginCall(username, password)), [adopt]);

  const logout = useCallback(() => {
    saveSession(null);
    sessionRef.current = null;
    setResumableUser(null);
    setNotice(null);
    setSession(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user: session?.user ?? null,
      notice,
      workspaceUser: session?.user ?? resumableUser,
      login,
      adopt,
      logout,
      hasRole: (...roles: Role[]) => !!session && session.user.roles.some((r) => roles.includes(r)),
    }),
    [session, notice, resumableUser, login, adopt, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
