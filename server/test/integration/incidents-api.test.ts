import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetailDto, IncidentListDto, UserDto } from '../../src/contracts/api.js';
import { SessionsService } from '../../src/auth/sessions.service.js';
import { ApiClient, submission } from '../support/api-client.js';
import { query } from '../support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('incidents API', () => {
  let server: TestServer;
  let admin: ApiClient;
  let agent: ApiClient;
  let tech: ApiClient;
  let techUser: UserDto;
  let key: string;
  let deptId: string;

  async function newIncident(overrides: Record<string, string> = {}): Promise<IncidentDetailDto> {
    const r = await new ApiClient(server.url).post(`/api/channels/webform/${key}`, submission(overrides));
    const list = await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${r.body.reference}`));
    return admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${list.items[0].id}`));
  }

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production' });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    key = (await admin.createWebform()).key;
    deptId = (await admin.createDepartment('Redes')).id;
    await admin.createUser({ email: 'agent@test.local', name: 'Elena Agent', role: 'agent' });
    techUser = await admin.createUser({ email: 'tech@test.local', name: 'Tomás Técnico', role: 'technician', departmentIds: [deptId] });
    agent = new ApiClient(server.url);
    await agent.login('agent@test.local', 'a-long-password');
    tech = new ApiClient(server.url);
    await tech.login('tech@test.local', 'a-long-password');
  });
  afterAll(() => server?.close());

  it('refuses wrong passwords, requests without a session, and writes without the CSRF token', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.post('/api/auth/login', { email: ADMIN.email, password: 'wrong' })).status).toBe(401);
    expect((await anon.get('/api/incidents')).status).toBe(401);
    const incident = await newIncident();
    const noCsrf = new ApiClient(server.url);
    noCsrf.cookie = agent.cookie;
    const r = await noCsrf.post(`/api/incidents/${incident.id}/notes`, { body: 'hi' });
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('x-csrf-token');
  });

  it('reports who is logged in, and ends the session on logout', async () => {
    const c = new ApiClient(server.url);
    await c.login('agent@test.local', 'a-long-password');
    expect((await c.get('/api/auth/me')).body.user).toMatchObject({ name: 'Elena Agent', role: 'agent' });
    const sessionCookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const stale = new ApiClient(server.url);
    stale.cookie = sessionCookie; // the old cookie, replayed after logout
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('treats an expired session as logged out, and the purge job forgets it', async () => {
    const c = new ApiClient(server.url);
    await c.login('agent@test.local', 'a-long-password');
    await query(server.databaseUrl!, `update sessions set expires_at = now() - interval '1 minute' where token_hash = encode(sha256($1::bytea), 'hex')`, [
      c.cookie.split('=')[1],
    ]);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect(await server.app.get(SessionsService).purgeExpired()).toBeGreaterThanOrEqual(1);
    const [{ n }] = await query(server.databaseUrl!, `select count(*)::int as n from sessions where expires_at <= now()`);
    expect(n).toBe(0);
  });

  it('assigns, moves through allowed statuses and audits each change', async () => {
    const incident = await newIncident();
    const assigned = await agent.ok<IncidentDetailDto>(agent.patch(`/api/incidents/${incident.id}`, { assigneeId: techUser.id, version: incident.version }));
    expect(assigned.assignee).toEqual({ id: techUser.id, name: 'Tomás Técnico' });
    expect(assigned.status).toBe('open'); // picking up a new incident opens it
    const pending = await agent.ok<IncidentDetailDto>(agent.patch(`/api/incidents/${incident.id}`, { status: 'pending', priority: 'high' }));
    expect(pending).toMatchObject({ status: 'pending', priority: 'high' });
    // (This desk has no mailbox: that the service order waits for one is said too, once; service-orders.test.ts.)
    const audit = pending.timeline.filter((e) => e.type === 'audit').filter((a) => a.action !== 'notice.unsendable');
    expect(audit.map((a) => a.action)).toEqual(['created', 'updated', 'updated']);
    expect(audit[1]).toMatchObject({ actor: { name: 'Elena Agent' }, changes: { assignee: { from: null, to: 'Tomás Técnico' }, status: { from: 'new', to: 'open' } } });
    expect(audit[2].changes).toEqual({ status: { from: 'open', to: 'pending' }, priority: { from: 'normal', to: 'high' } });
  });

  it('refuses a transition the state machine does not allow, saying what is allowed', async () => {
    const incident = await newIncident();
    await agent.ok(agent.patch(`/api/incidents/${incident.id}`, { status: 'closed' }));
    const r = await agent.patch(`/api/incidents/${incident.id}`, { status: 'open' });
    expect(r.status).toBe(400);
    expect(r.body.fields.status).toMatch(/cannot move from "closed" to "open"/);
  });

  it('refuses a stale version with 409 instead of overwriting', async () => {
    const incident = await newIncident();
    await agent.ok(agent.patch(`/api/incidents/${incident.id}`, { priority: 'urgent', version: incident.version }));
    const r = await admin.patch(`/api/incidents/${incident.id}`, { priority: 'low', version: incident.version });
    expect(r.status).toBe(409);
    expect((await admin.get(`/api/incidents/${incident.id}`)).body.priority).toBe('urgent');
  });

  it('validates patches and notes field by field', async () => {
    const incident = await newIncident();
    const r = await agent.patch(`/api/incidents/${incident.id}`, { status: 'flying', assigneeId: 'bob' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.fields).sort()).toEqual(['assigneeId', 'status']);
    expect((await agent.post(`/api/incidents/${incident.id}/notes`, { body: '   ' })).body.fields).toEqual({ body: 'required' });
    expect((await agent.get('/api/incidents/not-an-id')).status).toBe(404);
  });

  it('takes notes written at the same moment, and a note never makes a colleague\'s change conflict', async () => {
    const incident = await newIncident();
    const answers = await Promise.all([1, 2, 3, 4].map((n) => agent.post(`/api/incidents/${incident.id}/notes`, { body: `Nota ${n}` })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const changed = await admin.patch(`/api/incidents/${incident.id}`, { priority: 'high', version: incident.version });
    expect(changed.status).toBe(200);
    expect(changed.body.messageCount).toBe(5);
  });

  it('refuses a login that is not JSON (no cross-site form can log someone in)', async () => {
    const r = await new ApiClient(server.url).request('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password }, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(415);
  });

  it('adds internal notes to the timeline with their author', async () => {
    const incident = await newIncident();
    const note = await agent.ok(agent.post(`/api/incidents/${incident.id}/notes`, { body: 'Llamé al cliente.\nVuelve a llamar mañana.' }));
    expect(note).toMatchObject({ kind: 'note', author: { type: 'user', name: 'Elena Agent' } });
    const detail = await agent.ok<IncidentDetailDto>(agent.get(`/api/incidents/${incident.id}`));
    expect(detail.timeline.filter((e) => e.type === 'message').map((m) => (m as { kind: string }).kind)).toEqual(['inbound', 'note']);
  });

  it('filters by status, department, assignee and text, counts per status, and pages with a cursor', async () => {
    const marker = `Marcador${Date.now()}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newIncident({ subject: `${marker} ${i}` }));
    await admin.ok(admin.patch(`/api/incidents/${made[0].id}`, { departmentId: deptId, assigneeId: techUser.id }));
    await admin.ok(admin.patch(`/api/incidents/${made[1].id}`, { status: 'resolved' }));

    const all = await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${marker}`));
    expect(all.items).toHaveLength(5);
    expect(all.counts).toEqual({ new: 3, open: 1, pending: 0, resolved: 1, closed: 0 });
    expect(all.items[0].id).toBe(made[1].id); // most recent activity first

    const open = await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${marker}&status=open`));
    expect(open.items.map((i) => i.id)).toEqual([made[0].id]);
    expect(open.counts).toEqual(all.counts);
    expect((await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${marker}&departmentId=${deptId}`))).items).toHaveLength(1);
    expect((await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${marker}&assigneeId=none`))).items).toHaveLength(4);
    expect((await tech.ok<IncidentListDto>(tech.get(`/api/incidents?q=${marker}&assigneeId=me`))).items).toHaveLength(1);

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: IncidentListDto = await admin.ok(admin.get(`/api/incidents?q=${marker}&limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
    expect((await admin.get('/api/incidents?limit=0')).body.fields).toHaveProperty('limit');
    const forged = Buffer.from(`${new Date().toISOString()}|not-an-id`).toString('base64url');
    expect((await admin.get(`/api/incidents?cursor=${forged}`)).status).toBe(400);
  });

  it('shows a technician only what is assigned to them', async () => {
    const mine = await newIncident();
    const other = await newIncident();
    await admin.ok(admin.patch(`/api/incidents/${mine.id}`, { assigneeId: techUser.id }));
    const list = await tech.ok<IncidentListDto>(tech.get('/api/incidents?limit=200'));
    expect(list.items.every((i) => i.assignee?.id === techUser.id)).toBe(true);
    expect((await tech.get(`/api/incidents/${other.id}`)).status).toBe(404);
    expect((await tech.patch(`/api/incidents/${mine.id}`, { assigneeId: null })).status).toBe(403);
    const sla = await tech.patch(`/api/incidents/${mine.id}`, { slaPolicyId: null });
    expect(sla.status).toBe(403);
    expect(sla.body.message).toMatch(/SLA policy/);
    // What they may change on their own incident.
    expect((await tech.patch(`/api/incidents/${mine.id}`, { priority: 'high' })).status).toBe(200);
  });

  it('lets only admins create users, departments and channels', async () => {
    expect((await agent.post('/api/departments', { name: 'Nope' })).status).toBe(403);
    expect((await agent.post('/api/channels', { kind: 'webform', name: 'x' })).status).toBe(403);
    const dup = await admin.post('/api/users', { email: 'agent@test.local', name: 'Again', role: 'agent', password: 'a-long-password' });
    expect(dup.status).toBe(409);
  });

  it('reports health with the mode it runs in, and serves the OpenAPI document', async () => {
    const h = await new ApiClient(server.url).get('/api/health');
    expect(h.body).toEqual({ status: 'ok', mode: { database: 'postgres', jobs: 'bullmq' }, details: { database: { status: 'up' }, queue: { status: 'up' } } });
    const doc = await new ApiClient(server.url).get('/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/api/incidents/{id}');
  });
});
