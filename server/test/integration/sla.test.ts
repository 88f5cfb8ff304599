/**
 * SLA clocks on the real desk: a policy set by a rule or by hand puts live clocks on the incident; an
 * agent's first reply stops the first-response clock; waiting for the customer pauses resolution; the
 * workers' sweep records each warning and breach once and acts on it (alert, priority, e-mail by real
 * SMTP); calendars are checked. Time passing is the sweep's `now`, not a sleep.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentDetailDto, IncidentSummaryDto } from '../../src/contracts/api.js';
import type { CalendarDto, SlaPolicyDto } from '../../src/contracts/sla.js';
import { EmailReplies } from '../../src/email/email-replies.service.js';
import { ServiceOrders } from '../../src/email/service-orders.service.js';
import { SlaService } from '../../src/sla/sla.service.js';
import { ApiClient, nextEvent, submission } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { mail, MAILBOX } from '../support/mailbox.js';
import { query } from '../support/services.js';
import { waitUntil } from '../support/wait.js';

const MIN = 60_000;

describe('SLA', () => {
  let desk: MailDesk;
  let form: string;
  let policy: SlaPolicyDto;
  let n = 0;

  beforeAll(async () => {
    desk = await startMailDesk();
    form = (await desk.admin.createWebform('Web')).key;
    policy = await desk.admin.ok<SlaPolicyDto>(
      desk.admin.post('/api/sla/policies', {
        name: 'Estándar 24x7',
        firstResponseMinutes: 60,
        resolutionMinutes: 240,
        warnAtPercent: 50,
        actions: [
          { on: 'warning', do: 'alert' },
          { on: 'breached', do: 'alert' },
          { on: 'breached', do: 'set-priority', priority: 'urgent' },
          { on: 'breached', do: 'notify', to: 'jefe@climatiza.example' },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  const sla = () => desk.server.app.get(SlaService);
  const detail = (id: string) => desk.admin.ok<IncidentDetailDto>(desk.admin.get(`/api/incidents/${id}`));
  async function incident(message = 'La bomba de calor no arranca.'): Promise<IncidentSummaryDto> {
    const subject = `Solicitud ${++n}`;
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === subject);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: `Cliente ${n}`, email: `cliente${n}@sla.example`, subject, message }));
    return (await created).incident;
  }

  it('refuses a calendar or policy that is not valid, naming the field', async () => {
    const cal = await desk.admin.post('/api/sla/calendars', { name: 'x', timeZone: 'Europe/Nowhere', hours: { mon: [['09:00', '25:00']] }, holidays: ['2026-02-30'] });
    expect(cal.status).toBe(400);
    expect(Object.keys(cal.body.fields)).toEqual(expect.arrayContaining(['timeZone', 'holidays[0]']));
    const none = await desk.admin.post('/api/sla/policies', { name: 'vacía' });
    expect(none.status).toBe(400);
    const good = await desk.admin.ok<CalendarDto>(desk.admin.post('/api/sla/calendars', { name: 'Oficina Madrid', timeZone: 'Europe/Madrid', hours: { mon: [['09:00', '18:00']], fri: [['09:00', '15:00']] }, holidays: ['2026-12-08'] }));
    expect(good).toMatchObject({ timeZone: 'Europe/Madrid', holidays: ['2026-12-08'] });
  });

  it('deletes only a policy or calendar nothing uses; otherwise 409 says what uses it', async () => {
    const cal = await desk.admin.ok<CalendarDto>(desk.admin.post('/api/sla/calendars', { name: 'Borrable', timeZone: 'Europe/Bucharest', hours: { mon: [['08:00', '16:00']] } }));
    const used = await desk.admin.ok<SlaPolicyDto>(desk.admin.post('/api/sla/policies', { name: 'Con reglas', resolutionMinutes: 600, calendarId: cal.id }));
    const calendarInUse = await desk.admin.request('DELETE', `/api/sla/calendars/${cal.id}`);
    expect(calendarInUse.status).toBe(409);
    expect(calendarInUse.body.inUse).toEqual({ policies: ['Con reglas'] });

    await desk.admin.ok(desk.admin.post('/api/rules', { name: 'Nunca coincide', on: ['created'], conditions: [{ field: 'text', keywords: ['zzqq-nunca'], where: 'any' }], actions: [{ do: 'set-sla', policyId: used.id }] }));
    const byRule = await desk.admin.request('DELETE', `/api/sla/policies/${used.id}`);
    expect(byRule.status).toBe(409);
    expect(byRule.body.inUse).toEqual({ incidents: 0, rules: ['Nunca coincide'] });

    const onIncident = await desk.admin.ok<SlaPolicyDto>(desk.admin.post('/api/sla/policies', { name: 'Con incidencia', resolutionMinutes: 600 }));
    const i = await incident();
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: onIncident.id }));
    const ran = await desk.admin.request('DELETE', `/api/sla/policies/${onIncident.id}`);
    expect(ran.status).toBe(409);
    expect(ran.body.inUse).toEqual({ incidents: 1, rules: [] });
    expect(ran.body.message).toContain('Con incidencia');
    // Taken off its only incident, nothing uses it any more.
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: null }));
    expect((await desk.admin.request('DELETE', `/api/sla/policies/${onIncident.id}`)).status).toBe(204);

    const spare = await desk.admin.ok<SlaPolicyDto>(desk.admin.post('/api/sla/policies', { name: 'Por error', firstResponseMinutes: 30 }));
    expect((await desk.admin.request('DELETE', `/api/sla/policies/${spare.id}`)).status).toBe(204);
    expect((await desk.admin.request('DELETE', `/api/sla/policies/${spare.id}`)).status).toBe(404);
    expect((await desk.admin.ok<SlaPolicyDto[]>(desk.admin.get('/api/sla/policies'))).map((p) => p.id)).not.toContain(spare.id);

    await desk.admin.ok(desk.admin.request('PUT', `/api/sla/policies/${used.id}`, { name: 'Con reglas', resolutionMinutes: 600, calendarId: null }));
    expect((await desk.admin.request('DELETE', `/api/sla/calendars/${cal.id}`)).status).toBe(204);
    expect((await desk.admin.ok<CalendarDto[]>(desk.admin.get('/api/sla/calendars'))).map((c) => c.id)).not.toContain(cal.id);
    const agent = new ApiClient(desk.server.url);
    await desk.admin.createUser({ email: `sla.agent.${Date.now()}@climatiza.example`, name: 'Agente', role: 'agent', password: 'a-long-password' }).then((u) => agent.login(u.email, 'a-long-password'));
    expect((await agent.request('DELETE', `/api/sla/policies/${used.id}`)).status).toBe(403);
  });

  it('puts live clocks on an incident given a policy; warns once, breaches once, and acts', async () => {
    const i = await incident();
    const updated = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === i.id && p.incident.sla !== null);
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    const withSla = (await updated).incident.sla!;
    expect(withSla.policy.name).toBe('Estándar 24x7');
    const created = new Date(i.createdAt).getTime();
    const first = withSla.clocks.find((c) => c.target === 'first-response')!;
    expect(new Date(first.dueAt).getTime() - created).toBe(60 * MIN);
    expect(first.state).toBe('running');

    const warning = nextEvent(desk.socket, 'incident.alert', (p) => p.incidentId === i.id && p.kind === 'sla-warning');
    await sla().check(new Date(created + 35 * MIN));
    await warning;
    // The sweep looks again at the due time, not before (it reads only incidents whose time has come).
    const [next] = await query<{ at: Date }>(desk.db, `select sla_next_check_at as at from incidents where id = $1`, [i.id]);
    expect(new Date(next!.at).getTime()).toBe(new Date(first.dueAt).getTime());
    await sla().check(new Date(created + 40 * MIN)); // nothing new: warned already
    const breach = nextEvent(desk.socket, 'incident.alert', (p) => p.incidentId === i.id && p.kind === 'sla-breached');
    await sla().check(new Date(created + 61 * MIN));
    await breach;
    await sla().check(new Date(created + 62 * MIN));
    const events = await query(desk.db, `select target, state from sla_events where incident_id = $1 order by created_at`, [i.id]);
    expect(events).toEqual([
      { target: 'first-response', state: 'warning' },
      { target: 'first-response', state: 'breached' },
    ]);
    const d = await detail(i.id);
    expect(d.priority).toBe('urgent');
    expect(d.timeline.filter((e) => e.type === 'audit').map((e) => (e as { action: string }).action)).toEqual(expect.arrayContaining(['sla.warning', 'sla.breached']));
    const notice = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes('jefe@climatiza.example')), Boolean, 'the breach notice');
    expect(notice!.parsed.subject).toContain('SLA');
  });

  it('sends a breach notice the process never queued (the service-order sweep), once', async () => {
    const i = await incident('El aire de la sala no enfría.');
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    const created = new Date(i.createdAt).getTime();
    await sla().check(new Date(created + 61 * MIN));
    const notices = () => query<{ recipient: string }>(desk.db, `select o.recipient from outbox o join messages m on m.id = o.message_id where m.incident_id = $1 and o.kind like 'sla-%-breached'`, [i.id]);
    await waitUntil(notices, (rows) => rows.length === 1, 'the breach notice queued');
    // As if the process had stopped between recording the breach and queuing its notice, a few minutes ago.
    await query(desk.db, `delete from messages m using outbox o where o.message_id = m.id and m.incident_id = $1 and o.kind like 'sla-%'`, [i.id]);
    await query(desk.db, `update sla_events set created_at = now() - interval '5 minutes' where incident_id = $1`, [i.id]);
    const orders = desk.server.app.get(ServiceOrders);
    await orders.sweep();
    expect((await notices()).map((n) => n.recipient)).toEqual(['jefe@climatiza.example']);
    await orders.sweep();
    expect(await notices()).toHaveLength(1);
  });

  it('says on the timeline that a breach notice could not be sent (no active mailbox), once; the sweep leaves it be', async () => {
    const i = await incident('La caldera de la nave pierde presión.');
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    await desk.admin.ok(desk.admin.patch(`/api/channels/${desk.channel.id}`, { active: false }));
    try {
      await sla().check(new Date(new Date(i.createdAt).getTime() + 61 * MIN));
      const unsendable = async () => (await detail(i.id)).timeline.filter((e) => e.type === 'audit' && e.action === 'notice.unsendable');
      const [entry] = await waitUntil(unsendable, (rows) => rows.length === 1, 'the unsendable notice on the timeline');
      expect(entry).toMatchObject({ changes: { kind: { to: 'sla-first-response-breached' }, recipient: { to: 'jefe@climatiza.example' }, reason: { to: 'no-email-channel' } } });
      await query(desk.db, `update sla_events set created_at = now() - interval '5 minutes' where incident_id = $1`, [i.id]);
      const tried = vi.spyOn(desk.server.app.get(EmailReplies), 'notice');
      try {
        await desk.server.app.get(ServiceOrders).sweep();
        expect(tried.mock.calls.filter(([n]) => n.incidentId === i.id)).toEqual([]); // settled: not tried again
      } finally {
        tried.mockRestore();
      }
      expect(await unsendable()).toHaveLength(1);
      const [{ n }] = await query<{ n: string }>(desk.db, `select count(*) as n from outbox o join messages m on m.id = o.message_id where m.incident_id = $1`, [i.id]);
      expect(Number(n)).toBe(0);
    } finally {
      await desk.admin.ok(desk.admin.patch(`/api/channels/${desk.channel.id}`, { active: true }));
    }
  });

  it('stops first response on the first agent reply, pauses resolution while pending, stops it on resolve', async () => {
    const i = await incident();
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    const replied = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === i.id && p.incident.sla?.clocks.some((c) => c.target === 'first-response' && c.state === 'met') === true, 15_000);
    await desk.admin.ok(desk.admin.post(`/api/incidents/${i.id}/replies`, { body: 'Vamos para allá.' }));
    await replied;

    const paused = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === i.id && p.incident.sla?.clocks.some((c) => c.target === 'resolution' && c.state === 'paused') === true);
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'pending' }));
    await paused;
    // Two hours pending (as the pause rows say), then back: resolution is due two hours later.
    await query(desk.db, `update sla_pauses set started_at = started_at - interval '2 hours' where incident_id = $1`, [i.id]);
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'open' }));
    const due = await waitUntil(() => detail(i.id), (x) => x.sla?.clocks.find((c) => c.target === 'resolution')?.state === 'running', 'resolution running again');
    const resolution = due.sla!.clocks.find((c) => c.target === 'resolution')!;
    expect(new Date(resolution.dueAt).getTime() - new Date(i.createdAt).getTime()).toBeGreaterThanOrEqual((240 + 119) * MIN);

    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'resolved' }));
    const done = await waitUntil(() => detail(i.id), (x) => x.sla?.clocks.find((c) => c.target === 'resolution')?.state === 'met', 'resolution met');
    expect(done.sla!.clocks.map((c) => c.state)).toEqual(['met', 'met']);
    expect(await query(desk.db, `select sla_next_check_at from incidents where id = $1`, [i.id])).toEqual([{ sla_next_check_at: null }]);
    await sla().check(new Date(Date.now() + 10 * 60 * MIN));
    expect(await query(desk.db, `select 1 from sla_events where incident_id = $1`, [i.id])).toEqual([]);
  });

  it('keeps the clocks of an incident a customer’s reply reopens: due again at once, breached when late', async () => {
    // An incident from the mailbox, under the policy, resolved: no more looks.
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Avería sla-reabre', 20_000);
    await desk.dovecot.append(MAILBOX.user, mail('sla-reabre', { Date: new Date().toUTCString() }, 'El termo eléctrico no calienta.'));
    const i = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'resolved' }));
    await waitUntil(() => query<{ next: Date | null }>(desk.db, `select sla_next_check_at as next from incidents where id = $1`, [i.id]), (r) => r[0]!.next === null, 'no more looks once resolved');

    // The customer writes back (the subject's tag threads it): the incident is open again, and due for a look.
    const reopened = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === i.id && p.incident.status === 'open', 20_000);
    await desk.dovecot.append(MAILBOX.user, mail('sla-reabre-2', { From: 'Cliente sla-reabre <clientesla-reabre@example.es>', Subject: `Re: [${i.reference}] sigue igual`, Date: new Date().toUTCString() }, 'Sigue sin calentar.'));
    await reopened;
    const [{ next }] = await query<{ next: Date | null }>(desk.db, `select sla_next_check_at as next from incidents where id = $1`, [i.id]);
    expect(next).not.toBeNull();
    // Ten hours on, its resolution (240 min) is breached, and recorded.
    await sla().check(new Date(Date.now() + 10 * 60 * MIN));
    const events = await query<{ target: string; state: string }>(desk.db, `select target, state from sla_events where incident_id = $1 order by target, state`, [i.id]);
    expect(events).toContainEqual({ target: 'resolution', state: 'breached' });
  });

  it('is set by a workflow rule before the inbox sees the incident', async () => {
    await desk.admin.ok(desk.admin.post('/api/rules', { name: 'Todo con SLA', on: ['created'], conditions: [{ field: 'text', keywords: ['fuga'], where: 'any' }], actions: [{ do: 'set-sla', policyId: policy.id }] }));
    const bad = await desk.admin.post('/api/rules', { name: 'x', on: ['created'], conditions: [], actions: [{ do: 'set-sla', policyId: '00000000-0000-4000-8000-000000000000' }] });
    expect(bad.body.fields['actions[0].policyId']).toBe('unknown SLA policy');
    const i = await incident('Hay una fuga de agua en el techo.');
    expect(i.sla?.policy.id).toBe(policy.id);
    expect(i.sla?.clocks.map((c) => c.target)).toEqual(['first-response', 'resolution']);
  });
});
