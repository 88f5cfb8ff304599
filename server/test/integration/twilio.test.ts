/**
 * SMS and WhatsApp in through Twilio's webhook: signatures over the public URL (tampered, wrongly proxied,
 * pooled numbers), exactly once per MessageSid even when delivered twice at the same moment, and a
 * conversation: the next message from the same number joins the open incident.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto, IncidentDetailDto, MessageDto } from '../../src/contracts/api.js';
import { ApiClient, nextEvent, type InboxSocket } from '../support/api-client.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { TwilioMedia } from '../../src/twilio/twilio-media.service.js';
import { query } from '../support/services.js';
import { startTwilioFake, type TwilioFake } from '../support/twilio-fake.js';
import { waitUntil } from '../support/wait.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

const PUBLIC = 'https://desk.climatiza.example';
const ACCOUNT = 'AC1c9f2a3b4c5d6e7f8091a2b3c4d5e6f7';
const TOKEN = '5f4dcc3b5aa765d61d8327deb882cf99';
const POOL = 'MG11112222333344445555666677778888';
const sid = () => `SM${randomBytes(16).toString('hex')}`;

describe('SMS and WhatsApp through Twilio: webhooks in, replies out, delivery callbacks', () => {
  let fake: TwilioFake;
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let sms: ChannelDto;
  let whatsapp: ChannelDto;

  /** Posts a webhook as Twilio does: form-encoded, signed over the public URL with the channel's token. */
  async function deliver(channel: ChannelDto, params: Record<string, string>, o: { token?: string; signedUrl?: string; tamper?: boolean; hook?: 'inbound' | 'status' } = {}) {
    const path = `/api/channels/twilio/${channel.id}/${o.hook ?? 'inbound'}`;
    const signature = twilio.getExpectedTwilioSignature(o.token ?? TOKEN, o.signedUrl ?? PUBLIC + path, params);
    const body = new URLSearchParams(o.tamper ? { ...params, Body: `${params.Body} (changed)` } : params).toString();
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  }
  const message = (from: string, body: string, extra: Record<string, string> = {}) => ({
    MessageSid: sid(),
    AccountSid: ACCOUNT,
    From: from,
    To: '+34910000001',
    Body: body,
    NumMedia: '0',
    ...extra,
  });

  beforeAll(async () => {
    fake = await startTwilioFake({ [ACCOUNT]: TOKEN });
    server = await startTestServer({ mode: 'production', env: { PUBLIC_URL: PUBLIC, TWILIO_API_URL: fake.url } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    socket = await admin.connectInbox();
    sms = await admin.ok(admin.post('/api/channels', { kind: 'sms', name: 'SMS', accountSid: ACCOUNT, authToken: TOKEN, phoneNumber: '+34910000001' }));
    whatsapp = await admin.ok(admin.post('/api/channels', { kind: 'whatsapp', name: 'WhatsApp', accountSid: ACCOUNT, authToken: TOKEN, messagingServiceSid: POOL }));
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
    await fake?.close();
  });

  it('shows the webhook addresses to paste in Twilio and never the auth token', async () => {
    expect(sms.twilio).toEqual({
      accountSid: ACCOUNT,
      phoneNumber: '+34910000001',
      messagingServiceSid: null,
      defaultCountry: 'ES',
      hasAuthToken: true,
      webhooks: { inbound: `${PUBLIC}/api/channels/twilio/${sms.id}/inbound`, status: `${PUBLIC}/api/channels/twilio/${sms.id}/status` },
      templates: [],
    });
    expect(JSON.stringify(await admin.get('/api/channels'))).not.toContain(TOKEN);
    const bad = await admin.post('/api/channels', { kind: 'sms', name: 'x', accountSid: 'AC1', authToken: 'short' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['accountSid', 'authToken']));
  });

  it('turns a signed SMS into an incident, live, with the number in E.164, and answers empty TwiML', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Sin luz en el local de la calle Mayor.', 10_000);
    const res = await deliver(sms, message('612 345 678', 'Sin luz en el local de la calle Mayor.'));
    expect(res).toMatchObject({ status: 200, type: expect.stringContaining('text/xml'), text: expect.stringContaining('<Response></Response>') });
    const { incident } = await created;
    expect(incident).toMatchObject({ channelKind: 'sms', contact: { phone: '+34612345678' } });
  });

  it('refuses a tampered body, another token and a URL other than the public one, and stores nothing', async () => {
    const before = await query(server.databaseUrl!, `select count(*)::int as n from inbound_events`);
    expect((await deliver(sms, message('+34612000001', 'hola'), { tamper: true })).status).toBe(403);
    expect((await deliver(sms, message('+34612000001', 'hola'), { token: 'ffffffffffffffffffffffffffffffff' })).status).toBe(403);
    // Signed for the address this process sees behind a proxy, not the public one Twilio called:
    expect((await deliver(sms, message('+34612000001', 'hola'), { signedUrl: `${server.url}/api/channels/twilio/${sms.id}/inbound` })).status).toBe(403);
    expect((await deliver(sms, message('+34612000001', 'hola', { AccountSid: 'ACffffffffffffffffffffffffffffffff' }))).status).toBe(403);
    expect(await query(server.databaseUrl!, `select count(*)::int as n from inbound_events`)).toEqual(before);
  });

  it('stores a message delivered twice at the same moment once', async () => {
    const params = message('+34612000002', 'Repetido por Twilio');
    const created = nextEvent(socket, 'incident.created', (p) => p.message?.body === 'Repetido por Twilio', 10_000);
    const answers = await Promise.all([deliver(sms, params), deliver(sms, params), deliver(sms, params)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Answered once stored; processed right after.
    expect(await query(server.databaseUrl!, `select count(*)::int as n from inbound_events where idempotency_key = $1`, [`sid:${params.MessageSid}`])).toEqual([{ n: 1 }]);
    await created;
    await deliver(sms, params); // and once more, later
    const rows = await query(server.databaseUrl!, `select count(*)::int as n from messages where body = 'Repetido por Twilio'`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('processes a message that was answered but not processed (the process died right after storing it) in the sweep', async () => {
    const params = message('+34612000012', 'Guardado pero sin procesar');
    // What accept() leaves behind when the process dies before processing: the raw row, 'received'.
    await query(server.databaseUrl!, `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, received_at) values (gen_random_uuid(), $1, $2, $3, 'received', 0, now() - interval '1 minute')`, [
      sms.id,
      `sid:${params.MessageSid}`,
      JSON.stringify(params),
    ]);
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Guardado pero sin procesar', 10_000);
    await server.app.get(IngestService).sweep();
    expect((await created).incident.contact?.phone).toBe('+34612000012');
    expect((await deliver(sms, params)).status).toBe(200); // Twilio's retry of it: nothing more
    expect(await query(server.databaseUrl!, `select count(*)::int as n from messages where body = 'Guardado pero sin procesar'`)).toEqual([{ n: 1 }]);
  });

  it('takes WhatsApp on any number of the Messaging Service pool, with the profile name, and threads the conversation', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.channelKind === 'whatsapp', 10_000);
    const first = message('whatsapp:+40722123456', 'Bună ziua, centrala nu pornește.', { To: 'whatsapp:+34910000077', MessagingServiceSid: POOL, ProfileName: 'Ioana P.', WaId: '40722123456' });
    expect((await deliver(whatsapp, first)).status).toBe(200);
    const { incident } = await created;
    expect(incident.contact).toMatchObject({ name: 'Ioana P.', phone: '+40722123456' });

    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.body === 'Am verificat presiunea: 1,2 bar.', 10_000);
    await deliver(whatsapp, message('whatsapp:+40722123456', 'Am verificat presiunea: 1,2 bar.', { To: 'whatsapp:+34910000078', MessagingServiceSid: POOL }));
    await joined;
    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    expect(detail.messageCount).toBe(2);
  });

  it('answers a status-only payload with 200 and stores no message', async () => {
    const status = { MessageSid: sid(), MessageStatus: 'delivered', AccountSid: ACCOUNT, From: '+34910000001', To: '+34612345678' };
    expect((await deliver(sms, status)).status).toBe(200);
    expect(await query(server.databaseUrl!, `select count(*)::int as n from inbound_events where idempotency_key = $1`, [`sid:${status.MessageSid}`])).toEqual([{ n: 0 }]);
  });

  it('sends the agent reply through the Twilio API and follows its status callbacks live, never backwards', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === '¿Cuándo viene el técnico?', 10_000);
    await deliver(sms, message('+34612000003', '¿Cuándo viene el técnico?'));
    const { incident } = await created;
    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    expect(detail.reply).toEqual({ channelKind: 'sms', to: '+34612000003', from: '+34910000001' });

    const reply = await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { body: 'Mañana entre 9 y 11.' }));
    const [request] = await waitUntil(async () => fake.requests.filter((r) => r.params.Body === 'Mañana entre 9 y 11.'), (r) => r.length === 1 && Boolean(r[0].sid), 'the API request');
    expect(request.params).toMatchObject({ To: '+34612000003', From: '+34910000001', StatusCallback: `${PUBLIC}/api/channels/twilio/${sms.id}/status` });
    // (Twilio may call back at once: the callback waits for the MessageSid to be recorded.)

    const status = (s: string, extra: Record<string, string> = {}) => ({ MessageSid: request.sid!, MessageStatus: s, AccountSid: ACCOUNT, From: '+34910000001', To: '+34612000003', ...extra });
    const delivered = nextEvent(socket, 'message.updated', (p) => p.message.id === reply.id && p.message.delivery?.status === 'delivered', 10_000);
    expect((await deliver(sms, status('delivered'), { hook: 'status' })).status).toBe(200);
    await delivered;
    await deliver(sms, status('sent'), { hook: 'status' }); // late and out of order: ignored
    const after = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    expect(after.timeline.find((e) => e.type === 'message' && e.id === reply.id)).toMatchObject({ delivery: { status: 'delivered' } });
    expect((await deliver(sms, status('delivered'), { hook: 'status', tamper: false, token: 'ffffffffffffffffffffffffffffffff' })).status).toBe(403);
  });

  it('fails for good on an invalid number, retries a 500, and refuses WhatsApp free text outside 24 hours', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Número raro', 10_000);
    await deliver(sms, message('+34612000004', 'Número raro'));
    const { incident } = await created;
    fake.plan({ status: 400, code: 21211, message: "The 'To' number +34612000004 is not a valid phone number." });
    const bad = await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { body: 'Hola' }));
    const failed = await waitUntil(
      async () => (await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`))).timeline.find((e) => e.type === 'message' && e.id === bad.id) as MessageDto,
      (m) => m.delivery?.status === 'failed',
      'the refusal',
    );
    expect(failed.delivery?.error).toContain('21211');

    fake.plan({ status: 500, code: 20500, message: 'Internal Server Error' });
    const retried = await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { body: 'Segundo intento' }));
    await waitUntil(
      async () => (await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`))).timeline.find((e) => e.type === 'message' && e.id === retried.id) as MessageDto,
      (m) => m.delivery?.status === 'sent',
      'the retry',
      20_000,
    );
    expect(fake.requests.filter((r) => r.params.Body === 'Segundo intento')).toHaveLength(2);

    // A WhatsApp conversation whose customer wrote 25 hours ago.
    const wa = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Hola desde WhatsApp', 10_000);
    await deliver(whatsapp, message('whatsapp:+34612000005', 'Hola desde WhatsApp', { To: 'whatsapp:+34910000077', MessagingServiceSid: POOL }));
    const waIncident = (await wa).incident;
    expect((await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${waIncident.id}`))).reply).toMatchObject({ channelKind: 'whatsapp', windowOpenUntil: expect.any(String) });
    await query(server.databaseUrl!, `update messages set created_at = now() - interval '25 hours' where incident_id = $1`, [waIncident.id]);
    const closed = await admin.post(`/api/incidents/${waIncident.id}/replies`, { body: 'Hola' });
    expect(closed.status).toBe(409);
    expect(closed.body.message).toContain('24-hour window');
  }, 40_000);

  it('sends an approved WhatsApp template with its values when the 24-hour window is closed', async () => {
    const HX = `HX${'1a2b3c4d'.repeat(4)}`;
    const template = { name: 'Visita programada', contentSid: HX, language: 'es', body: 'Hola {{1}}, el técnico le visitará el {{2}}. Responda a este mensaje si necesita cambiarlo.' };
    expect((await admin.patch(`/api/channels/${whatsapp.id}`, { templates: [{ ...template, contentSid: 'HX1' }] })).body.fields).toHaveProperty(['templates.0.contentSid']);
    expect((await admin.patch(`/api/channels/${sms.id}`, { templates: [template] })).status).toBe(400);
    const updated = await admin.ok<ChannelDto>(admin.patch(`/api/channels/${whatsapp.id}`, { templates: [template] }));
    expect(updated.twilio!.templates).toEqual([{ ...template, variables: ['1', '2'] }]);

    const wa = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Quiero cambiar la cita', 10_000);
    await deliver(whatsapp, message('whatsapp:+34612000009', 'Quiero cambiar la cita', { To: 'whatsapp:+34910000077', MessagingServiceSid: POOL }));
    const { incident } = await wa;
    await query(server.databaseUrl!, `update messages set created_at = now() - interval '25 hours' where incident_id = $1`, [incident.id]);
    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    expect(detail.reply).toMatchObject({ channelKind: 'whatsapp', windowOpenUntil: null, templates: [{ contentSid: HX, variables: ['1', '2'] }] });

    const incomplete = await admin.post(`/api/incidents/${incident.id}/replies`, { template: { contentSid: HX, variables: { 1: 'Lucía' } } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields).toEqual({ 'template.variables.2': 'required' });
    expect((await admin.post(`/api/incidents/${incident.id}/replies`, { template: { contentSid: `HX${'f'.repeat(32)}`, variables: {} } })).status).toBe(400);

    const sent = await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { template: { contentSid: HX, variables: { 1: 'Lucía', 2: 'jueves 14 a las 9:00' } } }));
    expect(sent.body).toBe('Hola Lucía, el técnico le visitará el jueves 14 a las 9:00. Responda a este mensaje si necesita cambiarlo.');
    const [request] = await waitUntil(async () => fake.requests.filter((r) => r.params.ContentSid === HX), (r) => r.length === 1 && Boolean(r[0].sid), 'the template request');
    expect(request.params).toMatchObject({ To: 'whatsapp:+34612000009', MessagingServiceSid: POOL, ContentVariables: JSON.stringify({ 1: 'Lucía', 2: 'jueves 14 a las 9:00' }) });
    expect(request.params.Body).toBeUndefined();
  });

  it('downloads the media of an MMS with the account credentials into attachments, typed by content, once', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const mm = `MM${randomBytes(16).toString('hex')}`;
    const path = (n: number) => `/2010-04-01/Accounts/${ACCOUNT}/Messages/${mm}/Media/ME${n}${randomBytes(15).toString('hex')}`;
    const photo = path(1);
    const program = path(2);
    fake.media.set(photo, { type: 'image/png', body: png });
    fake.media.set(program, { type: 'application/pdf', body: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) });
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === 'Foto del contador', 10_000);
    await deliver(sms, message('+34612000006', 'Foto del contador', { MessageSid: mm, NumMedia: '2', MediaUrl0: `https://api.twilio.com${photo}`, MediaContentType0: 'image/png', MediaUrl1: `https://api.twilio.com${program}`, MediaContentType1: 'application/pdf' }));
    const { incident } = await created;
    const updated = await nextEvent(socket, 'message.updated', (p) => p.incidentId === incident.id && p.message.attachments.length === 2, 10_000);
    expect(updated.message.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/png', rejected: null, size: png.length }),
      expect.objectContaining({ rejected: 'programs and archives are not accepted' }),
    ]);
    // Delivered again by Twilio: nothing new is fetched into storage.
    await deliver(sms, message('+34612000006', 'Foto del contador', { MessageSid: mm, NumMedia: '2', MediaUrl0: `https://api.twilio.com${photo}`, MediaUrl1: `https://api.twilio.com${program}` }));
    const rows = await query(server.databaseUrl!, `select count(*)::int as n from attachments a join messages m on m.id = a.message_id where m.incident_id = $1`, [incident.id]);
    expect(rows).toEqual([{ n: 2 }]);

    // A download lost with its process (stored message, no job): the sweep finds the missing file and fetches it once.
    await query(server.databaseUrl!, `delete from attachments where message_id = $1 and content_type = 'image/png'`, [updated.message.id]);
    const again = nextEvent(socket, 'message.updated', (p) => p.message.id === updated.message.id && p.message.attachments.length === 2, 10_000);
    expect(await server.app.get(TwilioMedia).sweep(0)).toBe(1);
    await again;
    expect(await server.app.get(TwilioMedia).sweep(0)).toBe(0);
  });

  it('sends a technician their service order by SMS; "1" from their registered number confirms, "2" declines, another number does not', async () => {
    const tech = await admin.createUser({ email: 'tecnico.sms@example.es', name: 'Pablo Ruiz', role: 'technician', phone: '+34699000001' });
    const open = async (n: string) => {
      const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === `Avería ${n}`, 10_000);
      await deliver(sms, message(`+3461200010${n}`, `Avería ${n}`));
      const { incident } = await created;
      await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { siteAddress: 'C/ Mayor 3, Madrid', assigneeId: tech.id }));
      const [order] = await waitUntil(async () => fake.requests.filter((r) => r.params.To === '+34699000001' && r.params.Body.includes(incident.reference)), (r) => r.length === 1, 'the SMS service order');
      return { incident, order };
    };
    const first = await open('1');
    expect(first.order.params.Body).toBe(`Orden de servicio ${first.incident.reference}: Avería 1, C/ Mayor 3, Madrid. Responda 1 para aceptar o 2 para rechazar.`);
    // someone else's "1" is an ordinary message on their own conversation
    await deliver(sms, message('+34612999999', '1'));
    expect((await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${first.incident.id}`))).assignmentStatus).toBe('pending');
    const confirmed = nextEvent(socket, 'incident.updated', (p) => p.incident.id === first.incident.id && p.incident.assignmentStatus === 'confirmed', 10_000);
    await deliver(sms, message('+34699000001', '1'));
    expect((await confirmed).by?.id).toBe(tech.id);

    const second = await open('2');
    const declined = nextEvent(socket, 'incident.alert', (p) => p.incidentId === second.incident.id, 10_000);
    await deliver(sms, message('+34699000001', '2'));
    expect(await declined).toMatchObject({ kind: 'assignment-declined', by: { id: tech.id } });
    const after = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${second.incident.id}`));
    expect(after).toMatchObject({ assignee: null, assignmentStatus: 'declined' });
  });

  it('a technician with two orders awaiting their answer: "1" answers the one sent last, whatever was updated since; "1 SB-…" the one it names', async () => {
    const tech = await admin.createUser({ email: 'tecnico.dos@example.es', name: 'Inés Mora', role: 'technician', phone: '+34699000002' });
    const open = async (n: string) => {
      const created = nextEvent(socket, 'incident.created', (p) => p.incident.lastMessagePreview === `Fuga ${n}`, 10_000);
      await deliver(sms, message(`+3461200020${n}`, `Fuga ${n}`));
      const { incident } = await created;
      await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { assigneeId: tech.id }));
      await waitUntil(async () => fake.requests.filter((r) => r.params.To === '+34699000002' && r.params.Body.includes(incident.reference)), (r) => r.length === 1, `the SMS service order of ${n}`);
      return incident;
    };
    const older = await open('1');
    const newer = await open('2');
    // The first order's customer writes again: that incident is now the one updated last.
    const touched = nextEvent(socket, 'message.created', (p) => p.incidentId === older.id && p.message.body === 'Sigue goteando', 10_000);
    await deliver(sms, message('+34612000201', 'Sigue goteando'));
    await touched;
    const confirmed = nextEvent(socket, 'incident.updated', (p) => p.incident.assignmentStatus === 'confirmed' && [older.id, newer.id].includes(p.incident.id), 10_000);
    await deliver(sms, message('+34699000002', '1'));
    expect((await confirmed).incident.id).toBe(newer.id);
    const named = nextEvent(socket, 'incident.updated', (p) => p.incident.id === older.id && p.incident.assignmentStatus === 'confirmed', 10_000);
    await deliver(sms, message('+34699000002', `1 ${older.reference}`));
    await named;
  });
});
