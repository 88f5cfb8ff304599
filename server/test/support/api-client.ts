/** A logged-in (or anonymous) HTTP client speaking to the test server the way the web app does. */
import { io, type Socket } from 'socket.io-client';
import type { ChannelDto, DepartmentDto, MeDto, UserDto } from '../../src/contracts/api.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/contracts/events.js';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  cookie = '';
  csrf = '';
  me?: MeDto;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | undefined = init.raw;
    if (body !== undefined && payload === undefined) {
      headers['content-type'] ??= 'application/json';
      payload = headers['content-type'].includes('urlencoded') ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('sb_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* html or text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown) => this.request<T>('PUT', path, body);

  async login(email: string, password: string): Promise<MeDto> {
    const r = await this.post<MeDto>('/api/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
    this.me = r.body;
    return r.body;
  }

  async ok<T = any>(p: Promise<Answer<T>>, expected = [200, 201, 202, 204]): Promise<T> {
    const r = await p;
    if (!expected.includes(r.status)) throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  createDepartment = (name: string) => this.ok<DepartmentDto>(this.post('/api/departments', { name }));
  createUser = (u: { email: string; name: string; role: string; departmentIds?: string[]; password?: string; locale?: string; extraEmails?: string[]; phone?: string }) =>
    this.ok<UserDto>(this.post('/api/users', { password: 'a-long-password', ...u }));
  createWebform = (name = 'Website') => this.ok<ChannelDto>(this.post('/api/channels', { kind: 'webform', name }));

  /** A live inbox socket with this client's session. */
  async connectInbox(): Promise<InboxSocket> {
    const socket: InboxSocket = io(`${this.baseUrl}/inbox`, { transports: ['websocket'], extraHeaders: { cookie: this.cookie }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(e));
    });
    return socket;
  }
}

export type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Resolves with the first event of that name whose payload satisfies the predicate. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: InboxSocket,
  event: E,
  predicate: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      (socket as any).off(event, handler);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: any) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      (socket as any).off(event, handler);
      resolve(payload);
    };
    (socket as any).on(event, handler);
  });
}

let seq = 0;
export function submission(overrides: Record<string, string> = {}): Record<string, string> {
  seq += 1;
  return {
    name: 'Lucía Gómez',
    email: `lucia.${Date.now()}.${seq}@example.es`,
    subject: `Avería en la línea ${seq}`,
    message: 'No tenemos conexión desde esta mañana.',
    ...overrides,
  };
}
