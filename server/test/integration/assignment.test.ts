/**
 * The most qualified free technician, on the real desk: ranking by the skills the service type needs,
 * zone, availability, level and load; the offer goes out as a service order (real SMTP); a decline by the
 * one-click link offers it to the next; an offer nobody answers expires to the next; when nobody is left,
 * the department is alerted live and its supervisor by e-mail; a rule can ask for all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentService } from '../../src/assignment/assignment.service.js';
import type { DepartmentDto, IncidentDetailDto, IncidentSummaryDto, UserDto } from '../../src/contracts/api.js';
import type { AssignBestResult, CandidatesDto, WorkloadDto } from '../../src/contracts/assignment.js';
import { ApiClient, nextEvent, submission } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { query } from '../support/services.js';
import { waitUntil } from '../support/wait.js';

const PUBLIC = 'https://desk.climatiza.example';
const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));

describe('assignment to the best free technician', () => {
  let desk: MailDesk;
  let form: string;
  let boilers: DepartmentDto;
  let other: DepartmentDto;
  let supervisor: UserDto;
  const tech: Record<string, UserDto> = {};
  let customerId: string;
  let customers = 0;

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: PUBLIC });
    const { admin } = desk;
    form = (await admin.createWebform('Web')).key;
    boilers = await admin.createDepartment('Calderas');
    other = await admin.createDepartment('Ascensores');
    supervisor = await admin.createUser({ email: 'jefa@climatiza.example', name: 'Jefa Calderas', role: 'agent', departmentIds: [boilers.id] });
    await admin.ok(admin.patch(`/api/departments/${boilers.id}`, { supervisorId: supervisor.id, offerMinutes: 20 }));
    await admin.ok(admin.put('/api/service-types/Caldera', { requiredSkills: { gas: 2 } }));
    const people: [string, string, Record<string, number>, string[], string][] = [
      ['ana', boilers.id, { gas: 4 }, ['norte'], 'Ana Expert'],
      ['bob', boilers.id, { gas: 2, electric: 3 }, [], 'Bob Anywhere'],
      ['carl', boilers.id, { gas: 1 }, [], 'Carl Junior'],
      ['dana', boilers.id, { gas: 5 }, ['norte'], 'Dana Away'],
      ['eve', boilers.id, { gas: 5 }, ['sur'], 'Eve South'],
      ['fred', other.id, { gas: 5 }, [], 'Fred Lifts'],
    ];
    for (const [key, dept, skills, zones, name] of people) {
      tech[key] = await admin.createUser({ email: `${key}@tecnicos.example`, name, role: 'technician', departmentIds: [dept] });
      await admin.ok(admin.put(`/api/technicians/${tech[key]!.id}/profile`, { skills, zones, capacity: 3, workingHours: ALWAYS, timeZone: 'Europe/Madrid' }));
    }
    const now = Date.now();
    await admin.ok(admin.post(`/api/technicians/${tech.dana!.id}/absences`, { from: new Date(now - 3600_000).toISOString(), to: new Date(now + 86_400_000).toISOString(), reason: 'vacaciones' }));
    customerId = (await admin.ok<{ id: string }>(admin.post('/api/customers', { name: 'Residencia Norte', zone: 'norte' }))).id;
    await admin.ok(admin.post('/api/contacts', { name: 'Pilar Norte', customerId, identities: [{ kind: 'email', value: 'pilar@residencia.example' }] }));
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  const detail = (id: string) => desk.admin.ok<IncidentDetailDto>(desk.admin.get(`/api/incidents/${id}`));
  /** A boiler incident of a customer of its own in the north (one customer's two boiler requests would be one incident). */
  async function newBoilerIncident(subject: string): Promise<IncidentSummaryDto> {
    const n = ++customers;
    const customer = await desk.admin.ok<{ id: string }>(desk.admin.post('/api/customers', { name: `Residencia ${n}`, zone: 'norte' }));
    const email = `recepcion${n}@residencia.example`;
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: `Recepción ${n}`, customerId: customer.id, identities: [{ kind: 'email', value: email }] }));
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === subject);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: `Recepción ${n}`, email, subject, message: `${subject}: no funciona.` }));
    const incident = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { departmentId: boilers.id, serviceType: 'caldera' }));
    return incident;
  }
  const orderTo = (email: string, reference: string) =>
    waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(email) && m.parsed.subject?.includes(reference)), Boolean, `the service order of ${reference} to ${email}`);

  it('ranks by skills, zone, availability, level and load, explaining each rejection', async () => {
    const incident = await newBoilerIncident('Caldera 1');
    const r = await desk.admin.ok<CandidatesDto>(desk.admin.get(`/api/incidents/${incident.id}/candidates`));
    expect(r.candidates.map((c) => c.name)).toEqual(['Ana Expert', 'Bob Anywhere']);
    const why = Object.fromEntries(r.rejected.map((x) => [x.technicianId, x.reason]));
    expect(why[tech.carl!.id]).toMatch(/gas/);
    expect(why[tech.dana!.id]).toMatch(/absent|not available/i);
    expect(why[tech.eve!.id]).toMatch(/zone/i);
    expect(why[tech.fred!.id]).toMatch(/department/i);
  });

  it('offers to the best, goes to the next on a decline, then on expiry; alerts the supervisor when nobody is left', async () => {
    const incident = await newBoilerIncident('Caldera 2');
    const first = await desk.admin.ok<AssignBestResult>(desk.admin.post(`/api/incidents/${incident.id}/assign-best`, {}));
    expect(first.offeredTo?.name).toBe('Ana Expert');
    expect((await detail(incident.id))).toMatchObject({ assignee: { id: tech.ana!.id }, assignmentStatus: 'pending' });

    // Ana declines with the link in her service order: Bob is offered it by himself.
    const order = await orderTo('ana@tecnicos.example', incident.reference);
    const decline = /https:\/\/desk\.climatiza\.example(\/service-orders\/\S+\/decline)/.exec(order!.parsed.text!)![1];
    const toBob = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === incident.id && p.incident.assignee?.id === tech.bob!.id, 15_000);
    expect(await (await fetch(desk.server.url + decline, { method: 'POST' })).text()).toContain('data-result="done-declined"');
    await toBob;
    await orderTo('bob@tecnicos.example', incident.reference);

    // Bob does not answer: once his offer expires, nobody is left.
    const alert = nextEvent(desk.socket, 'incident.alert', (p) => p.incidentId === incident.id && p.kind === 'no-technician', 15_000);
    const expired = await desk.server.app.get(AssignmentService).expire(new Date(Date.now() + 21 * 60_000));
    expect(expired).toBe(1);
    await alert;
    const d = await detail(incident.id);
    expect(d).toMatchObject({ assignee: null, assignmentStatus: null, status: 'open' });
    expect(d.timeline.filter((e) => e.type === 'audit').map((e) => (e as { action: string }).action)).toEqual(
      expect.arrayContaining(['assignment.offered', 'assignment.declined', 'assignment.expired', 'assignment.none']),
    );
    const boss = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes('jefa@climatiza.example')), Boolean, 'the supervisor alert');
    expect(boss!.parsed.text).toContain(`Nadie puede atender ${incident.reference}`);
    // Nothing more happens on a second sweep: each expiry once.
    expect(await desk.server.app.get(AssignmentService).expire(new Date(Date.now() + 60 * 60_000))).toBe(0);
  });

  it('balances load: with Ana busy at capacity, Bob gets the next one', async () => {
    const busy: string[] = [];
    for (const n of [3, 4, 5]) {
      const i = await newBoilerIncident(`Caldera ${n}`);
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { assigneeId: tech.ana!.id }));
      busy.push(i.id);
    }
    const next = await newBoilerIncident('Caldera 6');
    const r = await desk.admin.ok<AssignBestResult>(desk.admin.post(`/api/incidents/${next.id}/assign-best`, {}));
    expect(r.offeredTo?.name).toBe('Bob Anywhere');
    const load = await desk.admin.ok<WorkloadDto[]>(desk.admin.get('/api/workload'));
    expect(load.find((w) => w.technician.id === tech.ana!.id)).toMatchObject({ open: 3, capacity: 3, availableNow: true });
    expect(load.find((w) => w.technician.id === tech.bob!.id)).toMatchObject({ offered: 1 });
    expect(load.find((w) => w.technician.id === tech.dana!.id)?.availableNow).toBe(false);
  });

  it('is asked for by a workflow rule', async () => {
    await desk.admin.ok(
      desk.admin.post('/api/rules', {
        name: 'Calderas: al mejor técnico',
        on: ['created'],
        conditions: [{ field: 'text', keywords: ['calefacción'], where: 'any' }],
        actions: [{ do: 'set-department', departmentId: boilers.id }, { do: 'set-type', type: 'Caldera' }, { do: 'assign-best' }],
      }),
    );
    const offered = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.subject === 'Sin calefacción' && p.incident.assignmentStatus === 'pending', 15_000);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Pilar Norte', email: 'pilar@residencia.example', subject: 'Sin calefacción', message: 'No tenemos calefacción en la residencia.' }));
    expect((await offered).incident.assignee?.name).toBe('Bob Anywhere');
  });

  it('offers what a rule asked to assign when the process died before it did (the expiry sweep), once', async () => {
    const offered = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.subject === 'Calefacción apagada' && p.incident.assignmentStatus === 'pending', 15_000);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Luis Norte', email: 'luis@residencia.example', subject: 'Calefacción apagada', message: 'La calefacción del ala norte no arranca.' }));
    const { incident } = await offered;
    // As if the process had died after the rule's transaction and before its assign-best.
    await query(desk.db, `delete from assignment_offers where incident_id = $1`, [incident.id]);
    await query(desk.db, `update incidents set assignee_id = null, assignment_id = null, assignment_status = null where id = $1`, [incident.id]);
    const later = new Date(Date.now() + 2 * 60_000);
    await desk.server.app.get(AssignmentService).expire(later);
    const offers = () => query<{ status: string }>(desk.db, `select status from assignment_offers where incident_id = $1`, [incident.id]);
    expect((await offers()).map((o) => o.status)).toEqual(['offered']);
    expect((await detail(incident.id)).assignmentStatus).toBe('pending');
    await desk.server.app.get(AssignmentService).expire(later);
    expect(await offers()).toHaveLength(1);
  });

  describe('deleting a service type', () => {
    const types = () => desk.admin.ok<{ name: string }[]>(desk.admin.get('/api/service-types')).then((list) => list.map((x) => x.name));
    const remove = (name: string, client: ApiClient = desk.admin) => client.request('DELETE', `/api/service-types/${encodeURIComponent(name)}`);
    /** An incident of its own customer (no dedup into another one), of the given type. */
    async function incidentOfType(subject: string, serviceType: string): Promise<IncidentSummaryDto> {
      const email = `tipo${++customers}@obras.example`;
      const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === subject);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: `Obra ${customers}`, email, subject, message: `${subject}.` }));
      const incident = (await created).incident;
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { serviceType }));
      return incident;
    }

    it('deletes one nothing uses (204, gone from the list); an unknown name, or another spelling of it, is 404', async () => {
      await desk.admin.ok(desk.admin.put('/api/service-types/Creado por error', { requiredSkills: { gas: 1 } }));
      expect(await types()).toContain('Creado por error');
      const wrongCase = await remove('creado por error');
      expect(wrongCase.status).toBe(404);
      expect(wrongCase.body.message).toContain('No service type "creado por error"');
      expect((await remove('Creado por error')).status).toBe(204);
      expect(await types()).not.toContain('Creado por error');
      expect((await remove('Creado por error')).status).toBe(404);
      expect(await types()).toContain('Caldera');
    });

    it('is for admins only: an agent gets 403 and the type stays', async () => {
      await desk.admin.ok(desk.admin.put('/api/service-types/Solo admins', { requiredSkills: {} }));
      const agent = new ApiClient(desk.server.url);
      const user = await desk.admin.createUser({ email: 'agente.tipos@climatiza.example', name: 'Agente Tipos', role: 'agent', password: 'a-long-password' });
      await agent.login(user.email, 'a-long-password');
      expect((await remove('Solo admins', agent)).status).toBe(403);
      expect(await types()).toContain('Solo admins');
    });

    it('refuses (409) while open incidents of it or rules that set it remain, whatever their case; resolved and closed ones do not hold it', async () => {
      await desk.admin.ok(desk.admin.put('/api/service-types/Fontanería', { requiredSkills: { agua: 2 } }));
      const open = await incidentOfType('Fuga en el baño', 'fontanería');
      const closed = await incidentOfType('Grifo cambiado', 'Fontanería');
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${closed.id}`, { status: 'closed' }));
      const byIncident = await remove('Fontanería');
      expect(byIncident.status).toBe(409);
      expect(byIncident.body.inUse).toEqual({ incidents: 1, rules: [] });
      expect(byIncident.body.message).toContain('Fontanería');

      const rule = await desk.admin.ok<{ id: string }>(
        desk.admin.post('/api/rules', { name: 'Fugas: fontanería', active: false, on: ['created'], conditions: [{ field: 'text', keywords: ['zzqq-nunca'], where: 'any' }], actions: [{ do: 'add-tags', tags: ['agua'] }, { do: 'set-type', type: 'fontanería' }] }),
      );
      await desk.admin.ok(desk.admin.post('/api/rules', { name: 'Otro tipo', on: ['created'], conditions: [{ field: 'text', keywords: ['zzqq-nunca'], where: 'any' }], actions: [{ do: 'set-type', type: 'Fontanería industrial' }] }));
      expect((await remove('Fontanería')).body.inUse).toEqual({ incidents: 1, rules: ['Fugas: fontanería'] });

      await desk.admin.ok(desk.admin.patch(`/api/incidents/${open.id}`, { status: 'resolved' }));
      const byRule = await remove('Fontanería');
      expect(byRule.status).toBe(409);
      expect(byRule.body.inUse).toEqual({ incidents: 0, rules: ['Fugas: fontanería'] });
      expect(await types()).toContain('Fontanería');

      await desk.admin.ok(desk.admin.request('DELETE', `/api/rules/${rule.id}`));
      expect((await remove('Fontanería')).status).toBe(204);
      expect(await types()).not.toContain('Fontanería');
      // The incidents keep their type as text.
      expect((await detail(open.id)).serviceType).toBe('fontanería');
    });

    it('refuses to save a case twin of a type (409 naming it); the same spelling saves as before', async () => {
      await desk.admin.ok(desk.admin.put('/api/service-types/Calefacción', { requiredSkills: { gas: 2 } }));
      const twin = await desk.admin.put('/api/service-types/calefacción', { requiredSkills: { gas: 3 } });
      expect(twin.status).toBe(409);
      expect(twin.body.fields).toEqual({ name: '"Calefacción" exists already' });
      expect((await types()).filter((n) => n.toLowerCase() === 'calefacción')).toEqual(['Calefacción']);
      const saved = await desk.admin.ok<{ name: string; requiredSkills: Record<string, number> }[]>(desk.admin.put('/api/service-types/Calefacción', { requiredSkills: { gas: 3 } }));
      expect(saved.find((x) => x.name === 'Calefacción')!.requiredSkills).toEqual({ gas: 3 });
    });

    it('a case twin (saved before twins were refused) goes even while incidents of the type are open: the other still defines it', async () => {
      await desk.admin.ok(desk.admin.put('/api/service-types/Aire acondicionado', { requiredSkills: { frio: 2 } }));
      await query(desk.db, `insert into service_types (name, required_skills, updated_at) values ('aire acondicionado', '{"frio": 3}', now())`);
      await incidentOfType('No enfría', 'AIRE ACONDICIONADO');
      expect((await remove('aire acondicionado')).status).toBe(204);
      const last = await remove('Aire acondicionado');
      expect(last.status).toBe(409);
      expect(last.body.inUse).toEqual({ incidents: 1, rules: [] });
      expect(await types()).toContain('Aire acondicionado');
    });
  });
});
