/**
 * SMS and WhatsApp in through Twilio's webhook: signatures over the public URL (tampered, wrongly proxied,
 * pooled numbers), exactly once per MessageSid even when delivered twice at the same moment, and a
 * conversation: the next message from the same number joins the open incident.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto, IncidentDetailDto } from '../../src/contracts/api.js';
import { ApiClient, nextEvent, type InboxSocket } from '../support/api-client.js';
import { query } from '../support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

const PUBLIC = 'https://desk.climatiza.example';
const ACCOUNT = 'AC1c9f2a3b4c5d6e7f8091a2b3c4d5e6f7';
const TOKEN = '5f4dcc3b5aa765d61d8327deb882cf99';
const POOL = 'MG11112222333344445555666677778888';
const sid = () => `SM${randomBytes(16).toString('hex')}`;

describe('SMS and WhatsApp in through Twilio webhooks', () => {
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let sms: ChannelDto;
  let whatsapp: ChannelDto;

  /** Posts a webhook as Twilio does: form-encoded, signed over the public URL with the channel's token. */
  async function deliver(channel: ChannelDto, params: Record<string, string>, o: { token?: string; signedUrl?: string; tamper?: boolean } = {}) {
    const path = `/api/channels/twilio/${channel.id}/inbound`;
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
    server = await startTestServer({ mode: 'production', env: { PUBLIC_URL: PUBLIC } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    socket = await admin.connectInbox();
    sms = await admin.ok(admin.post('/api/channels', { kind: 'sms', name: 'SMS', accountSid: ACCOUNT, authToken: TOKEN, phoneNumber: '+34910000001' }));
    whatsapp = await admin.ok(admin.post('/api/channels', { kind: 'whatsapp', name: 'WhatsApp', accountSid: ACCOUNT, authToken: TOKEN, messagingServiceSid: POOL }));
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  it('shows the webhook addresses to paste in Twilio and never the auth token', async () => {
    expect(sms.twilio).toEqual({
      accountSid: ACCOUNT,
      phoneNumber: '+34910000001',
      messagingServiceSid: null,
      defaultCountry: 'ES',
      hasAuthToken: true,
      webhooks: { inbound: `${PUBLIC}/api/channels/twilio/${sms.id}/inbound`, status: `${PUBLIC}/api/channels/twilio/${sms.id}/status` },
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
    const answers = await Promise.all([deliver(sms, params), deliver(sms, params), deliver(sms, params)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const rows = await query(server.databaseUrl!, `select count(*)::int as n from messages where body = 'Repetido por Twilio'`);
    expect(rows).toEqual([{ n: 1 }]);
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
});
