import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '@contracts';
import { ApiRequestError, api, buildQuery, onUnauthorized, setCsrfToken } from '../src/api/client';

function respond(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

afterEach(() => {
  setCsrfToken(null);
  onUnauthorized(null);
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends cookies and the CSRF token on writes only', async () => {
    const fetch = vi.fn(async () => respond(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok-1');
    await api.get('/api/users');
    await api.patch('/api/incidents/1', { priority: 'high', version: 2 });
    const [getUrl, getInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [patchUrl, patchInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(getUrl).toBe('/api/users');
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect(patchUrl).toBe('/api/incidents/1');
    expect(patchInit.method).toBe('PATCH');
    expect((patchInit.headers as Record<string, string>)[CSRF_HEADER]).toBe('tok-1');
    expect(JSON.parse(patchInit.body as string)).toEqual({ priority: 'high', version: 2 });
  });

  it('throws the ApiError body', async () => {
    vi.stubGlobal('fetch', async () => respond(409, { statusCode: 409, error: 'Conflict', message: 'Changed by Bob' }));
    const err = await api.patch('/api/incidents/1', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).status).toBe(409);
    expect((err as ApiRequestError).message).toBe('Changed by Bob');
  });

  it('keeps validation fields', async () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Bad move', fields: { status: 'closed → open is not allowed' } };
    vi.stubGlobal('fetch', async () => respond(400, body));
    const err = (await api.patch('/api/incidents/1', {}).catch((e: unknown) => e)) as ApiRequestError;
    expect(err.fields).toEqual(body.fields);
  });

  it('turns a network failure into status 0 and non-JSON errors into a message', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(((await api.get('/api/me').catch((e: unknown) => e)) as ApiRequestError).status).toBe(0);
    vi.stubGlobal('fetch', async () => new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = (await api.get('/api/x').catch((e: unknown) => e)) as ApiRequestError;
    expect(err.status).toBe(502);
    expect(err.message).toBe('Bad Gateway');
  });

  it('answers 204 with undefined', async () => {
    vi.stubGlobal('fetch', async () => respond(204));
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('reports a 401 outside /api/auth as an expired session', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    vi.stubGlobal('fetch', async () => respond(401, { statusCode: 401, error: 'Unauthorized', message: 'no' }));
    await api.get('/api/incidents').catch(() => undefined);
    await api.get('/api/auth/me').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith('/api/incidents');
  });

  it('builds queries without empty values', () => {
    expect(buildQuery({ status: 'open', q: '', cursor: undefined, limit: 50, departmentId: null })).toBe('?status=open&limit=50');
    expect(buildQuery({ q: 'a&b c' })).toBe('?q=a%26b+c');
    expect(buildQuery({})).toBe('');
  });
});
