/**
 * Typed fetch wrapper for the same-origin JSON API. Holds the session's CSRF token and sends it on
 * every write; turns non-2xx answers into an ApiRequestError carrying the server's ApiError body.
 */
import { CSRF_HEADER, type ApiError } from '@contracts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | null | undefined;

export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;

  constructor(body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = body.statusCode;
    this.body = body;
  }

  get fields(): Record<string, string> | undefined {
    return this.body.fields;
  }
}

/** statusCode 0 means the request never got an answer (offline, server down, aborted). */
export function isNetworkError(err: unknown): boolean {
  return err instanceof ApiRequestError && err.status === 0;
}

let csrfToken: string | null = null;
let unauthorizedHandler: ((path: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 from anything but the auth endpoints (the session expired). */
export function onUnauthorized(handler: ((path: string) => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readError(res: Response): Promise<ApiError> {
  let body: Partial<ApiError> | null = null;
  try {
    body = (await res.json()) as Partial<ApiError>;
  } catch {
    body = null;
  }
  const message = Array.isArray(body?.message) ? body.message.join('; ') : body?.message;
  return {
    statusCode: typeof body?.statusCode === 'number' ? body.statusCode : res.status,
    error: body?.error ?? res.statusText,
    message: typeof message === 'string' && message ? message : res.statusText || `HTTP ${res.status}`,
    ...(body?.fields ? { fields: body.fields } : {}),
    ...(body?.inUse ? { inUse: body.inUse } : {}),
  };
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiRequestError({
      statusCode: 0,
      error: 'Network Error',
      message: err instanceof Error ? err.message : String(err),
    });
  }

  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.(path);
    throw new ApiRequestError({ ...error, statusCode: res.status });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', path + (query ? buildQuery(query) : '')),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
