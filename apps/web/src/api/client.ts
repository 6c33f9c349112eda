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
  const withAuth = options.auth !== false;
  const headers: Record<string, string> = { ...authHeaders(withAuth, 'application/json'), ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // multipart (file uploads): the browser sets the boundary.
  } else if (options.body instanceof Blob) {
    body = options.body; // a file sent as it is (e.g. NDJSON); its type comes in options.headers.
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
  throw failure(response.status, response.statusText, payload, withAuth);
}

/** The ApiError for a failed response (and the session hook on a 401 of an authenticated call). */
function failure(status: number, statusText: string, payload: unknown, withAuth: boolean): ApiError {
  const errorBody = isErrorBody(payload) ? payload : null;
  const code = errorBody?.error ?? `HTTP_${status}`;
  if (status === 401 && withAuth) hooks.unauthorized();
  return new ApiError(status, code, errorBody?.message ?? statusText, errorBody);
}

function authHeaders(withAuth: boolean, accept: string): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (withAuth) {
    const token = hooks.token();
    if (!token) throw new ApiError(401, NOT_LOGGED_IN, 'Not logged in');
    headers.authorization = `Bearer ${token}`;
  }
  return headers;
}

export interface BinaryFile {
  blob: Blob;
  contentType: string;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

/** A file from the API (PDF, image, spreadsheet) with the bearer token: links cannot carry it. */
export async function apiBlob(path: string, options: { auth?: boolean; signal?: AbortSignal } = {}): Promise<BinaryFile> {
  const withAuth = options.auth !== false;
  const headers = authHeaders(withAuth, '*/*');
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method: 'GET', headers, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw failure(response.status, response.statusText, await readBody(response), withAuth);
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const raw = await response.blob();
  // Keep the server's type on the blob, so the browser's viewer knows it is a PDF or an image.
  const blob = raw.type ? raw : new Blob([raw], { type: contentType.split(';')[0] });
  return { blob, contentType, fileName: fileNameOf(response.headers.get('content-disposition')) };
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export interface UploadOptions {
  /** Fraction of the request body sent, 0–1 (XMLHttpRequest upload progress). */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  auth?: boolean;
}

/**
 * A multipart upload with progress: fetch cannot report upload progress, XMLHttpRequest
 * can. Errors come back exactly as from `apiRequest`.
 */
export function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const withAuth = options.auth !== false;
  return new Promise<T>((resolve, reject) => {
    let headers: Record<string, string>;
    try {
      headers = authHeaders(withAuth, 'application/json');
    } catch (error) {
      reject(error);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e: ProgressEvent) => {
        if (e.lengthComputable && e.total > 0) report(Math.min(1, e.loaded / e.total));
      };
    }
    xhr.onload = () => {
      const payload = parseText(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(payload as T);
      } else {
        reject(failure(xhr.status, xhr.statusText, payload, withAuth));
      }
    };
    // The connection broke (or a proxy cut an oversized body before any answer).
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'Upload failed'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('Upload aborted', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

function parseText(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  return parseText(await response.text());
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
