/**
 * Phone calls in: the PBX's CTI webhook (per-channel token) and Twilio Voice callbacks (signed), each event
 * stored exactly once and merged whatever order it arrives in; the live pop-up; a missed call opens (or
 * joins) an incident to call back; an answered call lands on the caller's open incident; the call log; calls
 * logged by hand.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDto, CallLogEntryDto, ChannelDto, IncidentDetailDto, MessageDto } from '../../src/contracts/api.js';
import { ApiClient, nextEvent, type InboxSocket } from '../support/api-client.js';
import { query } from '../support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

const PUBLIC = 'https://desk.climatiza.example';
const ACCOUNT = 'AC7e57a11ce0000000000000000000cafe';
const AUTH = '0123456789abcdef0123456789abcdef';
const callId = () => `cti-${randomBytes(6).toString('hex')}`;
const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

describe('phone calls: CTI and Twilio Voice in, pop-up, call-backs, call log', () => {
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let phone: ChannelDto;
  let token: string;

  /** Posts one CTI event as a PBX does (JSON; form works the same), with the channel's token. */
  async function cti(params: Record<string, string>, o: { token?: string | null; form?: boolean } = {}) {
    const path = `/api/channels/phone/${phone.id}/events`;
    const headers: Record<string, string> = { 'content-type': o.form ? 'application/x-www-form-urlencoded' : 'application/json' };
    if (o.token !== null) headers.authorization = `Bearer ${o.token ?? token}`;
    const res = await fetch(server.url + path, { method: 'POST', headers, body: o.form ? new URLSearchParams(params).toString() : JSON.stringify(params) });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  }

  /** A Twilio Voice callback, signed over the public URL with the account's auth token. */
  async function voice(params: Record<string, string>, o: { tamper?: boolean } = {}) {
    const path = `/api/channels/phone/${phone.id}/twilio`;
    const signature = twilio.getExpectedTwilioSignature(AUTH, PUBLIC + path, params);
    const body = new URLSearchParams(o.tamper ? { ...params, CallDuration: '1' } : params).toString();
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body });
    return { status: res.status, text: await res.text() };
  }

  const incident = (id: string) => admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${id}`));
  const calls = (filter = '') => admin.ok<CallLogEntryDto[]>(admin.get(`/api/calls${filter}`));
  const callsOnTimeline = (d: IncidentDetailDto) => d.timeline.filter((e): e is MessageDto & { type: 'message' } => e.type === 'message' && e.call !== null);

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { PUBLIC_URL: PUBLIC } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    socket = await admin.connectInbox();
    phone = await admin.ok(admin.post('/api/channels', { kind: 'phone', name: 'Centralita', twilioAccountSid: ACCOUNT, twilioAuthToken: AUTH }));
    token = new URL(phone.phone!.webhooks.events).searchParams.get('token')!;
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  it('shows the webhook addresses (CTI with its token, Twilio Voice) and never the Twilio auth token', async () => {
    expect(phone.phone).toEqual({
      defaultCountry: 'ES',
      twilioAccountSid: ACCOUNT,
      webhooks: { events: expect.stringMatching(new RegExp(`^${PUBLIC}/api/channels/phone/${phone.id}/events\\?token=[\\w-]{32}$`)), twilioVoice: `${PUBLIC}/api/channels/phone/${phone.id}/twilio` },
    });
    expect(JSON.stringify(await admin.get('/api/channels'))).not.toContain(AUTH);
    const bad = await admin.post('/api/channels', { kind: 'phone', name: 'x', twilioAccountSid: ACCOUNT });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('twilioAuthToken');
  });

  it('refuses events without the token or with another one, and stores nothing', async () => {
    const before = await query(server.databaseUrl!, `select count(*)::int as n from inbound_events`);
    const e = { event: 'newCall', callId: callId(), from: '+34600111222', to: '+34910000001', direction: 'in' };
    expect((await cti(e, { token: null })).status).toBe(403);
    expect((await cti(e, { token: 'wrong-token' })).status).toBe(403);
    // the token in the URL, as PBXs that only take an address send it
    const url = await fetch(`${server.url}/api/channels/phone/${phone.id}/events?token=nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(e) });
    expect(url.status).toBe(403);
    expect(await query(server.databaseUrl!, `select count(*)::int as n from inbound_events`)).toEqual(before);
  });

  it('pops up a ringing call live, and a missed call opens an incident to call back, once however often the hangup comes', async () => {
    const id = callId();
    const t0 = Date.now() - 60_000;
    const ringing = nextEvent(socket, 'call.updated', (p) => p.call.outcome === 'ringing' && p.call.from === '+34600111222', 10_000);
    const url = `${server.url}/api/channels/phone/${phone.id}/events?token=${encodeURIComponent(token)}`;
    const form = new URLSearchParams({ event: 'newCall', callId: id, from: '600 111 222', to: '+34910000001', direction: 'in', queue: 'soporte', timestamp: at(t0, 0) });
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })).status).toBe(200);
    const pop = await ringing;
    expect(pop.call).toMatchObject({ direction: 'in', queue: 'soporte', incidentId: null, answeredAt: null });
    expect(pop.contact).toBeNull(); // nobody we know yet

    const created = nextEvent(socket, 'incident.created', (p) => p.incident.channelKind === 'phone' && p.incident.contact?.phone === '+34600111222', 10_000);
    const hangup = { event: 'hangup', callId: id, from: '+34600111222', to: '+34910000001', direction: 'in', cause: 'cancel', timestamp: at(t0, 25) };
    const answers = await Promise.all([cti(hangup), cti(hangup), cti(hangup)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const { incident: opened } = await created;
    expect(opened.subject).toBe('Llamada perdida: devolver la llamada a +34600111222');
    expect(new Set(answers.map((a) => a.body.incident))).toEqual(new Set([opened.reference]));
    expect((await cti(hangup)).body).toEqual({ ok: true, incident: opened.reference });

    const detail = await incident(opened.id);
    const [entry] = callsOnTimeline(detail);
    expect(callsOnTimeline(detail)).toHaveLength(1);
    expect(entry).toMatchObject({ kind: 'inbound', channelKind: 'phone', flags: ['call-back'], body: 'Llamada perdida de +34600111222' });
    expect(entry.call).toMatchObject({ outcome: 'missed', waitSeconds: 25, talkSeconds: null, cause: 'cancel', incidentId: opened.id });
    expect(await query(server.databaseUrl!, `select count(*)::int as n from inbound_events where idempotency_key like $1`, [`cti:${id}:%`])).toEqual([{ n: 2 }]);
  });

  it('puts an answered call on the caller’s open incident, with the agent, wait and talk times', async () => {
    const [{ incidentId }] = await calls('?outcome=missed');
    const id = callId();
    const t0 = Date.now() - 300_000;
    const common = { callId: id, from: '+34600111222', to: '+34910000001', direction: 'in' };
    const answered = nextEvent(socket, 'call.updated', (p) => p.call.outcome === 'in-progress' && p.call.agent?.name !== undefined, 10_000);
    await cti({ ...common, event: 'newCall', timestamp: at(t0, 0) });
    await cti({ ...common, event: 'answer', user: ADMIN.email.toUpperCase(), answeringNumber: '201', timestamp: at(t0, 8) });
    const live = await answered;
    expect(live.contact).toMatchObject({ phone: '+34600111222' }); // the caller's card: the contact of the missed call
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.call?.id === live.call.id, 10_000);
    await cti({ ...common, event: 'hangup', cause: 'normalClearing', timestamp: at(t0, 8 + 185) });
    const { message } = await joined;
    expect(message.body).toBe('Llamada de +34600111222 (3:05)');
    expect(message.call).toMatchObject({ outcome: 'answered', waitSeconds: 8, talkSeconds: 185, agent: { id: admin.me!.user.id }, agentLabel: ADMIN.email, incidentId });
    expect(callsOnTimeline(await incident(incidentId!))).toHaveLength(2);
  });

  it('merges events that arrive out of order into the same call', async () => {
    const id = callId();
    const t0 = Date.now() - 120_000;
    const common = { callId: id, from: '+34600111222', to: '+34910000001', direction: 'in' };
    const [{ incidentId }] = await calls('?outcome=missed');
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.call?.startedAt !== undefined && p.message.body.startsWith('Llamada de'), 10_000);
    await cti({ ...common, event: 'answer', user: 'Centralita 2', timestamp: at(t0, 12) });
    await cti({ ...common, event: 'hangup', cause: 'normalClearing', timestamp: at(t0, 72) });
    const { message } = await joined; // it ended, so it is on the timeline, answered
    const late = nextEvent(socket, 'message.updated', (p) => p.message.id === message.id, 10_000);
    await cti({ ...common, event: 'newCall', queue: 'averías', timestamp: at(t0, 0) });
    const { message: updated } = await late;
    expect(updated.call).toMatchObject({ outcome: 'answered', startedAt: at(t0, 0), waitSeconds: 12, talkSeconds: 60, queue: 'averías', agent: null, agentLabel: 'Centralita 2' });
    const [row] = await calls();
    expect(row).toMatchObject({ id: updated.call!.id, incidentReference: expect.stringMatching(/^SB-/), contact: { phone: '+34600111222' } });
  });

  it('keeps an answered call from an unknown number in the call log until the agent opens an incident from it', async () => {
    const id = callId();
    const common = { callId: id, from: '+40722123456', to: '+34910000001', direction: 'in' };
    await cti({ ...common, event: 'newCall' });
    await cti({ ...common, event: 'answer', user: ADMIN.email });
    const ended = nextEvent(socket, 'call.updated', (p) => p.call.outcome === 'answered' && p.call.from === '+40722123456', 10_000);
    await cti({ ...common, event: 'hangup', cause: 'normalClearing' });
    const { call } = await ended;
    expect(call.incidentId).toBeNull();
    expect(await query(server.databaseUrl!, `select count(*)::int as n from incidents where channel_kind = 'phone' and subject like '%40722123456%'`)).toEqual([{ n: 0 }]);

    const created = nextEvent(socket, 'incident.created', (p) => p.incident.contact?.phone === '+40722123456', 10_000);
    const attached = await admin.ok<CallDto>(admin.post(`/api/calls/${call.id}/incident`, {}));
    const { incident: opened } = await created;
    expect(attached.incidentId).toBe(opened.id);
    expect(opened.subject).toBe('Llamada de +40722123456');
    expect(callsOnTimeline(await incident(opened.id))).toHaveLength(1);
    expect((await admin.post(`/api/calls/${call.id}/incident`, {})).status).toBe(409);
  });

  it('takes back the call-back flag of a call whose answer arrived after its hangup', async () => {
    const id = callId();
    const t0 = Date.now() - 90_000;
    const common = { callId: id, from: '+34600333444', to: '+34910000001', direction: 'in' };
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.contact?.phone === '+34600333444', 10_000);
    await cti({ ...common, event: 'newCall', timestamp: at(t0, 0) });
    await cti({ ...common, event: 'hangup', cause: 'normalClearing', timestamp: at(t0, 40) });
    const { incident: opened } = await created; // looked missed: a call-back incident
    const fixed = nextEvent(socket, 'message.updated', (p) => p.incidentId === opened.id, 10_000);
    await cti({ ...common, event: 'answer', user: ADMIN.email, timestamp: at(t0, 5) });
    const { message } = await fixed;
    expect(message).toMatchObject({ flags: [], body: 'Llamada de +34600333444 (0:35)', call: { outcome: 'answered', agent: { id: admin.me!.user.id } } });
  });

  it('never reads an outbound call as the customer writing: a pending incident stays pending', async () => {
    const [{ incidentId }] = await calls('?outcome=missed');
    await admin.ok(admin.patch(`/api/incidents/${incidentId}`, { status: 'pending' }));
    const id = callId();
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.kind === 'outbound', 10_000);
    for (const event of ['newCall', 'answer', 'hangup']) await cti({ event, callId: id, from: '201', to: '+34600111222', direction: 'out', user: 'Centralita 2' });
    const { message } = await joined;
    expect(message).toMatchObject({ author: { type: 'system' }, senderKind: 'unknown', call: { agentLabel: 'Centralita 2', agent: null } });
    expect((await incident(incidentId!)).status).toBe('pending');
  });

  it('never reads a CTI post as a Twilio callback, whatever its fields', async () => {
    const forged = await cti({ CallSid: `CA${randomBytes(16).toString('hex')}`, CallStatus: 'completed', From: '+34600111222', To: '+34910000001', Direction: 'inbound' });
    expect(forged.status).toBe(400);
    expect(forged.body.fields).toHaveProperty('event');
  });

  it('answers 400 naming the fields of a bad CTI event and keeps it for an admin', async () => {
    const bad = await cti({ event: 'ring', from: '+34600111222' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({ event: expect.any(String), callId: expect.any(String) });
    const kept = await admin.ok<{ channelId: string; error: string }[]>(admin.get('/api/inbound-events/attention'));
    expect(kept.some((k) => k.channelId === phone.id)).toBe(true);
  });

  it('takes Twilio Voice callbacks signed for the channel: the call, its answer, its recording later', async () => {
    const sid = `CA${randomBytes(16).toString('hex')}`;
    const t0 = Date.now() - 120_000;
    const ts = (s: number) => new Date(t0 + s * 1000).toUTCString();
    const base = { CallSid: sid, AccountSid: ACCOUNT, From: '+34600111222', To: '+34910000001', Direction: 'inbound', ApiVersion: '2010-04-01' };
    expect((await voice({ ...base, CallStatus: 'ringing', Timestamp: ts(0) }, { tamper: true })).status).toBe(403);
    expect((await voice({ ...base, CallStatus: 'ringing', Timestamp: ts(0) })).status).toBe(200);
    // Twilio answers the call itself to run its TwiML (not an agent), then <Dial>s the agent, who picks up.
    expect((await voice({ ...base, CallStatus: 'in-progress', Timestamp: ts(1) })).status).toBe(200);
    const leg = { ...base, CallSid: `CA${randomBytes(16).toString('hex')}`, ParentCallSid: sid, Direction: 'outbound-dial', To: '+34699000101' };
    expect((await voice({ ...leg, CallStatus: 'in-progress', Timestamp: ts(6) })).status).toBe(200);
    const [{ incidentId }] = await calls('?outcome=missed');
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.call?.source === 'twilio', 10_000);
    const done = await voice({ ...base, CallStatus: 'completed', CallDuration: '71', Duration: '2', Timestamp: ts(71) });
    expect(done).toMatchObject({ status: 200, text: expect.stringContaining('<Response></Response>') });
    const { message } = await joined;
    expect(message.call).toMatchObject({ outcome: 'answered', waitSeconds: 6, talkSeconds: 65 });
    const recorded = nextEvent(socket, 'message.updated', (p) => p.message.id === message.id && p.message.call?.recordingUrl !== null, 10_000);
    const recording = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE${randomBytes(16).toString('hex')}`;
    await voice({ AccountSid: ACCOUNT, CallSid: sid, RecordingSid: `RE${randomBytes(16).toString('hex')}`, RecordingUrl: recording, RecordingStatus: 'completed', RecordingDuration: '64' });
    expect((await recorded).message.call?.recordingUrl).toBe(recording);
    expect(await query(server.databaseUrl!, `select count(*)::int as n from messages where meta->'call'->>'id' = $1`, [message.call!.id])).toEqual([{ n: 1 }]);
  });

  it('leaves out of an agent’s call log the calls on incidents of departments they do not work in', async () => {
    const boilers = await admin.createDepartment('Calderas');
    const internet = await admin.createDepartment('Internet');
    await admin.createUser({ email: 'eva@test.local', name: 'Eva', role: 'agent', password: 'eva-password-1', departmentIds: [internet.id] });
    const [missed] = await calls('?outcome=missed');
    await admin.ok(admin.patch(`/api/incidents/${missed.incidentId}`, { departmentId: boilers.id }));
    const eva = new ApiClient(server.url);
    await eva.login('eva@test.local', 'eva-password-1');
    const seen = await eva.ok<CallLogEntryDto[]>(eva.get('/api/calls'));
    expect(seen.map((c) => c.id)).not.toContain(missed.id);
    expect(seen.length).toBeGreaterThan(0); // calls on no incident, or on incidents she may see, stay
    expect((await calls()).map((c) => c.id)).toContain(missed.id);
  });

  it('lets an agent log a call by hand on an incident (timeline) or on a contact (call log only)', async () => {
    const [{ incidentId, contact }] = await calls('?outcome=missed');
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.call?.source === 'manual', 10_000);
    const logged = await admin.ok<CallDto>(admin.post('/api/calls', { incidentId, direction: 'out', durationSeconds: 95, outcome: 'answered', notes: 'Confirmado: el técnico va mañana a las 9.' }));
    const { message } = await joined;
    expect(logged).toMatchObject({ source: 'manual', direction: 'out', to: '+34600111222', talkSeconds: 95, agent: { id: admin.me!.user.id }, incidentId });
    expect(message).toMatchObject({ kind: 'outbound', author: { type: 'user', id: admin.me!.user.id }, body: 'Llamada a +34600111222 (1:35)\n\nConfirmado: el técnico va mañana a las 9.' });

    const onContact = await admin.ok<CallDto>(admin.post('/api/calls', { contactId: contact!.id, direction: 'in', outcome: 'missed', number: '0040 722 123 999' }));
    expect(onContact).toMatchObject({ from: '+40722123999', outcome: 'missed', incidentId: null });
    expect((await calls(`?contactId=${contact!.id}`)).map((c) => c.id)).toContain(onContact.id);
    const bad = await admin.post('/api/calls', { incidentId, direction: 'sideways', outcome: 'answered', number: '12' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['direction', 'number']));
  });
});
