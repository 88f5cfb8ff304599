/**
 * The workload screen's live feed, on the real desk: every agent and admin hears 'workload.changed' when a
 * technician's workload moves — an offer made, answered by the one-click link in the service order
 * (real SMTP), expired, an assignment changed by an agent, a profile or an absence edited — also an agent
 * of another department, who is never told about the incident itself; technicians never hear it. And
 * GET /api/workload says what the screen shows: the offer with its deadline, why someone is not
 * available and until when, their current absence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentService } from '../../src/assignment/assignment.service.js';
import type { DepartmentDto, IncidentSummaryDto, UserDto } from '../../src/contracts/api.js';
import type { WorkloadDto } from '../../src/contracts/assignment.js';
import type { ServerToClientEvents } from '../../src/contracts/events.js';
import { ApiClient, nextEvent, submission, type InboxSocket } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { waitUntil } from '../support/wait.js';

const PUBLIC = 'https://desk.climatiza.example';
const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));

type Heard = { event: string; payload: unknown };

/** Every event a socket hears, in order. */
function record(socket: InboxSocket): Heard[] {
  const heard: Heard[] = [];
  socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  return heard;
}

describe('the workload, live', () => {
  let desk: MailDesk;
  let form: string;
  let boilers: DepartmentDto;
  let tech: UserDto;
  let other: UserDto;
  let agent: ApiClient;
  let agentSocket: InboxSocket;
  let techSocket: InboxSocket;
  let techHeard: Heard[];
  let agentHeard: Heard[];
  let incident: IncidentSummaryDto;

  const workload = async (client: ApiClient = desk.admin) => client.ok<WorkloadDto[]>(client.get('/api/workload'));
  const row = async (id: string, client?: ApiClient) => (await workload(client)).find((w) => w.technician.id === id)!;
  const changed = (socket: InboxSocket, p: (x: Parameters<ServerToClientEvents['workload.changed']>[0]) => boolean) => nextEvent(socket, 'workload.changed', p, 15_000);

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: PUBLIC });
    const { admin } = desk;
    form = (await admin.createWebform('Web')).key;
    boilers = await admin.createDepartment('Calderas');
    const lifts = await admin.createDepartment('Ascensores');
    await admin.ok(admin.patch(`/api/departments/${boilers.id}`, { offerMinutes: 25 }));
    await admin.ok(admin.put('/api/service-types/Caldera', { requiredSkills: { gas: 2 } }));
    tech = await admin.createUser({ email: 'marta@tecnicos.example', name: 'Marta Gas', role: 'technician', departmentIds: [boilers.id], password: 'marta-password-1' });
    other = await admin.createUser({ email: 'nico@tecnicos.example', name: 'Nico Libre', role: 'technician', departmentIds: [boilers.id] });
    // An agent who sees only the lifts: never told about a boiler incident, but the workload is everyone's.
    await admin.createUser({ email: 'luis@desk.example', name: 'Luis Ascensores', role: 'agent', departmentIds: [lifts.id], password: 'luis-password-1' });
    agent = new ApiClient(desk.server.url);
    await agent.login('luis@desk.example', 'luis-password-1');
    agentSocket = await agent.connectInbox();
    agentHeard = record(agentSocket);
    const techClient = new ApiClient(desk.server.url);
    await techClient.login('marta@tecnicos.example', 'marta-password-1');
    techSocket = await techClient.connectInbox();
    techHeard = record(techSocket);
  }, 120_000);
  afterAll(async () => {
    agentSocket?.close();
    techSocket?.close();
    await desk?.close();
  });

  it('a profile saved is heard by every agent, and the workload shows when availability changes', async () => {
    const heard = changed(agentSocket, (p) => p.reason === 'profile' && p.technicianId === tech.id);
    await desk.admin.ok(desk.admin.put(`/api/technicians/${tech.id}/profile`, { skills: { gas: 4 }, zones: ['norte'], capacity: 2, workingHours: ALWAYS, timeZone: 'Europe/Madrid' }));
    await heard;
    // Nico works no day at all: off hours, and it is not changing.
    const nico = changed(agentSocket, (p) => p.reason === 'profile' && p.technicianId === other.id);
    await desk.admin.ok(desk.admin.put(`/api/technicians/${other.id}/profile`, { skills: { gas: 1 }, workingHours: {} }));
    await nico;
    expect(await row(tech.id, agent)).toMatchObject({ availableNow: true, unavailableBecause: null, availabilityChangesAt: null, capacity: 2, zones: ['norte'], timeZone: 'Europe/Madrid', absence: null });
    expect(await row(other.id)).toMatchObject({ availableNow: false, unavailableBecause: 'off-hours', availabilityChangesAt: null, workingHours: {} });
  });

  it('an offer reaches an agent of another department as a workload change only, with its deadline on the workload', async () => {
    const customer = await desk.admin.ok<{ id: string }>(desk.admin.post('/api/customers', { name: 'Residencia Norte', zone: 'norte' }));
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Pilar Norte', customerId: customer.id, identities: [{ kind: 'email', value: 'pilar@residencia.example' }] }));
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Caldera sin presión');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Pilar Norte', email: 'pilar@residencia.example', subject: 'Caldera sin presión', message: 'La caldera pierde presión.' }));
    incident = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { departmentId: boilers.id, serviceType: 'Caldera' }));

    const offered = changed(agentSocket, (p) => p.reason === 'offered' && p.technicianId === tech.id);
    const r = await desk.admin.ok<{ offeredTo: { id: string } | null }>(desk.admin.post(`/api/incidents/${incident.id}/assign-best`, {}));
    expect(r.offeredTo?.id).toBe(tech.id);
    await offered;
    // It heard of the incident while it had no department; once in Calderas, never (an update would have come before the workload change).
    expect(agentHeard.filter((h) => h.event === 'incident.updated' && (h.payload as { incident: { id: string } }).incident.id === incident.id)).toEqual([]);

    const marta = await row(tech.id, agent);
    expect(marta).toMatchObject({ open: 1, offered: 1, confirmed: 0 });
    const item = marta.incidents.find((i) => i.id === incident.id)!;
    expect(item).toMatchObject({ reference: incident.reference, subject: 'Caldera sin presión', assignmentStatus: 'pending', priority: 'normal' });
    expect(Date.parse(item.offer!.expiresAt) - Date.parse(item.offer!.offeredAt)).toBe(25 * 60_000);
  });

  it('the technician confirms by the link in the service order: heard as answered; technicians never hear workload changes', async () => {
    const order = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes('marta@tecnicos.example') && m.parsed.subject?.includes(incident.reference)), Boolean, 'the service order');
    const confirm = new RegExp(`${PUBLIC.replace(/\./g, '\\.')}(/service-orders/\\S+/confirm)`).exec(order!.parsed.text!)![1]!;
    const answered = changed(agentSocket, (p) => p.reason === 'answered');
    // The technician hears their own incident change after any workload change would have reached them (one socket keeps its order).
    const techUpdated = nextEvent(techSocket, 'incident.updated', (p) => p.incident.id === incident.id && p.incident.assignmentStatus === 'confirmed', 15_000);
    expect(await (await fetch(desk.server.url + confirm, { method: 'POST' })).text()).toContain('data-result="done-confirmed"');
    await answered;
    await techUpdated;
    expect(techHeard.filter((h) => h.event === 'workload.changed')).toEqual([]);
    const marta = await row(tech.id);
    expect(marta).toMatchObject({ offered: 0, confirmed: 1 });
    expect(marta.incidents.find((i) => i.id === incident.id)).toMatchObject({ assignmentStatus: 'confirmed', offer: null });
  });

  it('an agent resolving the incident moves the workload', async () => {
    const heard = changed(agentSocket, (p) => p.reason === 'changed');
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { status: 'resolved' }));
    await heard;
    expect(await row(tech.id)).toMatchObject({ open: 0, incidents: [] });
  });

  it('an absence added or removed is heard, and the workload says absent, why, and until when', async () => {
    const now = Date.now();
    const to = new Date(now + 2 * 3600_000).toISOString();
    const added = changed(agentSocket, (p) => p.reason === 'absence' && p.technicianId === tech.id);
    const [absence] = await desk.admin.ok<{ id: string }[]>(desk.admin.post(`/api/technicians/${tech.id}/absences`, { from: new Date(now - 3600_000).toISOString(), to, reason: 'médico' }));
    await added;
    expect(await row(tech.id, agent)).toMatchObject({ availableNow: false, unavailableBecause: 'absent', availabilityChangesAt: to, absence: { id: absence!.id, to, reason: 'médico' } });

    const removed = changed(agentSocket, (p) => p.reason === 'absence' && p.technicianId === tech.id);
    await desk.admin.ok(desk.admin.request('DELETE', `/api/technicians/${tech.id}/absences/${absence!.id}`), [204]);
    await removed;
    expect(await row(tech.id)).toMatchObject({ availableNow: true, absence: null });
  });

  it('an offer nobody answers expires: heard as expired', async () => {
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Caldera apagada');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ subject: 'Caldera apagada', message: 'La caldera no enciende.' }));
    const second = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${second.id}`, { departmentId: boilers.id }));
    const offered = changed(agentSocket, (p) => p.reason === 'offered' && p.technicianId === tech.id);
    await desk.admin.ok(desk.admin.post(`/api/incidents/${second.id}/assign-best`, {}));
    await offered;
    // Its service order queued first: the sweep skips an incident another transaction holds (it is retried next time).
    await waitUntil(async () => desk.smtp.mails.find((m) => m.parsed.subject?.includes(second.reference)), Boolean, 'the service order');
    const expired = changed(agentSocket, (p) => p.reason === 'expired' && p.technicianId === tech.id);
    expect(await desk.server.app.get(AssignmentService).expire(new Date(Date.now() + 26 * 60_000))).toBe(1);
    await expired;
    expect((await row(tech.id)).incidents.find((i) => i.id === second.id)).toBeUndefined();
  });
});
