/**
 * One customer, one incident: an SMS and an e-mail from two people of the same customer about the same
 * fault end in one incident (the e-mail keeps its own channel and sender); a different fault stays apart;
 * unmerge restores both; a request in between is a live "possible duplicate" an agent merges or dismisses;
 * contacts are recognised by any of their identities, and two contacts merge and unmerge.
 */
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto, IncidentDetailDto, IncidentListDto } from '../../src/contracts/api.js';
import type { DuplicateSuggestionDto, IncidentMergeDto } from '../../src/contracts/duplicates.js';
import type { ContactDetailDto, CustomerDto } from '../../src/contracts/people.js';
import { sqlOf } from '../../src/database/sql.js';
import { DuplicatesRepository } from '../../src/duplicates/duplicates.repository.js';
import { nextEvent, submission } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { mail, MAILBOX } from '../support/mailbox.js';
import { query } from '../support/services.js';
import { waitUntil } from '../support/wait.js';

const PUBLIC = 'https://desk.climatiza.example';
const ACCOUNT = 'AC2c9f2a3b4c5d6e7f8091a2b3c4d5e6f7';
const TOKEN = '6f4dcc3b5aa765d61d8327deb882cf99';

describe('duplicates across channels, merge and unmerge, contact identities', () => {
  let desk: MailDesk;
  let sms: ChannelDto;
  let customer: CustomerDto;
  let ana: ContactDetailDto; // e-mail
  let bogdan: ContactDetailDto; // mobile
  let form: string;
  const run = randomBytes(3).toString('hex');

  async function deliverSms(from: string, body: string) {
    const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, AccountSid: ACCOUNT, From: from, To: '+34910000002', Body: body, NumMedia: '0' };
    const path = `/api/channels/twilio/${sms.id}/inbound`;
    const signature = twilio.getExpectedTwilioSignature(TOKEN, PUBLIC + path, params);
    const res = await fetch(desk.server.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
    expect(res.status).toBe(200);
  }
  const incidentsOf = (customerId: string) => query<{ id: string; reference: string; status: string; inbound: number; merged_into_id: string | null }>(desk.db, `select id, reference, status, (select count(*)::int from messages m where m.incident_id = i.id and m.kind = 'inbound') as inbound, merged_into_id from incidents i where customer_id = $1 order by created_at`, [customerId]);
  const detail = (id: string) => desk.admin.ok<IncidentDetailDto>(desk.admin.get(`/api/incidents/${id}`));

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: PUBLIC });
    sms = await desk.admin.ok(desk.admin.post('/api/channels', { kind: 'sms', name: 'SMS', accountSid: ACCOUNT, authToken: TOKEN, phoneNumber: '+34910000002' }));
    form = (await desk.admin.ok<{ key: string }>(desk.admin.post('/api/channels', { kind: 'webform', name: 'Web' }))).key;
    customer = await desk.admin.ok(desk.admin.post('/api/customers', { name: `Hotel Sol ${run}`, zone: 'costa', branch: 'hoteles' }));
    ana = await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Ana Ruiz', customerId: customer.id, identities: [{ kind: 'email', value: ` Ana.Ruiz.${run}@HotelSol.example ` }] }));
    bogdan = await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Bogdan Ionescu', customerId: customer.id, identities: [{ kind: 'phone', value: '611 22 33 44' }] }));
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('normalises identities given by hand and refuses one that belongs to someone else', async () => {
    expect(ana.identities.map((i) => i.value)).toEqual([`ana.ruiz.${run}@hotelsol.example`]);
    expect(bogdan.identities.map((i) => i.value)).toEqual(['+34611223344']);
    expect(bogdan.phone).toBe('+34611223344');
    const taken = await desk.admin.post(`/api/contacts/${ana.id}/identities`, { kind: 'phone', value: '+34 611-22-33-44' });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/belongs to Bogdan Ionescu/);
    const bad = await desk.admin.post(`/api/contacts/${ana.id}/identities`, { kind: 'phone', value: 'llámame' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.value).toMatch(/not a phone number/);
  });

  it('joins an e-mail about the fault an SMS of the same customer reported, keeping its own channel and sender; a different fault stays apart; unmerge restores both', async () => {
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.id === bogdan.id);
    await deliverSms('+34611223344', 'Buenos días, la caldera de la planta 2 no enciende desde esta mañana y no hay agua caliente.');
    const first = (await created).incident;

    const joined = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === first.id && p.message.channelKind === 'email', 20_000);
    await desk.dovecot.append(
      MAILBOX.user,
      mail(`dup-${run}`, { From: `Ana Ruiz <ana.ruiz.${run}@hotelsol.example>`, Subject: 'Caldera averiada planta 2', Date: new Date().toUTCString() }, 'Hola, os escribo porque la caldera de la planta 2 sigue sin encender, los clientes no tienen agua caliente.'),
    );
    const message = (await joined).message;
    expect(message).toMatchObject({ channelKind: 'email', author: { type: 'contact', id: ana.id }, senderKind: 'contact' });

    await desk.dovecot.append(MAILBOX.user, mail(`bill-${run}`, { From: `Ana Ruiz <ana.ruiz.${run}@hotelsol.example>`, Subject: 'Factura de noviembre', Date: new Date().toUTCString() }, 'La factura de noviembre viene duplicada, ¿podéis revisarla?'));
    const rows = await waitUntil(() => incidentsOf(customer.id), (r) => r.length === 2, 'the invoice as a second incident');
    expect(rows.map((r) => r.inbound)).toEqual([2, 1]);

    const d = await detail(first.id);
    const join = d.timeline.find((e) => e.type === 'audit' && e.action === 'duplicate.joined');
    expect(join).toBeDefined();
    expect(Number((join as unknown as { changes: { score: { to: number } } }).changes.score.to)).toBeGreaterThanOrEqual(0.6);
    expect(d.merges).toHaveLength(1);
    expect(d.merges[0]).toMatchObject({ automatic: true, source: null, messages: 1 });

    const undone = await desk.admin.ok<IncidentMergeDto>(desk.admin.post(`/api/incident-merges/${d.merges[0]!.id}/undo`, {}));
    expect(undone.undoneAt).not.toBeNull();
    expect(undone.source).not.toBeNull();
    const after = await incidentsOf(customer.id);
    expect(after).toHaveLength(3);
    const restored = await detail(undone.source!.id);
    expect(restored.timeline.filter((e) => e.type === 'message').map((e) => (e as { id: string }).id)).toEqual([message.id]);
    expect(restored.subject).toBe('Caldera averiada planta 2');
    expect((await detail(first.id)).timeline.filter((e) => e.type === 'message').map((e) => (e as { channelKind: string }).channelKind)).toEqual(['sms']);
    const again = await desk.admin.post(`/api/incident-merges/${d.merges[0]!.id}/undo`, {});
    expect(again.status).toBe(409);
  });

  it('suggests a possible duplicate live; an agent merges it (timelines combined, audited with the score) and unmerges it', async () => {
    const email = `marta.${run}@hotelsol.example`;
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Marta Pop', customerId: customer.id, identities: [{ kind: 'email', value: email }] }));
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Marta Pop', email, subject: 'Aire acondicionado', message: 'El aire acondicionado de la sala de reuniones gotea agua.' }));
    const a = (await opened).incident;
    const suggested = nextEvent(desk.socket, 'incident.duplicate', (p) => p.suggestion.candidate.id === a.id);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Marta Pop', email, subject: 'Consulta', message: 'Hay una mancha en el techo de la sala de reuniones.' }));
    const s: DuplicateSuggestionDto = (await suggested).suggestion;
    expect(s.status).toBe('open');
    expect(s.score).toBeGreaterThanOrEqual(0.45);
    expect(s.score).toBeLessThan(0.6);
    expect((await detail(s.incident.id)).duplicates.map((x) => x.id)).toEqual([s.id]);
    expect((await detail(a.id)).duplicates.map((x) => x.id)).toContain(s.id); // (a itself may look like an older one)

    const updated = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === s.incident.id && p.changed.includes('merge'));
    const merge = await desk.admin.ok<IncidentMergeDto>(desk.admin.post(`/api/incidents/${s.incident.id}/merge`, { targetId: a.id, suggestionId: s.id, note: 'misma fuga' }));
    expect((await updated).incident.status).toBe('closed');
    expect(merge).toMatchObject({ automatic: false, score: s.score, note: 'misma fuga', messages: 1, by: { name: expect.any(String) } });
    const target = await detail(a.id);
    expect(target.timeline.filter((e) => e.type === 'message')).toHaveLength(2);
    expect(target.timeline.some((e) => e.type === 'audit' && e.action === 'merged-in')).toBe(true);
    expect(target.duplicates.map((x) => x.id)).not.toContain(s.id);
    const source = await detail(s.incident.id);
    expect(source.mergedInto).toMatchObject({ id: a.id, reference: a.reference });
    expect(source.allowedTransitions).toEqual([]);
    const twice = await desk.admin.post(`/api/incidents/${s.incident.id}/merge`, { targetId: a.id });
    expect(twice.status).toBe(409);

    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${merge.id}/undo`, {}));
    const back = await detail(s.incident.id);
    expect(back).toMatchObject({ status: 'new', mergedInto: null, messageCount: 1 });
    expect((await detail(a.id)).messageCount).toBe(1);
  });

  it('offers both incidents when a request fits two alike ("ya funciona la bomba" with pumps 1 and 2 open), and joins neither', async () => {
    const farm = await desk.admin.ok<CustomerDto>(desk.admin.post('/api/customers', { name: `Finca Los Llanos ${run}`, zone: 'campo', branch: 'agro' }));
    const email = `paqui.${run}@losllanos.example`;
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Paqui Cazorla', customerId: farm.id, identities: [{ kind: 'email', value: email }] }));
    const open = async (subject: string, message: string) => {
      const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email && p.incident.subject === subject);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Paqui Cazorla', email, subject, message }));
      return (await opened).incident;
    };
    const one = await open('Bomba 1', 'La bomba 1 del pozo no arranca, salta el diferencial.');
    const two = await open('Bomba 2', 'La bomba 2 no arranca, salta el diferencial.'); // another unit: offered, not joined
    const offered = (candidate: string) => nextEvent(desk.socket, 'incident.duplicate', (p) => p.suggestion.incident.subject === 'Gracias' && p.suggestion.candidate.id === candidate);
    const both = Promise.all([offered(one.id), offered(two.id)]);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Paqui Cazorla', email, subject: 'Gracias', message: 'Ya funciona la bomba, gracias.' }));
    const offers = (await both).map((p) => p.suggestion);
    expect(offers.map((o) => o.candidate.id).sort()).toEqual([one.id, two.id].sort());
    expect(offers.every((o) => Array.isArray(o.reasons) && o.reasons.includes('another open incident fits as well'))).toBe(true);
    const rows = await incidentsOf(farm.id);
    expect(rows.map((r) => r.inbound)).toEqual([1, 1, 1]);
    expect((await detail(offers[0]!.incident.id)).duplicates).toHaveLength(2);
  });

  it('dismisses a suggestion: it goes away on both incidents', async () => {
    const email = `ion.${run}@hotelsol.example`;
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Ion Pop', customerId: customer.id, identities: [{ kind: 'email', value: email }] }));
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Ion Pop', email, subject: 'Ascensor', message: 'El ascensor hace un ruido raro.' }));
    const a = (await opened).incident;
    // A colleague at the same customer, about a noise (but not the lift): for an agent to judge.
    const colleague = `elena.${run}@hotelsol.example`;
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Elena Pop', customerId: customer.id, identities: [{ kind: 'email', value: colleague }] }));
    const suggested = nextEvent(desk.socket, 'incident.duplicate', (p) => p.suggestion.candidate.id === a.id);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Elena Pop', email: colleague, subject: 'Ruido', message: 'Se oye un ruido raro en el pasillo.' }));
    const s = (await suggested).suggestion;
    const gone = nextEvent(desk.socket, 'incident.duplicate', (p) => p.suggestion.id === s.id && p.suggestion.status === 'dismissed');
    await desk.admin.ok(desk.admin.post(`/api/duplicate-suggestions/${s.id}/dismiss`, {}));
    await gone;
    expect((await detail(a.id)).duplicates.map((x) => x.id)).not.toContain(s.id);
    expect((await detail(s.incident.id)).timeline.some((e) => e.type === 'audit' && e.action === 'duplicate.dismissed')).toBe(true);
  });

  it('judges a candidate by its department: a stricter department only suggests what the defaults would join', async () => {
    const strict = await desk.admin.ok<{ id: string }>(desk.admin.post('/api/departments', { name: `Ascensores ${run}` }));
    const bad = await desk.admin.patch(`/api/departments/${strict.id}`, { dedup: { windowHours: 48, joinAt: 0.5, suggestAt: 0.7 } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields['dedup.suggestAt']).toMatch(/not be above joinAt/);
    const patched = await desk.admin.ok(desk.admin.patch(`/api/departments/${strict.id}`, { dedup: { windowHours: 48, joinAt: 0.95, suggestAt: 0.5 } }));
    expect(patched).toMatchObject({ dedup: { windowHours: 48, joinAt: 0.95, suggestAt: 0.5 } });

    const email = `luis.${run}@hotelsol.example`;
    const other = await desk.admin.ok<CustomerDto>(desk.admin.post('/api/customers', { name: `Torre Norte ${run}` }));
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Luis Mar', customerId: other.id, identities: [{ kind: 'email', value: email }] }));
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Luis Mar', email, subject: 'Ascensor', message: 'El ascensor de servicio está parado en la planta 3.' }));
    const a = (await opened).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${a.id}`, { departmentId: strict.id }));
    const suggested = nextEvent(desk.socket, 'incident.duplicate', (p) => p.suggestion.candidate.id === a.id);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Luis Mar', email, subject: 'Consulta', message: 'El ascensor no funciona.' }));
    const s = (await suggested).suggestion;
    expect(s.score).toBeGreaterThanOrEqual(0.6); // the defaults would have joined it
    expect(s.score).toBeLessThan(0.95);
  });

  it('keeps one assignment on a merge and tells the other technician they are released', async () => {
    const t1 = await desk.admin.createUser({ email: `t1.${run}@tecnicos.example`, name: 'Técnico Uno', role: 'technician' });
    const t2 = await desk.admin.createUser({ email: `t2.${run}@tecnicos.example`, name: 'Técnico Dos', role: 'technician' });
    const incidents: string[] = [];
    for (const [n, text] of [
      ['1', 'La puerta automática del garaje no abre.'],
      ['2', 'Las persianas del salón no suben.'],
    ] as const) {
      const email = `asig${n}.${run}@otro.example`;
      const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: `Cliente ${n}`, email, subject: `Aviso ${n}`, message: text }));
      incidents.push((await opened).incident.id);
    }
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incidents[0]}`, { assigneeId: t1.id }));
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incidents[1]}`, { assigneeId: t2.id }));
    const merge = await desk.admin.ok<IncidentMergeDto>(desk.admin.post(`/api/incidents/${incidents[1]}/merge`, { targetId: incidents[0] }));
    const target = await detail(incidents[0]!);
    expect(target.assignee?.id).toBe(t1.id);
    expect((await detail(incidents[1]!)).assignee).toBeNull();
    const notice = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(t2.email) && /Anulada/.test(m.parsed.subject ?? '')), Boolean, 'the release notice');
    expect(notice!.parsed.text).toContain(`era el mismo problema que ${target.reference}`);
    // Unmerge gives the second incident its technician back.
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${merge.id}/undo`, {}));
    expect((await detail(incidents[1]!)).assignee?.id).toBe(t2.id);
    // Merged again: released again, and told again (one notice per merge, not per incident).
    await desk.admin.ok(desk.admin.post(`/api/incidents/${incidents[1]}/merge`, { targetId: incidents[0] }));
    await waitUntil(async () => desk.smtp.mails.filter((m) => m.to.includes(t2.email) && /Anulada/.test(m.parsed.subject ?? '')).length, (n) => n === 2, 'the second release notice');
  });

  it('takes "the technician is here" to the incident whose technician confirmed the service order, which the texts never said', async () => {
    const tech = await desk.admin.createUser({ email: `t3.${run}@tecnicos.example`, name: 'Técnico Tres', role: 'technician' });
    const shop = await desk.admin.ok<CustomerDto>(desk.admin.post('/api/customers', { name: `Ferretería Centro ${run}` }));
    const [owner, clerk] = [`dueno.${run}@ferreteria.example`, `dependiente.${run}@ferreteria.example`];
    for (const [name, email] of [['Dueño', owner], ['Dependiente', clerk]]) {
      await desk.admin.ok(desk.admin.post('/api/contacts', { name, customerId: shop.id, identities: [{ kind: 'email', value: email }] }));
    }
    const opened: string[] = [];
    for (const [subject, message] of [
      ['Persiana', 'La persiana metálica del escaparate no sube.'],
      ['Alarma', 'La alarma del almacén pita sin parar.'],
    ]) {
      const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === `${subject} ${run}`);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Dueño', email: owner, subject: `${subject} ${run}`, message }));
      opened.push((await created).incident.id);
    }
    const [shutter, alarm] = opened as [string, string];
    // The alarm's technician confirms the service order by its link.
    const assigned = await desk.admin.ok<IncidentDetailDto>(desk.admin.patch(`/api/incidents/${alarm}`, { assigneeId: tech.id }));
    const order = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(tech.email) && m.parsed.subject?.includes(assigned.reference)), Boolean, 'the service order');
    const confirm = /Confirmar: https:\/\/desk\.climatiza\.example(\/service-orders\/\S+\/confirm)/.exec(order!.parsed.text!)![1]!;
    expect(await (await fetch(desk.server.url + confirm, { method: 'POST' })).text()).toContain('data-result="done-confirmed"');

    // "Any news?" says nothing of the visit: with two open incidents it is for an agent (a possible duplicate, no join).
    const asked = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === clerk);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Dependiente', email: clerk, subject: 'Aviso', message: '¿Alguna novedad?' }));
    const own = (await asked).incident;
    expect([shutter, alarm]).not.toContain(own.id);
    const offered = await waitUntil(async () => (await detail(own.id)).duplicates, (d) => d.length > 0, 'the possible duplicate');
    expect(offered[0]!.reasons.join('; ')).toMatch(/several open incidents/);
    // Then that the technician has arrived, naming nothing else: the alarm's incident, of the three now open.
    const joined = nextEvent(desk.socket, 'message.created', (p) => p.message.kind === 'inbound' && p.message.body.includes('el técnico'), 20_000);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Dependiente', email: clerk, subject: 'Visita', message: 'Ya ha llegado el técnico.' }));
    expect((await joined).incidentId).toBe(alarm);
    const join = (await detail(alarm)).timeline.find((e) => e.type === 'audit' && e.action === 'duplicate.joined') as unknown as { changes: { reasons: { to: string[] } } };
    expect(join.changes.reasons.to.join('; ')).toMatch(/visit booked/);
  });

  it('joins two customers reporting the fault at one service address, written two ways; the next door stays apart', async () => {
    const reporters = [];
    for (const [name, who] of [['Bar Luna', 'luna'], ['Fincas Norte', 'fincas'], ['Óptica Sur', 'optica']] as const) {
      const c = await desk.admin.ok<CustomerDto>(desk.admin.post('/api/customers', { name: `${name} ${run}` }));
      reporters.push({ customer: c, email: `${who}.${run}@example.es`, name });
    }
    const [tenant, landlord, neighbour] = reporters as [(typeof reporters)[0], (typeof reporters)[0], (typeof reporters)[0]];
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === tenant.email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: tenant.name, email: tenant.email, address: 'Calle Mayor 12, 46001 Valencia', subject: 'Ascensor', message: 'El ascensor del edificio está parado desde esta mañana.' }));
    const first = (await opened).incident;
    expect(first.siteAddress).toBe('Calle Mayor 12, 46001 Valencia');

    const joined = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === first.id && p.message.kind === 'inbound');
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: landlord.name, email: landlord.email, address: 'C/ Mayor, nº 12 - 46001 VALENCIA', subject: 'Avería ascensor Mayor 12', message: 'Nos avisan los inquilinos de que el ascensor de Mayor 12 no funciona, está parado.' }));
    expect((await joined).message.author).toMatchObject({ type: 'contact', name: landlord.name });
    const join = (await detail(first.id)).timeline.find((e) => e.type === 'audit' && e.action === 'duplicate.joined') as unknown as { changes: { reasons: { to: string[] } } };
    expect(join.changes.reasons.to.join('; ')).toMatch(/same service address/);

    const apart = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === neighbour.email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: neighbour.name, email: neighbour.email, address: 'Calle Mayor 14, 46001 Valencia', subject: 'Ascensor', message: 'El ascensor del edificio está parado desde esta mañana.' }));
    const other = (await apart).incident;
    expect(other.id).not.toBe(first.id);
    expect((await detail(other.id)).duplicates).toEqual([]);
    expect(await query(desk.db, `select site_key from incidents where id = any($1::uuid[]) order by created_at`, [[first.id, other.id]])).toHaveLength(2);
  });

  it('suggests a likely-same contact and merges two contacts (identities and incidents move) and undoes it', async () => {
    const other = await desk.admin.ok<ContactDetailDto>(desk.admin.post('/api/contacts', { name: 'Ána  Ruiz', identities: [{ kind: 'email', value: `ana.${run}@gmail.com` }] }));
    await desk.admin.ok(desk.admin.patch(`/api/contacts/${other.id}`, { customerId: customer.id }));
    const seen = await desk.admin.ok<ContactDetailDto>(desk.admin.get(`/api/contacts/${ana.id}`));
    expect(seen.likelySame.map((l) => l.contact.id)).toEqual([other.id]);
    expect(seen.likelySame[0]!.reasons).toContain('same name, same customer');

    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.id === other.id);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Ana Ruiz', email: `ana.${run}@gmail.com`, subject: 'Persiana', message: 'La persiana de la recepción no baja.' }));
    const incident = (await opened).incident;

    const merged = await desk.admin.ok<ContactDetailDto>(desk.admin.post(`/api/contacts/${ana.id}/merge`, { sourceId: other.id }));
    expect(merged.identities.map((i) => i.value).sort()).toEqual([`ana.${run}@gmail.com`, `ana.ruiz.${run}@hotelsol.example`]);
    expect(merged.merges[0]).toMatchObject({ source: { id: other.id }, moved: { identities: 1, incidents: 1, messages: 1 }, undoneAt: null });
    expect((await detail(incident.id)).contact?.id).toBe(ana.id);
    // The next message from the merged-away address is recognised as Ana.
    const next = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === `Toldo ${run}`);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'A. Ruiz', email: `ANA.${run}@gmail.com`, subject: `Toldo ${run}`, message: 'El toldo de la terraza está roto.' }));
    expect((await next).incident.contact?.id).toBe(ana.id);

    await desk.admin.ok(desk.admin.post(`/api/contact-merges/${merged.merges[0]!.id}/undo`, {}));
    const restored = await desk.admin.ok<ContactDetailDto>(desk.admin.get(`/api/contacts/${other.id}`));
    expect(restored).toMatchObject({ mergedInto: null, email: `ana.${run}@gmail.com` });
    expect(restored.identities.map((i) => i.value)).toEqual([`ana.${run}@gmail.com`]);
    expect((await detail(incident.id)).contact?.id).toBe(other.id);
    const audit = await query(desk.db, `select action from audit_log where entity_type = 'contact' and entity_id = $1 order by created_at`, [other.id]);
    expect(audit.map((a) => a.action)).toEqual(['created', 'updated', 'merged', 'unmerged']);
    const list = await desk.admin.ok<IncidentListDto>(desk.admin.get(`/api/incidents?contactId=${ana.id}`));
    expect(list.items.length).toBeGreaterThan(0);
  });

  it('unmerging a joined request takes back the service address it gave its incident, to the incident it gets', async () => {
    const email = `direccion.${run}@hotelsol.example`;
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Dora Dir', email, subject: 'Toldo', message: 'El toldo motorizado de la terraza no baja.' }));
    const first = (await opened).incident;
    const joined = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === first.id && p.message.kind === 'inbound' && p.message.body.includes('sigue'));
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Dora Dir', email, address: 'Calle Luna 8, 46002 Valencia', subject: 'Toldo', message: 'El toldo motorizado de la terraza sigue sin bajar.' }));
    await joined;
    expect((await detail(first.id)).siteAddress).toBe('Calle Luna 8, 46002 Valencia');
    const [merge] = await query<{ id: string }>(desk.db, `select id from incident_merges where target_id = $1 and source_id is null`, [first.id]);
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${merge!.id}/undo`, {}));
    expect((await detail(first.id)).siteAddress).toBeNull();
    // The request's own incident now, made by the unmerge: it has the address the request named.
    const [made] = await query<{ site_address: string | null }>(desk.db, `select i.site_address from incident_merges g join incidents i on i.id = g.source_id where g.id = $1`, [merge!.id]);
    expect(made?.site_address).toBe('Calle Luna 8, 46002 Valencia');
  });

  it('unmerging a joined request that reopened a pending incident puts it back to pending, unless its status changed since', async () => {
    const statusOf = async (id: string) => (await query<{ status: string }>(desk.db, `select status from incidents where id = $1`, [id]))[0]!.status;
    async function pendingThenJoined(who: string, first: string, again: string) {
      const email = `${who.toLowerCase().replace(' ', '.')}.${run}@hotelsol.example`;
      const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: who, email, subject: 'Persiana', message: first }));
      const incident = (await opened).incident;
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { status: 'pending' }));
      const joined = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === incident.id && p.message.kind === 'inbound' && p.message.body === again);
      await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: who, email, subject: 'Persiana', message: again }));
      await joined;
      expect(await statusOf(incident.id)).toBe('open'); // the joined request reopened it
      const [merge] = await query<{ id: string }>(desk.db, `select id from incident_merges where target_id = $1 and source_id is null order by created_at limit 1`, [incident.id]);
      return { incident, mergeId: merge!.id };
    }

    const waiting = await pendingThenJoined('Pia Pend', 'La persiana motorizada del salón no sube.', 'La persiana motorizada del salón sigue sin subir.');
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${waiting.mergeId}/undo`, {}));
    expect(await statusOf(waiting.incident.id)).toBe('pending');
    const out = (await detail(waiting.incident.id)).timeline.find((e) => e.type === 'audit' && e.action === 'unmerged-out');
    expect(out).toMatchObject({ changes: { status: { from: 'open', to: 'pending' } } });

    // An agent moved it since (pending, then open again): the unmerge leaves the status as the agent left it.
    const moved = await pendingThenJoined('Pau Mov', 'La persiana del dormitorio hace ruido al bajar.', 'La persiana del dormitorio sigue haciendo ruido al bajar.');
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${moved.incident.id}`, { status: 'pending' }));
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${moved.incident.id}`, { status: 'open' }));
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${moved.mergeId}/undo`, {}));
    expect(await statusOf(moved.incident.id)).toBe('open');

    // Only the customer's or a contact's own human message keeps it open: a technician's since does not.
    const techSince = await pendingThenJoined('Tito Tec', 'La persiana de la cocina no sube.', 'La persiana de la cocina sigue sin subir.');
    await query(desk.db, `insert into messages (id, incident_id, kind, channel_kind, body, created_at, sender_kind, flags) values (gen_random_uuid(), $1, 'inbound', 'email', 'Paso mañana a las 9.', now(), 'technician', '{}')`, [techSince.incident.id]);
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${techSince.mergeId}/undo`, {}));
    expect(await statusOf(techSince.incident.id)).toBe('pending');

    // Its customer wrote again since (which would have reopened it anyway): the unmerge leaves it open.
    const wrote = await pendingThenJoined('Pepa Esc', 'La persiana del baño no baja.', 'La persiana del baño sigue sin bajar.');
    const email = `pepa.esc.${run}@hotelsol.example`;
    const again = nextEvent(desk.socket, 'message.created', (p) => p.incidentId === wrote.incident.id && p.message.body.includes('novedad'));
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Pepa Esc', email, subject: 'Persiana', message: '¿Alguna novedad con la persiana del baño?' }));
    await again;
    await desk.admin.ok(desk.admin.post(`/api/incident-merges/${wrote.mergeId}/undo`, {}));
    expect(await statusOf(wrote.incident.id)).toBe('open');
  });

  it('gives back on undo the customer an incident took from a contact merge', async () => {
    const loose = await desk.admin.ok<ContactDetailDto>(desk.admin.post('/api/contacts', { name: 'Sin Empresa', identities: [{ kind: 'email', value: `suelto.${run}@gmail.com` }] }));
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.id === loose.id);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Sin Empresa', email: `suelto.${run}@gmail.com`, subject: `Suelto ${run}`, message: 'El portero automático no funciona.' }));
    const incident = (await opened).incident;
    const customerOf = async () => (await query<{ customer_id: string | null }>(desk.db, `select customer_id from incidents where id = $1`, [incident.id]))[0]!.customer_id;
    expect(await customerOf()).toBeNull();
    const merged = await desk.admin.ok<ContactDetailDto>(desk.admin.post(`/api/contacts/${bogdan.id}/merge`, { sourceId: loose.id }));
    expect(await customerOf()).toBe(customer.id);
    await desk.admin.ok(desk.admin.post(`/api/contact-merges/${merged.merges[0]!.id}/undo`, {}));
    expect(await customerOf()).toBeNull();
    expect((await detail(incident.id)).contact?.id).toBe(loose.id);
  });

  it('compares a new request with what a candidate is about and says now: its first request and latest seven, no notes', async () => {
    const email = `larga.${run}@hotelsol.example`;
    const opened = nextEvent(desk.socket, 'incident.created', (p) => p.incident.contact?.email === email);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: 'Lidia Larga', email, subject: 'Piscina', message: 'petición 1: la depuradora de la piscina no arranca' }));
    const incident = (await opened).incident;
    const [{ contact_id: contactId, created_at: first }] = await query<{ contact_id: string; created_at: Date }>(desk.db, `select contact_id, created_at from incidents where id = $1`, [incident.id]);
    // Eight more requests and a note, one minute apart, written straight into its timeline.
    for (let n = 2; n <= 10; n++) {
      const note = n === 6;
      await query(desk.db, `insert into messages (id, incident_id, kind, channel_kind, body, author_contact_id, created_at) values (gen_random_uuid(), $1, $2, 'webform', $3, $4, $5)`, [
        incident.id,
        note ? 'note' : 'inbound',
        note ? 'nota interna' : `petición ${n - (n > 6 ? 1 : 0)}`,
        note ? null : contactId,
        new Date(new Date(first).getTime() + n * 60_000),
      ]);
    }
    const repo = desk.server.app.get(DuplicatesRepository);
    const rows = await repo.candidates(sqlOf(desk.server.app.get(EntityManager)), { contactId, customerId: null, siteKey: null, at: new Date(), defaultWindowHours: 120 });
    const texts = rows.find((r) => r.id === incident.id)!.texts;
    expect(texts.map((t) => t.match(/petición \d+/)?.[0])).toEqual(['petición 1', ...[3, 4, 5, 6, 7, 8, 9].map((n) => `petición ${n}`)]);
    expect(texts[0]).toContain('Piscina'); // the first request reads with the incident's subject
  });
});
