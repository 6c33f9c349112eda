import type { ApiErrorBody } from './types';

/** Every failed call ends here: an API error body, or status 0 when the server was not reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ApiErrorBody | null;

  constructor(status: number, code: string, message: string, body: ApiErrorBody | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const NOT_LOGGED_IN = 'NOT_LOGGED_IN';

interface AuthHooks {
  /** The bearer token to send, or null when nobody is logged in. */
  token(): string | null;
  /** Called once per 401 of an authenticated call: the session is over. */
  unauthorized(): void;
}

let hooks: AuthHooks = { token: () => null, unauthorized: () => undefined };

/** The auth module plugs the session in here; the client knows nothing else about it. */
export function setAuthHooks(next: AuthHooks): void {
  hooks = next;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false for the login call itself. */
  auth?: boolean;
  signal?: AbortSignal;
}

/** All calls are relative to the page's origin: the API is served at /api next to the app. */
export const API_BASE = '/api';

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const withAuth = options.auth !== false;
  if (withAuth) {
    const token = hooks.token();
    if (!token) throw new ApiError(401, NOT_LOGGED_IN, 'Not logged in');
    headers.authorization = `Bearer ${token}`;
  }
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // multipart (file uploads): the browser sets the boundary.
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method, headers, body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
  }

  const payload = await readBody(response);
  if (response.ok) return payload as T;

  const errorBody = isErrorBody(payload) ? payload : null;
  const code = errorBody?.error ?? `HTTP_${response.status}`;
  if (response.status === 401 && withAuth) hooks.unauthorized();
  throw new ApiError(response.status, code, errorBody?.message ?? response.statusText, errorBody);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).error === 'string';
}

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
