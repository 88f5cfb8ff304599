import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetailDto, IncidentListDto } from '../../src/contracts/api.js';
import { ChannelsService } from '../../src/channels/channels.service.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { ApiClient, submission } from '../support/api-client.js';
import { query } from '../support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('web-form intake on PostgreSQL + BullMQ', () => {
  let server: TestServer;
  let admin: ApiClient;
  let anon: ApiClient;
  let key: string;
  const events = (where = 'true') => query(server.databaseUrl!, `select * from inbound_events where ${where}`);

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production' });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    key = (await admin.createWebform('Website')).key;
    anon = new ApiClient(server.url);
  });
  afterAll(() => server?.close());

  it('turns a JSON submission into an incident with the customer as contact and answers its reference', async () => {
    const form = submission({ name: 'Ana Martín', email: 'Ana.Martin@Example.es', phone: '+34 612 345 678', subject: 'Router sin luz' });
    const r = await anon.post(`/api/channels/webform/${key}`, form);
    expect(r.status).toBe(202);
    expect(r.body.reference).toMatch(/^SB-\d+$/);

    const list = await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${encodeURIComponent(r.body.reference)}`));
    expect(list.items).toHaveLength(1);
    const incident = list.items[0];
    expect(incident).toMatchObject({ subject: 'Router sin luz', status: 'new', channelKind: 'webform', messageCount: 1 });
    expect(incident.contact).toMatchObject({ name: 'Ana Martín', email: 'ana.martin@example.es', phone: '+34612345678' });

    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    const messages = detail.timeline.filter((e) => e.type === 'message');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'inbound', body: form.message, author: { type: 'contact', name: 'Ana Martín' } });
    expect(detail.timeline.some((e) => e.type === 'audit' && e.action === 'created')).toBe(true);
  });

  it('accepts the urlencoded post of a plain HTML form', async () => {
    const r = await anon.request('POST', `/api/channels/webform/${key}`, submission({ subject: 'Urlencoded' }), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(202);
    expect(r.body.reference).toMatch(/^SB-/);
  });

  it('stores the same submissionId once, even when it arrives ten times at once', async () => {
    const form = submission({ submissionId: `dup-${Date.now()}` });
    const answers = await Promise.all(Array.from({ length: 10 }, () => anon.post(`/api/channels/webform/${key}`, form)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    const rows = await events(`idempotency_key like 'sub:${form.submissionId}:%'`);
    expect(rows).toHaveLength(1);
    const [{ n }] = await query(server.databaseUrl!, `select count(*)::int as n from messages where inbound_event_id = $1`, [rows[0].id]);
    expect(n).toBe(1);
  });

  it('stores a form posted twice either side of its ten-minute window’s boundary once, one after the other or at once', async () => {
    const ingest = server.app.get(IngestService);
    const channel = await server.app.get(ChannelsService).byKey('webform', key);
    // The boundary of the window now is in: the same content just before it and just after it.
    const boundary = Math.floor(Date.now() / 600_000) * 600_000;
    const post = (n: string, at: number) => ingest.receive(channel, { fields: submission({ email: `borde.${n}@example.es`, subject: `Borde ${n}`, message: 'La persiana no baja.' }), receivedAt: new Date(at).toISOString() });
    const [first] = await post('a', boundary - 100);
    const [again] = await post('a', boundary + 100);
    expect(again).toMatchObject({ duplicate: true, eventId: first!.eventId, reference: first!.reference });
    const both = await Promise.all([post('b', boundary - 100), post('b', boundary + 100)]);
    expect(new Set(both.map(([r]) => r!.eventId)).size).toBe(1);
    expect(both.filter(([r]) => r!.duplicate)).toHaveLength(1);
    for (const n of ['a', 'b']) {
      const [{ messages }] = await query(server.databaseUrl!, `select count(*)::int as messages from messages m join inbound_events e on e.id = m.inbound_event_id where e.payload->'fields'->>'email' = $1`, [`borde.${n}@example.es`]);
      expect(messages).toBe(1);
    }
    // The same text a window later is a message of its own.
    const [later] = await post('a', boundary + 700_000);
    expect(later!.duplicate).toBe(false);
  });

  it('keeps two different messages that reuse one submissionId apart', async () => {
    const id = `reused-${Date.now()}`;
    const first = await anon.post(`/api/channels/webform/${key}`, submission({ submissionId: id, subject: 'First sender' }));
    const second = await anon.post(`/api/channels/webform/${key}`, submission({ submissionId: id, subject: 'Second sender' }));
    expect(second.body.reference).not.toBe(first.body.reference);
    expect(await events(`idempotency_key like 'sub:${id}:%'`)).toHaveLength(2);
  });

  it('a new sender writing twice at once about one fault gets one contact and one incident', async () => {
    // The first request creates the contact and skips the duplicate check (nothing of theirs exists yet);
    // the second waits on the contact's unique e-mail, finds the contact and joins the first's incident.
    const email = `twice.${Date.now()}@example.es`;
    const message = 'La caldera marca el error E119 y no hay agua caliente desde esta mañana.';
    const answers = await Promise.all(
      ['Caldera E119', 'Caldera E119 sin agua caliente'].map((subject) => anon.post(`/api/channels/webform/${key}`, submission({ email, subject, message }))),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(answers[1].body.reference).toBe(answers[0].body.reference);
    const contacts = await query(server.databaseUrl!, `select id from contacts where email = $1`, [email]);
    expect(contacts).toHaveLength(1);
    const [{ incidents, messages }] = await query(
      server.databaseUrl!,
      `select count(distinct incident_id)::int as incidents, count(*)::int as messages from messages where author_contact_id = $1`,
      [contacts[0].id],
    );
    expect({ incidents, messages }).toEqual({ incidents: 1, messages: 2 });
  });

  it('recognises the same customer on the second request (one contact; another problem, two incidents)', async () => {
    const email = `repeat.${Date.now()}@example.ro`;
    await anon.post(`/api/channels/webform/${key}`, submission({ email, subject: 'Prima', message: 'Centrala nu pornește deloc.' }));
    await anon.post(`/api/channels/webform/${key}`, submission({ email: email.toUpperCase(), subject: 'A doua', message: 'Factura din octombrie este dublată.' }));
    const contacts = await query(server.databaseUrl!, `select id from contacts where email = $1`, [email]);
    expect(contacts).toHaveLength(1);
    const [{ n }] = await query(server.databaseUrl!, `select count(*)::int as n from incidents where contact_id = $1`, [contacts[0].id]);
    expect(n).toBe(2);
    const audit = await query(server.databaseUrl!, `select action from audit_log where entity_type = 'contact' and entity_id = $1`, [contacts[0].id]);
    expect(audit.map((a) => a.action)).toEqual(['created']);
  });

  it('keeps a payload whose processing fails, acknowledges it, and processes it later exactly once', async () => {
    await query(server.databaseUrl!, 'alter table contacts rename to contacts_away'); // a broken step in processing
    const form = submission({ subject: 'During an outage', submissionId: `outage-${Date.now()}` });
    let r;
    try {
      r = await anon.post(`/api/channels/webform/${key}`, form);
    } finally {
      await query(server.databaseUrl!, 'alter table contacts_away rename to contacts');
    }
    expect(r.status).toBe(202);
    expect(r.body.reference).toBeNull();
    const [kept] = await events(`idempotency_key like 'sub:${form.submissionId}:%'`);
    expect(kept).toMatchObject({ status: 'failed', payload: { fields: { subject: 'During an outage' } } });

    const again = await anon.post(`/api/channels/webform/${key}`, form); // the sender retries: processed now
    expect(again.body.reference).toMatch(/^SB-/);
    expect(await server.app.get(IngestService).sweep(0)).toBe(0); // nothing left behind
    const rows = await events(`idempotency_key like 'sub:${form.submissionId}:%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('processed');
    const [{ n }] = await query(server.databaseUrl!, `select count(*)::int as n from incidents where subject = 'During an outage'`);
    expect(n).toBe(1);
  });

  it('processes a kept payload with the sweep job when nobody retries', async () => {
    await query(server.databaseUrl!, 'alter table contacts rename to contacts_away');
    const form = submission({ subject: 'Swept later', submissionId: `sweep-${Date.now()}` });
    try {
      expect((await anon.post(`/api/channels/webform/${key}`, form)).body.reference).toBeNull();
    } finally {
      await query(server.databaseUrl!, 'alter table contacts_away rename to contacts');
    }
    expect(await server.app.get(IngestService).sweep(0)).toBe(1);
    expect((await events(`idempotency_key like 'sub:${form.submissionId}:%'`))[0].status).toBe('processed');
    const list = await admin.ok<IncidentListDto>(admin.get('/api/incidents?q=Swept%20later'));
    expect(list.items).toHaveLength(1);
  });

  it('lists payloads that need an admin, and replays them', async () => {
    await query(server.databaseUrl!, 'alter table contacts rename to contacts_away');
    const form = submission({ subject: 'Given up on', submissionId: `given-up-${Date.now()}` });
    try {
      await anon.post(`/api/channels/webform/${key}`, form);
    } finally {
      await query(server.databaseUrl!, 'alter table contacts_away rename to contacts');
    }
    await query(server.databaseUrl!, `update inbound_events set attempts = 10 where idempotency_key like 'sub:${form.submissionId}:%'`); // the sweep gave up
    await anon.post(`/api/channels/webform/${key}`, { name: 'X', email: 'broken', subject: 's', message: 'm' });

    const attention = await admin.ok<{ id: string; status: string; payload: { fields: Record<string, string> } }[]>(admin.get('/api/inbound-events/attention'));
    const failed = attention.find((e) => e.payload.fields.subject === 'Given up on')!;
    const invalid = attention.find((e) => e.payload.fields.email === 'broken')!;
    expect(failed.status).toBe('failed');
    expect(invalid.status).toBe('invalid');

    const replayed = await admin.post(`/api/inbound-events/${failed.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.reference).toMatch(/^SB-/);
    expect((await admin.post(`/api/inbound-events/${failed.id}/replay`)).status).toBe(409); // processed now
    const still = await admin.post(`/api/inbound-events/${invalid.id}/replay`);
    expect(still.status).toBe(400); // still invalid: says what to fix
    expect(still.body.fields.email).toBe('is not a valid e-mail address');
    expect((await new ApiClient(server.url).get('/api/inbound-events/attention')).status).toBe(401);
  });

  it('answers 400 naming each wrong field, and keeps the payload for replay', async () => {
    const r = await anon.post(`/api/channels/webform/${key}`, { name: '', email: 'nope', subject: 'x', message: '' });
    expect(r.status).toBe(400);
    expect(r.body.fields).toMatchObject({ name: 'required', email: 'is not a valid e-mail address', message: 'required' });
    expect(r.body.message).toContain('name required');
    const kept = await events(`status = 'invalid'`);
    expect(kept.some((e) => e.payload.fields.email === 'nope')).toBe(true);
  });

  it('drops a bot that fills the honeypot without telling it, and stores nothing', async () => {
    const before = (await events()).length;
    const r = await anon.post(`/api/channels/webform/${key}`, submission({ website: 'http://spam.example' }));
    expect(r.status).toBe(202);
    expect((await events()).length).toBe(before);
  });

  it('keeps HTML as text', async () => {
    const r = await anon.post(`/api/channels/webform/${key}`, submission({ message: '<img src=x onerror=alert(1)><b>hola</b>' }));
    const list = await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${r.body.reference}`));
    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${list.items[0].id}`));
    expect(detail.timeline.find((e) => e.type === 'message')).toMatchObject({ body: '<img src=x onerror=alert(1)><b>hola</b>' });
  });

  it('refuses bodies over the limit with 413, malformed JSON with 400, unknown forms with 404', async () => {
    const big = await anon.post(`/api/channels/webform/${key}`, submission({ message: 'x'.repeat(200_000) }));
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/larger than/);
    const bad = await anon.request('POST', `/api/channels/webform/${key}`, undefined, { raw: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const unknown = await anon.post('/api/channels/webform/not-a-key', submission());
    expect(unknown.status).toBe(404);
  });

  it('serves a localised form page that works without JavaScript', async () => {
    const page = await anon.request('GET', `/forms/${key}`, undefined, { headers: { 'accept-language': 'ro-RO,ro;q=0.9' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ro">');
    expect(page.body).toContain('Trimite');
    expect(page.headers.get('x-frame-options')).toBeNull();
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.body)![1];

    const form = { ...submission({ subject: 'Formular simplu' }), submissionId, locale: 'ro', website: '' };
    const posted = await anon.request('POST', `/forms/${key}`, form, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatch(/Numărul de referință este/);
    const again = await anon.request('POST', `/forms/${key}`, form, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(/data-reference>(SB-\d+)</.exec(again.body)![1]).toBe(/data-reference>(SB-\d+)</.exec(posted.body)![1]);

    const wrong = await anon.request('POST', `/forms/${key}?lang=es`, { name: 'X', subject: '', message: 'm', email: 'x@y.es', locale: 'es' }, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('Revise los campos marcados');
    expect(wrong.body).toContain('value="x@y.es"');

    const hostile = '"><script>alert(1)</script>';
    const echoed = await anon.request('POST', `/forms/${key}`, { name: hostile, subject: '', message: `</textarea>${hostile}`, email: 'x@y.es' }, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(echoed.status).toBe(400);
    expect(echoed.body).not.toContain('<script>');
    expect(echoed.body).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('rate limit of the public intake', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { INTAKE_RATE_LIMIT: '3' } });
  });
  afterAll(() => server?.close());

  it('answers 429 past the per-address limit', async () => {
    const admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    const { key } = await admin.createWebform();
    const anon = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anon.post(`/api/channels/webform/${key}`, submission())).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });
});
