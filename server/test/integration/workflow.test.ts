/**
 * Workflow rules on the real desk: an admin's rule routes a new request (department, priority, tags)
 * before the inbox sees it, says so on the timeline, notifies by e-mail and auto-replies to the customer
 * (real SMTP); rules re-run when an agent changes an incident, without looping; the dry run shows what
 * rules would do and changes nothing; bad rules are refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto, DepartmentDto, IncidentDetailDto } from '../../src/contracts/api.js';
import type { IncidentMergeDto } from '../../src/contracts/duplicates.js';
import type { DryRunDto, RuleDto } from '../../src/contracts/workflow.js';
import { WorkflowEffects } from '../../src/workflow/effects.service.js';
import { ApiClient, nextEvent, submission } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { query } from '../support/services.js';
import { waitUntil } from '../support/wait.js';

describe('workflow rules', () => {
  let desk: MailDesk;
  let form: string;
  let boilers: DepartmentDto;
  let lifts: DepartmentDto;
  let gas: RuleDto;

  beforeAll(async () => {
    desk = await startMailDesk();
    form = (await desk.admin.createWebform('Web')).key;
    boilers = await desk.admin.createDepartment('Calderas');
    lifts = await desk.admin.createDepartment('Ascensores');
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  const detail = (id: string) => desk.admin.ok<IncidentDetailDto>(desk.admin.get(`/api/incidents/${id}`));

  it('refuses a rule that is not valid, naming the field', async () => {
    const bad = await desk.admin.post('/api/rules', { name: 'x', on: ['created'], conditions: [{ field: 'channel', in: ['fax'] }], actions: [{ do: 'set-department', departmentId: '00000000-0000-4000-8000-000000000000' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.fields['conditions[0].in[0]']).toMatch(/"fax" is not a channel/);
    const unknownDept = await desk.admin.post('/api/rules', { name: 'x', on: ['created'], conditions: [], actions: [{ do: 'set-department', departmentId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body.fields['actions[0].departmentId']).toBe('unknown department');
  });

  it('routes a new request before anyone sees it, records the firing, notifies and auto-replies once', async () => {
    gas = await desk.admin.ok<RuleDto>(
      desk.admin.post('/api/rules', {
        name: 'Olor a gas -> urgente',
        on: ['created'],
        conditions: [{ field: 'text', keywords: ['gas', 'olor a gas'], where: 'any' }],
        actions: [
          { do: 'set-department', departmentId: boilers.id },
          { do: 'set-priority', priority: 'urgent' },
          { do: 'add-tags', tags: ['gas'] },
          { do: 'notify', via: 'email', to: 'guardia@climatiza.example', template: 'URGENTE {reference}: {subject} ({customer})' },
          { do: 'auto-reply', template: 'Hola {name}: por seguridad, ventile y no encienda luces. Un técnico va en camino ({reference}).' },
          { do: 'stop' },
        ],
      }),
    );
    expect(gas.position).toBe(0);
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Huele raro');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Rosa Gil', email: 'rosa.gil@example.es', subject: 'Huele raro', message: 'En la cocina huele a gas desde hace una hora.' }));
    const incident = (await created).incident;
    expect(incident).toMatchObject({ priority: 'urgent', department: { id: boilers.id, name: 'Calderas' }, tags: ['gas'] });

    const d = await detail(incident.id);
    const fired = d.timeline.filter((e) => e.type === 'audit' && e.action === 'rule.fired');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ changes: { rule: { to: 'Olor a gas -> urgente' }, department: { from: null, to: { id: boilers.id, name: 'Calderas' } }, priority: { from: 'normal', to: 'urgent' } } });

    const mails = await waitUntil(async () => desk.smtp.mails, (m) => m.length >= 2, 'the notice and the auto-reply');
    const notice = mails.find((m) => m.to.includes('guardia@climatiza.example'))!;
    expect(notice.parsed.text).toContain(`URGENTE ${incident.reference}: Huele raro (Rosa Gil)`);
    const reply = mails.find((m) => m.to.includes('rosa.gil@example.es'))!;
    expect(reply.parsed.text).toContain('Hola Rosa Gil: por seguridad');
    expect(reply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const kinds = await query(desk.db, `select o.kind from outbox o join messages m on m.id = o.message_id where m.incident_id = $1 order by o.kind`, [incident.id]);
    expect(kinds.map((k) => k.kind)).toEqual(['rule-auto-reply', 'rule-notify']);
  });

  it('carries out the effects a crash left undone after the rules committed (the sweep), once', async () => {
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Huele a gas otra vez');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Pedro Sanz', email: 'pedro.sanz@example.es', subject: 'Huele a gas otra vez', message: 'Olor a gas en el portal.' }));
    const incident = (await created).incident;
    const effectsOf = () => query<{ kind: string }>(desk.db, `select o.kind from outbox o join messages m on m.id = o.message_id where m.incident_id = $1 and o.kind like 'rule-%' order by o.kind`, [incident.id]);
    await waitUntil(effectsOf, (rows) => rows.length === 2, 'the notice and the auto-reply');
    // As if the process had died between the commit and the effects: none of them was queued.
    await query(desk.db, `delete from messages m using outbox o where o.message_id = m.id and m.incident_id = $1 and o.kind like 'rule-%'`, [incident.id]);
    expect(await effectsOf()).toEqual([]);
    const effects = desk.server.app.get(WorkflowEffects);
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await effects.sweep(later)).toBe(2);
    expect((await effectsOf()).map((r) => r.kind)).toEqual(['rule-auto-reply', 'rule-notify']);
    expect(await effects.sweep(later)).toBe(0);
  });

  it('says once on the timeline what it could not do (no SMS channel), and the sweep does not try it again', async () => {
    const rule = await desk.admin.ok<RuleDto>(
      desk.admin.post('/api/rules', { name: 'Presostato -> guardia SMS', on: ['created'], conditions: [{ field: 'text', keywords: ['presostato'], where: 'any' }], actions: [{ do: 'notify', via: 'sms', to: '+34600111222' }] }),
    );
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Presostato');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ subject: 'Presostato', message: 'El presostato de la caldera salta cada rato.' }));
    const incident = (await created).incident;
    const skipped = async () => (await detail(incident.id)).timeline.filter((e) => e.type === 'audit' && e.action === 'notice.unsendable');
    const [entry] = await waitUntil(skipped, (rows) => rows.length === 1, 'the unsendable notice on the timeline');
    expect(entry).toMatchObject({ changes: { rule: { to: 'Presostato -> guardia SMS' }, kind: { to: 'rule-notify' }, recipient: { to: '+34600111222' }, reason: { to: 'no-sms-channel' } } });
    const effects = desk.server.app.get(WorkflowEffects);
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await effects.sweep(later)).toBe(0);
    expect(await skipped()).toHaveLength(1);
    expect((await desk.admin.request('DELETE', `/api/rules/${rule.id}`)).status).toBe(204);
  });

  it('does not fire on a request it does not match (whole words: "gasket" is not gas)', async () => {
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Junta');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ subject: 'Junta', message: 'The gasket of the pump is worn.' }));
    const incident = (await created).incident;
    expect(incident).toMatchObject({ priority: 'normal', department: null, tags: [] });
  });

  it('runs the "updated" rules after an agent change, each once per chain, however they feed each other', async () => {
    // A ping-pong: urgent -> lifts; lifts -> high; high -> urgent. Without the once-per-chain rule it never ends.
    for (const r of [
      { name: 'urgente a ascensores', conditions: [{ field: 'priority', in: ['urgent'] }], actions: [{ do: 'set-department', departmentId: lifts.id }] },
      { name: 'ascensores alta', conditions: [{ field: 'department', in: [lifts.id] }], actions: [{ do: 'set-priority', priority: 'high' }] },
      { name: 'alta urgente', conditions: [{ field: 'priority', in: ['high'] }], actions: [{ do: 'set-priority', priority: 'urgent' }] },
    ]) {
      await desk.admin.ok(desk.admin.post('/api/rules', { ...r, on: ['updated'] }));
    }
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Ascensor');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ subject: 'Ascensor', message: 'El ascensor hace ruido.' }));
    const incident = (await created).incident;
    const routed = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === incident.id && p.by === null);
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { priority: 'urgent' }));
    expect((await routed).incident).toMatchObject({ department: { id: lifts.id }, priority: 'urgent' });
    const d = await detail(incident.id);
    const names = d.timeline.filter((e) => e.type === 'audit' && e.action === 'rule.fired').map((e) => (e.type === 'audit' ? e.changes.rule?.to : null));
    expect(names).toEqual(['urgente a ascensores', 'ascensores alta', 'alta urgente']);
  });

  it('dry-runs a draft on the last incidents without changing them', async () => {
    const before = await query(desk.db, `select count(*)::int as n from audit_log where action = 'rule.fired'`);
    const draft = { name: 'Ruido', on: ['created'], conditions: [{ field: 'text', keywords: ['ruido', 'noise'], where: 'any' }], actions: [{ do: 'add-tags', tags: ['ruido'] }, { do: 'assign-best' }] };
    const result = await desk.admin.ok<DryRunDto>(desk.admin.post('/api/rules/dry-run', { rule: draft, limit: 10 }));
    const lift = result.entries.find((e) => e.incident.subject === 'Ascensor')!;
    // The draft fires on the event; its change (a tag) is an update, on which the 'updated' rules run in turn.
    expect(lift.firings.filter((f) => f.pass === 0).map((f) => f.ruleName)).toEqual(['Ruido']);
    expect(lift.changes.tags).toEqual({ from: [], to: ['ruido'] });
    expect(lift.effects).toEqual([{ do: 'assign-best' }]);
    const gasRow = result.entries.find((e) => e.incident.subject === 'Huele raro')!;
    expect(gasRow.firings.map((f) => f.ruleName)).toEqual(['Olor a gas -> urgente']);
    expect(result.affected).toBeGreaterThanOrEqual(2);
    const after = await query(desk.db, `select count(*)::int as n from audit_log where action = 'rule.fired'`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('routes the incidents a missed call opens and an unmerge makes, like any other new incident', async () => {
    await desk.admin.ok(desk.admin.post('/api/rules', { name: 'Llamadas a ascensores', on: ['created'], conditions: [{ field: 'channel', in: ['phone'] }], actions: [{ do: 'set-department', departmentId: lifts.id }, { do: 'add-tags', tags: ['llamada'] }] }));
    await desk.admin.ok(desk.admin.post('/api/rules', { name: 'Atrapados', on: ['created'], conditions: [{ field: 'text', keywords: ['atrapada', 'atrapado'], where: 'any' }], actions: [{ do: 'set-priority', priority: 'urgent' }] }));

    // A call nobody answered from a number the desk does not know: a call-back incident, routed.
    const phone = await desk.admin.ok<ChannelDto>(desk.admin.post('/api/channels', { kind: 'phone', name: 'Centralita' }));
    const events = phone.phone!.webhooks.events.replace(/^https?:\/\/[^/]+/, desk.server.url);
    const cti = (e: Record<string, string>) => fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callId: 'wf-call-1', from: '+34600777888', to: '+34910000001', direction: 'in', ...e }) });
    const called = nextEvent(desk.socket, 'incident.created', (p) => p.incident.channelKind === 'phone' && p.incident.contact?.phone === '+34600777888');
    expect((await cti({ event: 'newCall' })).status).toBe(200);
    expect((await cti({ event: 'hangup', cause: 'cancel' })).status).toBe(200);
    expect((await called).incident).toMatchObject({ department: { id: lifts.id }, tags: ['llamada'] });

    // A second request that joined by itself, taken out again: its own incident, and the rules route it.
    const email = 'vecinos.sol@example.es';
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Comunidad Sol', email, subject: 'Ascensor parado', message: 'El ascensor del portal 3 está parado entre dos plantas.' }));
    const first = (await opened).incident;
    expect(first.priority).toBe('normal');
    const joined = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === first.id && p.message.kind === 'inbound');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Comunidad Sol', email, subject: 'Ascensor parado', message: 'Ya lo avisamos: el ascensor del portal 3 sigue parado entre plantas y hay una vecina atrapada.' }));
    await joined;
    const [merge] = (await detail(first.id)).merges;
    expect(merge).toMatchObject({ automatic: true, source: null });
    const undone = await desk.admin.ok<IncidentMergeDto>(desk.admin.post(`/api/incident-merges/${merge!.id}/undo`, {}));
    const made = await detail(undone.source!.id);
    expect(made.priority).toBe('urgent');
    expect(made.timeline.some((e) => e.type === 'audit' && e.action === 'rule.fired' && e.changes.rule?.to === 'Atrapados')).toBe(true);
    expect((await detail(first.id)).priority).toBe('normal');
  });

  it('reorders, edits with a version, deletes; technicians and agents may not', async () => {
    const rules = await desk.admin.ok<RuleDto[]>(desk.admin.get('/api/rules'));
    const reversed = await desk.admin.ok<RuleDto[]>(desk.admin.put('/api/rules/order', { ids: [...rules].reverse().map((r) => r.id) }));
    expect(reversed.map((r) => r.id)).toEqual([...rules].reverse().map((r) => r.id));
    const partial = await desk.admin.put('/api/rules/order', { ids: [rules[0]!.id] });
    expect(partial.status).toBe(400);
    const current = reversed.find((r) => r.id === gas.id)!;
    const edited = await desk.admin.ok<RuleDto>(desk.admin.patch(`/api/rules/${gas.id}`, { active: false, version: current.version }));
    expect(edited.active).toBe(false);
    const stale = await desk.admin.patch(`/api/rules/${gas.id}`, { active: true, version: current.version });
    expect(stale.status).toBe(409);
    expect((await desk.admin.request('DELETE', `/api/rules/${gas.id}`)).status).toBe(204);
    const agent = await desk.admin.createUser({ email: 'agente@rules.local', name: 'Agente', role: 'agent', password: 'agent-password-1' });
    const client = new ApiClient(desk.server.url);
    await client.login(agent.email, 'agent-password-1');
    expect((await client.get('/api/rules')).status).toBe(403);
  });
});
