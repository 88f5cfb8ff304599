/**
 * The stores wired to a fake socket.io client and a fake server: live events, PATCH conflicts,
 * and the catch-up after a reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentDetailDto, IncidentListDto, IncidentSummaryDto, MessageDto } from '@contracts';
import { at, detail as makeDetail, incident } from './fixtures';

vi.mock('socket.io-client', () => import('./fake-socket'));
const { fake: fakeState } = await import('./fake-socket');
const fake = { state: fakeState };

const { inbox } = await import('../src/stores/inbox');
const { detail } = await import('../src/stores/detail');
const { session } = await import('../src/stores/session');
const { startSession, endSession } = await import('../src/stores/live');
const { connection } = await import('../src/api/socket');

/** A tiny in-memory server behind fetch. */
const server = {
  list: [] as IncidentSummaryDto[],
  detail: null as IncidentDetailDto | null,
  patchStatus: 200,
  calls: [] as { method: string; url: string; body?: unknown; csrf?: string }[],
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function fakeFetch(url: string, init: RequestInit = {}) {
  const method = init.method ?? 'GET';
  const body = init.body ? JSON.parse(init.body as string) : undefined;
  server.calls.push({ method, url, body, csrf: (init.headers as Record<string, string>)['x-csrf-token'] });
  if (url === '/api/auth/login') return json(200, { user: { id: 'u-me', name: 'Me', email: 'me@x', role: 'agent', locale: 'en', departmentIds: [] }, csrfToken: 'csrf-1' });
  if (url === '/api/users' || url === '/api/departments') return json(200, []);
  if (url.startsWith('/api/incidents?')) {
    const status = new URL(url, 'http://x').searchParams.get('status');
    const items = server.list.filter((i) => !status || i.status === status);
    const counts = { new: 0, open: 0, pending: 0, resolved: 0, closed: 0 };
    for (const i of server.list) counts[i.status] += 1;
    return json(200, { items, counts, nextCursor: null } satisfies IncidentListDto);
  }
  if (url.startsWith('/api/incidents/') && method === 'GET') return json(200, server.detail);
  if (url.startsWith('/api/incidents/') && method === 'PATCH') {
    if (server.patchStatus === 409) return json(409, { statusCode: 409, error: 'Conflict', message: 'Someone else changed this incident.' });
    const updated = { ...server.detail!, ...body, version: server.detail!.version + 1 };
    server.detail = updated;
    return json(200, updated);
  }
  if (url.endsWith('/notes')) {
    const message: MessageDto = { id: 'note-1', incidentId: 'i1', kind: 'note', channelKind: null, body: body.body, author: { type: 'user', id: 'u-me', name: 'Me' }, createdAt: at(59) };
    return json(201, message);
  }
  return json(404, { statusCode: 404, error: 'Not Found', message: url });
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  server.calls = [];
  server.patchStatus = 200;
  server.list = [incident({ id: 'i1', status: 'new', updatedAt: at(10) }), incident({ id: 'i2', status: 'open', updatedAt: at(5) })];
  server.detail = makeDetail({ id: 'i1', status: 'new', updatedAt: at(10), version: 1 });
  await session.login({ email: 'me@x', password: 'pw' });
  startSession();
  fake.state.socket!.up();
  await inbox.load();
});

afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

describe('live inbox', () => {
  it('connects to the /inbox namespace with credentials and shows the state', () => {
    expect(fake.state.ioCalls[0]![0]).toBe('/inbox');
    expect(fake.state.ioCalls[0]![1]).toMatchObject({ path: '/socket.io', withCredentials: true });
    expect(connection.state).toBe('live');
    fake.state.socket!.down();
    expect(connection.state).toBe('offline');
  });

  it('inserts a created incident at the top and highlights it', () => {
    const fresh = incident({ id: 'i9', updatedAt: at(30) });
    fake.state.socket!.fire('incident.created', { incident: fresh });
    expect(inbox.state.items.map((i) => i.id)).toEqual(['i9', 'i1', 'i2']);
    expect(inbox.state.highlighted.has('i9')).toBe(true);
    expect(inbox.state.counts.new).toBe(2);
  });

  it('removes an updated incident that leaves the status tab', async () => {
    inbox.setFilters({ status: 'new' });
    await vi.waitFor(() => expect(inbox.state.loading).toBe(false));
    expect(inbox.state.items.map((i) => i.id)).toEqual(['i1']);
    fake.state.socket!.fire('incident.updated', { incident: { ...server.list[0]!, status: 'open', version: 2, updatedAt: at(40) }, changed: ['status'], by: null });
    expect(inbox.state.items).toEqual([]);
    expect(inbox.state.counts).toMatchObject({ new: 0, open: 2 });
  });

  it('opens an incident: announces the view, appends live messages once, refetches on update', async () => {
    fake.state.socket!.viewersAck = [{ id: 'u-me', name: 'Me' }, { id: 'u-bob', name: 'Bob' }];
    await detail.open('i1');
    expect(fake.state.socket!.emitted).toContainEqual({ event: 'incident.view', payload: { incidentId: 'i1' } });
    expect(detail.state.viewers.map((v) => v.name)).toEqual(['Me', 'Bob']);

    const message: MessageDto = { id: 'm7', incidentId: 'i1', kind: 'inbound', channelKind: 'email', body: 'hi', author: { type: 'contact', id: 'c', name: 'C' }, createdAt: at(20) };
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message });
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message });
    fake.state.socket!.fire('message.created', { incidentId: 'other', message: { ...message, id: 'x', incidentId: 'other' } });
    expect(detail.state.incident!.timeline.map((e) => e.id)).toEqual(['m7']);

    server.detail = { ...server.detail!, status: 'open', version: 2, updatedAt: at(21), allowedTransitions: ['pending', 'resolved', 'closed'] };
    const gets = () => server.calls.filter((c) => c.method === 'GET' && c.url === '/api/incidents/i1').length;
    const before = gets();
    fake.state.socket!.fire('incident.updated', { incident: { ...server.list[0]!, status: 'open', version: 2, updatedAt: at(21) }, changed: ['status'], by: null });
    expect(detail.state.incident!.status).toBe('open');
    await vi.waitFor(() => expect(gets()).toBe(before + 1));
    await vi.waitFor(() => expect(detail.state.incident!.allowedTransitions).toEqual(['pending', 'resolved', 'closed']));

    fake.state.socket!.fire('incident.viewers', { incidentId: 'i1', viewers: [{ id: 'u-me', name: 'Me' }] });
    expect(detail.state.viewers).toHaveLength(1);

    detail.close();
    expect(fake.state.socket!.emitted).toContainEqual({ event: 'incident.unview', payload: { incidentId: 'i1' } });
  });

  it('sends PATCH with the version and CSRF token, and updates the list at once', async () => {
    await detail.open('i1');
    expect(await detail.patch({ priority: 'urgent' })).toBe(true);
    const patch = server.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ priority: 'urgent', version: 1 });
    expect(patch.csrf).toBe('csrf-1');
    expect(detail.state.incident!.version).toBe(2);
    expect(inbox.state.items.find((i) => i.id === 'i1')!.priority).toBe('urgent');
  });

  it('on 409 shows the server message and reloads the incident', async () => {
    await detail.open('i1');
    server.patchStatus = 409;
    server.detail = { ...server.detail!, priority: 'high', version: 5 };
    expect(await detail.patch({ priority: 'low' })).toBe(false);
    expect(detail.state.notice).toEqual({ kind: 'conflict', message: 'Someone else changed this incident.' });
    await vi.waitFor(() => expect(detail.state.incident!.version).toBe(5));
    expect(detail.state.incident!.priority).toBe('high');
  });

  it('adds a note once even when the push echoes it', async () => {
    await detail.open('i1');
    expect(await detail.addNote('  call back  ')).toBe(true);
    expect(server.calls.find((c) => c.url.endsWith('/notes'))!.body).toEqual({ body: 'call back' });
    const echo = detail.state.incident!.timeline[0]!;
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message: echo });
    expect(detail.state.incident!.timeline).toHaveLength(1);
  });

  it('catches up after a reconnect: list with current filters, open incident, view again', async () => {
    inbox.setFilters({ status: 'open', assigneeId: 'me' });
    await vi.waitFor(() => expect(inbox.state.loading).toBe(false));
    await detail.open('i1');
    const socket = fake.state.socket!;
    socket.down();
    // Missed while offline:
    server.list = [incident({ id: 'i3', status: 'open', updatedAt: at(50), assignee: { id: 'u-me', name: 'Me' } }), ...server.list];
    server.detail = { ...server.detail!, priority: 'urgent', version: 3 };
    server.calls = [];
    socket.emitted = [];
    socket.up();
    await flush();
    await vi.waitFor(() => expect(inbox.state.items.map((i) => i.id)).toContain('i3'));
    expect(server.calls.some((c) => c.url.startsWith('/api/incidents?') && c.url.includes('status=open') && c.url.includes('assigneeId=me'))).toBe(true);
    await vi.waitFor(() => expect(detail.state.incident!.priority).toBe('urgent'));
    expect(socket.emitted).toContainEqual({ event: 'incident.view', payload: { incidentId: 'i1' } });
  });

  it('the first connect refetches only what was loaded before it', async () => {
    endSession();
    server.calls = [];
    startSession();
    fake.state.socket!.up();
    await flush();
    expect(server.calls.filter((c) => c.url.startsWith('/api/incidents'))).toEqual([]);

    endSession();
    startSession();
    await inbox.load();
    await detail.open('i2');
    server.calls = [];
    fake.state.socket!.up();
    await flush();
    expect(server.calls.map((c) => c.url.split('?')[0])).toEqual(['/api/incidents', '/api/incidents/i2']);
  });
});
