/**
 * The stores wired to a fake socket.io client and a fake server: live events, PATCH conflicts,
 * and the catch-up after a reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentDetailDto, IncidentListDto, IncidentSummaryDto, MessageDto } from '@contracts';
import { at, detail as makeDetail, incident, message as makeMessage } from './fixtures';

vi.mock('socket.io-client', () => import('./fake-socket'));
const { fake: fakeState } = await import('./fake-socket');
const fake = { state: fakeState };

const { inbox } = await import('../src/stores/inbox');
const { detail } = await import('../src/stores/detail');
const { session } = await import('../src/stores/session');
const { startSession, endSession } = await import('../src/stores/live');
const { connection } = await import('../src/api/socket');
const { alerts } = await import('../src/stores/alerts');

/** A tiny in-memory server behind fetch. */
const server = {
  list: [] as IncidentSummaryDto[],
  detail: null as IncidentDetailDto | null,
  patchStatus: 200,
  replyStatus: 201,
  /** While set, GET of an incident (or POST of a reply) waits for it: answers that arrive late. */
  holdGet: null as Promise<void> | null,
  holdReply: null as Promise<void> | null,
  resendStatus: 202,
  resendQueued: true,
  holdResend: null as Promise<void> | null,
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
  if (url.startsWith('/api/incidents/') && method === 'GET') {
    const snapshot = structuredClone(server.detail);
    if (server.holdGet) await server.holdGet;
    return json(200, snapshot);
  }
  if (url.endsWith('/replies')) {
    if (server.replyStatus !== 201) {
      return json(server.replyStatus, { statusCode: server.replyStatus, error: 'Unprocessable Entity', message: 'The customer has no e-mail address.', fields: { body: 'The customer has no e-mail address.' } });
    }
    const message = outbound({ id: 'reply-1', body: body.body });
    server.detail = { ...server.detail!, timeline: [...server.detail!.timeline, { type: 'message', ...message }] };
    if (server.holdReply) await server.holdReply;
    return json(201, message);
  }
  if (url.startsWith('/api/messages/') && url.endsWith('/resend') && method === 'POST') {
    if (server.holdResend) await server.holdResend;
    if (server.resendStatus !== 202) return json(server.resendStatus, { statusCode: server.resendStatus, error: 'Not Found', message: 'No such message.' });
    return json(202, { queued: server.resendQueued });
  }
  if (url.startsWith('/api/incidents/') && method === 'PATCH') {
    if (server.patchStatus === 422) {
      return json(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Invalid request', fields: { siteAddress: 'at most 300 characters' } });
    }
    if (server.patchStatus === 409) return json(409, { statusCode: 409, error: 'Conflict', message: 'Someone else changed this incident.' });
    const updated = { ...server.detail!, ...body, version: server.detail!.version + 1 };
    server.detail = updated;
    return json(200, updated);
  }
  if (url.endsWith('/notes')) {
    const message: MessageDto = makeMessage({ id: 'note-1', incidentId: 'i1', kind: 'note', channelKind: null, body: body.body, author: { type: 'user', id: 'u-me', name: 'Me' }, createdAt: at(59) });
    return json(201, message);
  }
  return json(404, { statusCode: 404, error: 'Not Found', message: url });
}

const flush = () => new Promise((r) => setTimeout(r, 0));

const REPLY_ROUTE = { channelKind: 'email' as const, to: 'maria@example.com', from: 'soporte@climatiza.example' };

function outbound(overrides: Partial<MessageDto> = {}): MessageDto {
  return makeMessage({
    id: 'reply-1',
    incidentId: 'i1',
    kind: 'outbound',
    channelKind: 'email',
    body: 'On our way',
    author: { type: 'user', id: 'u-me', name: 'Me' },
    senderKind: 'agent',
    email: { from: REPLY_ROUTE.from, to: [REPLY_ROUTE.to], cc: [], subject: 'Re: Boiler', html: null, hasBlockedImages: false, fullText: 'On our way', quotedHistoryStripped: false, automatic: 'human' },
    delivery: { status: 'queued', error: null },
    createdAt: at(30),
    ...overrides,
  });
}

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const messageIds = () => detail.state.incident!.timeline.filter((e) => e.type === 'message').map((e) => e.id);
const deliveryOf = (id: string) => {
  const entry = detail.state.incident!.timeline.find((e) => e.type === 'message' && e.id === id);
  return entry?.type === 'message' ? entry.delivery?.status : undefined;
};

beforeEach(async () => {
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  server.calls = [];
  server.patchStatus = 200;
  server.replyStatus = 201;
  server.holdGet = null;
  server.holdReply = null;
  server.resendStatus = 202;
  server.resendQueued = true;
  server.holdResend = null;
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

    const message: MessageDto = makeMessage({ id: 'm7', incidentId: 'i1', kind: 'inbound', channelKind: 'email', body: 'hi', author: { type: 'contact', id: 'c', name: 'C' }, createdAt: at(20) });
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

  it('sends a reply with the CSRF token and shows it once when the push echoes it', async () => {
    server.detail = { ...server.detail!, reply: REPLY_ROUTE };
    await detail.open('i1');
    expect(await detail.sendReply('  On our way  ')).toEqual({ ok: true });
    const post = server.calls.find((c) => c.url === '/api/incidents/i1/replies')!;
    expect(post).toMatchObject({ method: 'POST', body: { body: 'On our way' }, csrf: 'csrf-1' });
    expect(messageIds()).toEqual(['reply-1']);
    expect(deliveryOf('reply-1')).toBe('queued');
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message: outbound() });
    expect(messageIds()).toEqual(['reply-1']);
    await flush();
    await vi.waitFor(() => expect(messageIds()).toEqual(['reply-1'])); // and after the refetch
  });

  it('shows a reply once when the push comes before the answer, and keeps the newer delivery status', async () => {
    await detail.open('i1');
    const held = gate();
    server.holdReply = held.promise;
    const sending = detail.sendReply('On our way');
    await vi.waitFor(() => expect(server.calls.some((c) => c.url.endsWith('/replies'))).toBe(true));
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message: outbound() });
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'sent', error: null } }) });
    expect(messageIds()).toEqual(['reply-1']);
    held.open();
    expect(await sending).toEqual({ ok: true });
    expect(messageIds()).toEqual(['reply-1']);
    expect(deliveryOf('reply-1')).toBe('sent'); // the answer (queued) is older than the push
  });

  it('a refused reply adds nothing and hands back the server message', async () => {
    await detail.open('i1');
    server.replyStatus = 422;
    const result = await detail.sendReply('On our way');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('The customer has no e-mail address.');
    expect(messageIds()).toEqual([]);
    expect(detail.state.notice).toBeNull(); // the reply box shows it, not the banner
  });

  it('message.updated replaces the message in place, only in its incident', async () => {
    const inbound = makeMessage({ id: 'm1', incidentId: 'i1', createdAt: at(1) });
    const note = makeMessage({ id: 'n1', incidentId: 'i1', kind: 'note', channelKind: null, createdAt: at(40) });
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...inbound }, { type: 'message', ...outbound() }, { type: 'message', ...note }] };
    await detail.open('i1');
    fake.state.socket!.fire('message.updated', { incidentId: 'other', message: outbound({ incidentId: 'other', delivery: { status: 'failed', error: 'x' } }) });
    expect(deliveryOf('reply-1')).toBe('queued');
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'failed', error: '550 mailbox unavailable' } }) });
    expect(messageIds()).toEqual(['m1', 'reply-1', 'n1']);
    expect(deliveryOf('reply-1')).toBe('failed');
    const entry = detail.state.incident!.timeline[1]!;
    expect(entry.type === 'message' && entry.delivery).toEqual({ status: 'failed', error: '550 mailbox unavailable' });
  });

  it('a refetch sent before a delivery update does not set it back', async () => {
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...outbound() }] };
    await detail.open('i1');
    const held = gate();
    server.holdGet = held.promise;
    const refetch = detail.refresh(); // its snapshot says queued
    await vi.waitFor(() => expect(server.calls.filter((c) => c.url === '/api/incidents/i1')).toHaveLength(2));
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'sent', error: null } }) });
    held.open();
    await refetch;
    expect(deliveryOf('reply-1')).toBe('sent');

    // A refetch sent after the push is the truth again (a later bounce).
    server.holdGet = null;
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...outbound({ delivery: { status: 'bounced', error: 'User unknown' } }) }] };
    await detail.refresh();
    expect(deliveryOf('reply-1')).toBe('bounced');
  });

  it('a message pushed while the incident is still loading is shown once it is', async () => {
    const held = gate();
    server.holdGet = held.promise;
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...outbound() }] };
    const opening = detail.open('i1');
    await vi.waitFor(() => expect(server.calls.some((c) => c.url === '/api/incidents/i1')).toBe(true));
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'sent', error: null } }) });
    held.open();
    await opening;
    expect(messageIds()).toEqual(['reply-1']);
    expect(deliveryOf('reply-1')).toBe('sent');
  });

  it('a message pushed while a refetch is in flight does not vanish when it lands', async () => {
    await detail.open('i1');
    const held = gate();
    server.holdGet = held.promise;
    const refetch = detail.refresh();
    await vi.waitFor(() => expect(server.calls.filter((c) => c.url === '/api/incidents/i1')).toHaveLength(2));
    fake.state.socket!.fire('message.created', { incidentId: 'i1', message: makeMessage({ id: 'm9', incidentId: 'i1', createdAt: at(45) }) });
    held.open();
    await refetch;
    expect(messageIds()).toEqual(['m9']);
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

describe('service orders, alerts and send again (live)', () => {
  const failedReply = () => outbound({ delivery: { status: 'failed', error: 'Outcome unknown' } });

  it("a technician's answer reaches the list row and the open incident", async () => {
    await detail.open('i1');
    const answered = { ...server.list[0]!, assignee: null, assignmentStatus: 'declined' as const, status: 'open' as const, version: 2, updatedAt: at(40) };
    fake.state.socket!.fire('incident.updated', { incident: answered, changed: ['messages', 'assignmentStatus', 'assignee', 'status'], by: { id: 'u-andres', name: 'Andrés Molina' } });
    expect(inbox.state.items.find((i) => i.id === 'i1')!.assignmentStatus).toBe('declined');
    expect(detail.state.incident!.assignmentStatus).toBe('declined');
    expect(detail.state.incident!.assignee).toBeNull();
  });

  it("'incident.alert' shows an alert; signing out clears them", () => {
    fake.state.socket!.fire('incident.alert', { incidentId: 'i1', reference: 'SB-1042', kind: 'assignment-declined', by: { id: 'u-andres', name: 'Andrés Molina' } });
    expect(alerts.state.items.map((a) => [a.incidentId, a.reference, a.by?.name])).toEqual([['i1', 'SB-1042', 'Andrés Molina']]);
    endSession();
    expect(alerts.state.items).toEqual([]);
  });

  it('saves service-order fields with the version, and hands the error back without the notice', async () => {
    await detail.open('i1');
    expect(await detail.savePatch({ siteAddress: 'Calle Mayor 1', requestedWindow: null })).toEqual({ ok: true });
    const patch = server.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ siteAddress: 'Calle Mayor 1', requestedWindow: null, version: 1 });
    expect(patch.csrf).toBe('csrf-1');
    expect(detail.state.incident!.siteAddress).toBe('Calle Mayor 1');
    expect(detail.state.incident!.version).toBe(2);

    server.patchStatus = 422;
    const refused = await detail.savePatch({ siteAddress: 'x'.repeat(301) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toBe('Invalid request');
    expect(detail.state.notice).toBeNull();
    expect(detail.state.saving).toBe(false);
  });

  it('a refused service-order save for a conflict reloads the incident', async () => {
    await detail.open('i1');
    server.patchStatus = 409;
    server.detail = { ...server.detail!, asset: 'Theirs', version: 4 };
    const outcome = await detail.savePatch({ asset: 'Mine' });
    expect(outcome.ok).toBe(false);
    await vi.waitFor(() => expect(detail.state.incident!.version).toBe(4));
    expect(detail.state.incident!.asset).toBe('Theirs');
    expect(detail.state.notice).toBeNull();
  });

  it('sends again with the CSRF token; queued until the push moves it on', async () => {
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...failedReply() }] };
    await detail.open('i1');
    expect(await detail.resend('reply-1')).toEqual({ ok: true, queued: true });
    expect(server.calls.find((c) => c.url === '/api/messages/reply-1/resend')).toMatchObject({ method: 'POST', csrf: 'csrf-1' });
    expect(deliveryOf('reply-1')).toBe('queued');
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'sent', error: null } }) });
    expect(deliveryOf('reply-1')).toBe('sent');
  });

  it('a push that comes before the answer is not set back to queued', async () => {
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...failedReply() }] };
    await detail.open('i1');
    const held = gate();
    server.holdResend = held.promise;
    const resending = detail.resend('reply-1');
    await vi.waitFor(() => expect(server.calls.some((c) => c.url.endsWith('/resend'))).toBe(true));
    fake.state.socket!.fire('message.updated', { incidentId: 'i1', message: outbound({ delivery: { status: 'sent', error: null } }) });
    held.open();
    expect(await resending).toEqual({ ok: true, queued: true });
    expect(deliveryOf('reply-1')).toBe('sent');
  });

  it('not queued: nothing changes locally and the incident is fetched again', async () => {
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...failedReply() }] };
    await detail.open('i1');
    server.resendQueued = false;
    const gets = () => server.calls.filter((c) => c.method === 'GET' && c.url === '/api/incidents/i1').length;
    const before = gets();
    expect(await detail.resend('reply-1')).toEqual({ ok: true, queued: false });
    expect(deliveryOf('reply-1')).toBe('failed');
    await vi.waitFor(() => expect(gets()).toBe(before + 1));
  });

  it('a failed request is handed back', async () => {
    server.detail = { ...server.detail!, timeline: [{ type: 'message', ...failedReply() }] };
    await detail.open('i1');
    server.resendStatus = 404;
    const outcome = await detail.resend('reply-1');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toBe('No such message.');
    expect(deliveryOf('reply-1')).toBe('failed');
  });
});
