import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentListDto, UserDto } from '../../src/contracts/api.js';
import { ApiClient, nextEvent, submission, type InboxSocket } from '../support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('live inbox over socket.io, two server processes sharing Redis', () => {
  let a: TestServer;
  let b: TestServer;
  const sockets: InboxSocket[] = [];
  let adminA: ApiClient;
  let ana: ApiClient; // agent on server A
  let bob: ApiClient; // agent on server B
  let bobUser: UserDto;
  let techUser: UserDto;
  let key: string;
  let deptId: string;

  beforeAll(async () => {
    a = await startTestServer({ mode: 'production' });
    b = await startTestServer({ mode: 'production', databaseUrl: a.databaseUrl, redisPrefix: a.config.redisPrefix });
    adminA = new ApiClient(a.url);
    await adminA.login(ADMIN.email, ADMIN.password);
    key = (await adminA.createWebform()).key;
    deptId = (await adminA.createDepartment('Averías')).id;
    await adminA.createUser({ email: 'ana@test.local', name: 'Ana', role: 'agent' });
    bobUser = await adminA.createUser({ email: 'bob@test.local', name: 'Bob', role: 'agent' });
    techUser = await adminA.createUser({ email: 'tec@test.local', name: 'Teo', role: 'technician' });
    ana = new ApiClient(a.url);
    await ana.login('ana@test.local', 'a-long-password');
    bob = new ApiClient(b.url);
    await bob.login('bob@test.local', 'a-long-password');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  async function connect(c: ApiClient) {
    const s = await c.connectInbox();
    sockets.push(s);
    return s;
  }

  it('refuses a socket without a session, or from another site', async () => {
    const anon = new ApiClient(a.url);
    await expect(anon.connectInbox()).rejects.toThrow(/unauthorized/);
    const { io } = await import('socket.io-client');
    const s = io(`${a.url}/inbox`, { transports: ['websocket'], extraHeaders: { cookie: ana.cookie, origin: 'https://evil.example' }, reconnection: false, forceNew: true });
    const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
    expect(err.message).toMatch(/origin not allowed/);
    s.disconnect();
  });

  it('shows a new web-form request to agents on both servers, with its first message in the same event', async () => {
    const sa = await connect(ana);
    const sb = await connect(bob);
    const form = submission({ subject: 'Se fue la luz en el portal' });
    const createdA = nextEvent(sa, 'incident.created', (p) => p.incident.subject === form.subject);
    const createdB = nextEvent(sb, 'incident.created', (p) => p.incident.subject === form.subject);
    const messages: unknown[] = [];
    const record = (p: unknown) => void messages.push(p);
    sb.on('message.created', record);
    const r = await new ApiClient(b.url).post(`/api/channels/webform/${key}`, form);
    const [ea, eb] = await Promise.all([createdA, createdB]);
    expect(ea.incident.reference).toBe(r.body.reference);
    expect(eb.incident).toMatchObject({ reference: r.body.reference, status: 'new', contact: { email: form.email } });
    expect(eb.message).toMatchObject({ kind: 'inbound', body: form.message, author: { type: 'contact' } });
    // The first message is not announced a second time: a note added now arrives, the first message never did.
    const note = nextEvent(sb, 'message.created', (p) => p.incidentId === eb.incident.id);
    await ana.ok(ana.post(`/api/incidents/${eb.incident.id}/notes`, { body: 'Llamo al presidente de la comunidad.' }));
    expect((await note).message).toMatchObject({ kind: 'note' });
    expect(messages).toHaveLength(1);
    sb.off('message.created', record);
  });

  it('pushes an assignment made on one server to the other, and to the assignee only', async () => {
    const sb = await connect(bob);
    const tech = new ApiClient(b.url);
    await tech.login('tec@test.local', 'a-long-password');
    const st = await connect(tech);
    const techEvents: string[] = [];
    st.on('incident.created', (p) => techEvents.push(`created ${p.incident.reference}`));

    const r = await new ApiClient(a.url).post(`/api/channels/webform/${key}`, submission());
    const { items } = await ana.ok<IncidentListDto>(ana.get(`/api/incidents?q=${r.body.reference}`));
    const id = items[0].id;

    const seenByBob = nextEvent(sb, 'incident.updated', (p) => p.incident.id === id);
    const seenByTech = nextEvent(st, 'incident.updated', (p) => p.incident.id === id);
    await ana.ok(ana.patch(`/api/incidents/${id}`, { assigneeId: bobUser.id }));
    const update = await seenByBob;
    expect(update.incident.assignee).toEqual({ id: bobUser.id, name: 'Bob' });
    expect(update.changed).toEqual(expect.arrayContaining(['assignee', 'status']));
    expect(update.by).toMatchObject({ name: 'Ana' });

    const toTech = nextEvent(st, 'incident.updated', (p) => p.incident.id === id && p.incident.assignee?.id === techUser.id);
    await bob.ok(bob.patch(`/api/incidents/${id}`, { assigneeId: techUser.id, departmentId: deptId }));
    expect((await toTech).incident.department).toEqual({ id: deptId, name: 'Averías' });
    await expect(seenByTech).resolves.toBeDefined();
    expect(techEvents).toEqual([]); // the technician never heard of incidents that are not theirs
  });

  it('pushes notes live and tells who else is viewing an incident', async () => {
    const sa = await connect(ana);
    const sb = await connect(bob);
    const r = await new ApiClient(a.url).post(`/api/channels/webform/${key}`, submission());
    const { items } = await ana.ok<IncidentListDto>(ana.get(`/api/incidents?q=${r.body.reference}`));
    const id = items[0].id;

    const firstViewers = await sa.emitWithAck('incident.view', { incidentId: id });
    expect(firstViewers.map((v: { name: string }) => v.name)).toEqual(['Ana']);
    const anaHearsBob = nextEvent(sa, 'incident.viewers', (p) => p.incidentId === id && p.viewers.length === 2);
    const both = await sb.emitWithAck('incident.view', { incidentId: id });
    expect(both.map((v: { name: string }) => v.name)).toEqual(['Ana', 'Bob']);
    expect((await anaHearsBob).viewers.map((v) => v.name)).toEqual(['Ana', 'Bob']);

    const note = nextEvent(sa, 'message.created', (p) => p.incidentId === id && p.message.kind === 'note');
    await bob.ok(bob.post(`/api/incidents/${id}/notes`, { body: 'Lo miro yo' }));
    expect((await note).message).toMatchObject({ body: 'Lo miro yo', author: { name: 'Bob' } });

    const bobLeft = nextEvent(sa, 'incident.viewers', (p) => p.incidentId === id && p.viewers.length === 1);
    sb.disconnect();
    expect((await bobLeft).viewers.map((v) => v.name)).toEqual(['Ana']);
  });

  it('shows an agent of a department only its incidents, and tells them when one leaves it', async () => {
    const other = (await adminA.createDepartment('Facturación')).id;
    await adminA.createUser({ email: 'carl@test.local', name: 'Carl', role: 'agent', departmentIds: [deptId] });
    const carl = new ApiClient(b.url);
    await carl.login('carl@test.local', 'a-long-password');
    const sc = await connect(carl);

    const r = await new ApiClient(a.url).post(`/api/channels/webform/${key}`, submission());
    const { items } = await ana.ok<IncidentListDto>(ana.get(`/api/incidents?q=${r.body.reference}`));
    const id = items[0].id;
    expect((await carl.ok<IncidentListDto>(carl.get(`/api/incidents?q=${r.body.reference}`))).items).toHaveLength(1); // no department yet: everyone's

    const toCarl = nextEvent(sc, 'incident.updated', (p) => p.incident.id === id);
    await ana.ok(ana.patch(`/api/incidents/${id}`, { departmentId: deptId }));
    expect((await toCarl).incident.department?.id).toBe(deptId);

    const updates: string[] = [];
    sc.on('incident.updated', (p) => p.incident.id === id && updates.push(p.incident.department?.name ?? ''));
    const removed = nextEvent(sc, 'incident.removed', (p) => p.incidentId === id);
    const answer = await carl.patch(`/api/incidents/${id}`, { departmentId: other }); // Carl moves it out of his own sight
    expect(answer.status).toBe(200);
    expect(answer.body.department.id).toBe(other);
    await removed;
    expect(updates).toEqual([]); // he got no copy of it in its new department
    expect((await carl.get(`/api/incidents/${id}`)).status).toBe(404);
    expect((await carl.ok<IncidentListDto>(carl.get(`/api/incidents?q=${r.body.reference}`))).items).toHaveLength(0);
  });

  it('closes the live connection when its session logs out', async () => {
    const c = new ApiClient(a.url);
    await c.login('ana@test.local', 'a-long-password');
    const s = await connect(c);
    const closed = new Promise<string>((resolve) => s.once('disconnect', resolve));
    await c.ok(c.post('/api/auth/logout'));
    expect(await closed).toBe('io server disconnect');
  });
});

