/**
 * Merging across departments: only someone who sees both incidents merges or unmerges them, and the live
 * events of a merge go to who sees each incident, not to everyone who saw either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentDto, IncidentSummaryDto } from '../../src/contracts/api.js';
import type { IncidentMergeDto } from '../../src/contracts/duplicates.js';
import { ApiClient, nextEvent, submission, type InboxSocket } from '../support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('merges across departments', () => {
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let form: string;
  let boilers: DepartmentDto;
  let lifts: DepartmentDto;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production' });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    socket = await admin.connectInbox();
    form = (await admin.createWebform('Web')).key;
    boilers = await admin.createDepartment('Calderas');
    lifts = await admin.createDepartment('Ascensores');
  }, 120_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  async function incidentIn(department: DepartmentDto, message: string): Promise<IncidentSummaryDto> {
    const subject = `Aviso ${++n} ${department.name}`;
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === subject);
    await admin.post(`/api/channels/webform/${form}`, submission({ name: `Cliente ${n}`, email: `cliente${n}@visibilidad.example`, subject, message }));
    const incident = (await created).incident;
    await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { departmentId: department.id }));
    return incident;
  }

  async function agentOf(department: DepartmentDto): Promise<ApiClient> {
    const user = await admin.createUser({ email: `agente.${department.name.toLowerCase()}.${++n}@visibilidad.example`, name: `Agente ${department.name}`, role: 'agent', departmentIds: [department.id] });
    const agent = new ApiClient(server.url);
    await agent.login(user.email, 'a-long-password');
    return agent;
  }

  it('refuses an unmerge (404) to an agent who cannot see the incidents, and leaves the merge as it was', async () => {
    const a = await incidentIn(boilers, 'La caldera no enciende.');
    const b = await incidentIn(boilers, 'La caldera sigue sin encender.');
    const merge = await admin.ok<IncidentMergeDto>(admin.post(`/api/incidents/${a.id}/merge`, { targetId: b.id }));
    const outsider = await agentOf(lifts);
    expect((await outsider.get(`/api/incidents/${a.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/incident-merges/${merge.id}/undo`, {})).status).toBe(404);
    const detail = await admin.ok<{ status: string; mergedInto: { id: string } | null }>(admin.get(`/api/incidents/${a.id}`));
    expect(detail).toMatchObject({ status: 'closed', mergedInto: { id: b.id } });
    // Who sees both may.
    const insider = await agentOf(boilers);
    expect((await insider.post(`/api/incident-merges/${merge.id}/undo`, {})).status).toBe(200);
  });

  it('sends each incident of a merge only to who sees it: an agent of the source’s department never gets the target', async () => {
    const source = await incidentIn(boilers, 'El termo no calienta.');
    const target = await incidentIn(lifts, 'El ascensor del portal 2 está parado.');
    const agent = await agentOf(boilers);
    const live = await agent.connectInbox();
    const seen: string[] = [];
    live.on('incident.updated', (p) => seen.push(p.incident.id));
    try {
      const sourceClosed = nextEvent(live, 'incident.updated', (p) => p.incident.id === source.id && p.incident.status === 'closed');
      await admin.ok(admin.post(`/api/incidents/${source.id}/merge`, { targetId: target.id }));
      await sourceClosed;
      // A later change this agent sees: events arrive in order, so whatever the merge sent them came before it.
      const barrier = nextEvent(live, 'incident.updated', (p) => p.incident.id !== source.id && p.incident.id !== target.id);
      await incidentIn(boilers, 'Otra cosa: la bomba hace ruido.');
      await barrier;
      expect(seen).toContain(source.id);
      expect(seen).not.toContain(target.id);
      expect((await agent.get(`/api/incidents/${target.id}`)).status).toBe(404);
    } finally {
      live.close();
    }
  });
});
