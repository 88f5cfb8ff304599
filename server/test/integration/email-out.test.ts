/**
 * E-mail out: agents' replies and acknowledgements through the outbox to a recording SMTP server, with
 * threading headers, retries, refusals, unknown outcomes (never sent twice) and bounces; replies to our
 * mail come back through the real Dovecot and thread onto the incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../channels/email/test/fixtures.js';
import type { IncidentDetailDto, MessageDto } from '../../src/contracts/api.js';
import { OutboxService } from '../../src/outbox/outbox.service.js';
import { nextEvent, type ApiClient, type InboxSocket } from '../support/api-client.js';
import type { Dovecot } from '../support/dovecot.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { mail, MAILBOX } from '../support/mailbox.js';
import { query } from '../support/services.js';
import type { SmtpRecorder } from '../support/smtp-recorder.js';
import type { TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait.js';

describe('e-mail out: replies and acknowledgements through the outbox', () => {
  let desk: MailDesk;
  let dovecot: Dovecot;
  let smtp: SmtpRecorder;
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let db: string;

  const detail = (id: string) => admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${id}`));
  const messages = async (id: string) => (await detail(id)).timeline.filter((e): e is MessageDto & { type: 'message' } => e.type === 'message');
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  /** A new incident from a customer's mail; resolves once its acknowledgement has been sent. */
  async function newIncident(n: string, headers: Record<string, string> = {}, body?: string) {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === `Avería ${n}`, 15_000);
    await dovecot.append(MAILBOX.user, mail(n, headers, body));
    return (await created).incident;
  }

  beforeAll(async () => {
    desk = await startMailDesk();
    ({ dovecot, smtp, server, admin, socket, db } = desk);
  }, 60_000);

  afterAll(() => desk?.close());

  it('acknowledges a new request once, threaded, marked automatic, in the customer language', async () => {
    const incident = await newIncident('a1');
    const [ack] = await waitUntil(async () => mailsTo('clientea1@example.es'), (m) => m.length === 1, 'the acknowledgement');
    expect(ack.parsed.subject).toBe(`Recibido: Avería a1 [${incident.reference}]`);
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.inReplyTo).toBe('<msg-a1@example.es>');
    expect(ack.parsed.text).toContain(incident.reference);
    const sent = (await messages(incident.id)).find((m) => m.kind === 'outbound')!;
    expect(sent).toMatchObject({ flags: ['automatic'], author: { type: 'system' }, delivery: { status: 'sent' } });
    // processing the same request again (a sweep, a replay) sends nothing more
    await server.app.get(OutboxService).sweep();
    expect(mailsTo('clientea1@example.es')).toHaveLength(1);
  });

  it('sends an agent reply with the thread headers and a signed Reply-To, and the customer answer threads back', async () => {
    const incident = await newIncident('b1');
    await waitUntil(async () => mailsTo('clienteb1@example.es'), (m) => m.length === 1, 'the acknowledgement');
    const sentLive = nextEvent(socket, 'message.updated', (p) => p.incidentId === incident.id && p.message.kind === 'outbound' && p.message.author.type === 'user' && p.message.delivery?.status === 'sent', 15_000);
    const reply = await admin.request<MessageDto>('POST', `/api/incidents/${incident.id}/replies`, { body: 'Mañana a las 10 pasa el técnico.' });
    expect(reply.status).toBe(201);
    expect(reply.body.delivery).toEqual({ status: 'queued', error: null });
    await sentLive;

    const [, answer] = await waitUntil(async () => mailsTo('clienteb1@example.es'), (m) => m.length === 2, 'the reply');
    expect(answer.parsed.subject).toBe(`Re: Avería b1 [${incident.reference}]`);
    expect(answer.parsed.text).toContain('Mañana a las 10 pasa el técnico.');
    expect(answer.parsed.text).toContain(admin.me!.user.name);
    expect(answer.parsed.inReplyTo).toBe('<msg-b1@example.es>');
    expect(answer.parsed.references).toEqual(expect.arrayContaining(['<msg-b1@example.es>']));
    expect(answer.parsed.headers.get('auto-submitted')).toBeUndefined();
    const replyTo = answer.parsed.replyTo!.value[0].address!;
    expect(replyTo).toMatch(/^soporte\+[a-z2-7]{44,53}@climatiza\.example$/);
    const [stored] = await query(db, `select external_id from messages where id = $1`, [reply.body.id]);
    expect(answer.parsed.messageId).toBe(stored.external_id);

    // The customer answers from a client that keeps no headers: the token in the address threads it.
    const back = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.body === 'Perfecto, gracias.', 15_000);
    await dovecot.append(MAILBOX.user, mail('b1-answer', { From: 'Cliente b1 <clienteb1@example.es>', To: replyTo, Subject: 'gracias' }, 'Perfecto, gracias.'));
    await back;
  });

  it('never acknowledges automatic mail, and caps automatic mail per address', async () => {
    await newIncident('c0', { From: 'Robot <robot@example.es>', 'Auto-Submitted': 'auto-generated' });
    // Four different problems (the same one four times would be one incident: duplicates/).
    const problems = { c1: 'La caldera no enciende.', c2: 'El ascensor está parado.', c3: 'No tenemos internet, el router está apagado.', c4: 'El lavavajillas no arranca.' };
    for (const [n, body] of Object.entries(problems)) await newIncident(n, { From: 'Repetido <repetido@example.es>' }, body);
    await waitUntil(async () => mailsTo('repetido@example.es'), (m) => m.length === 3, 'three acknowledgements');
    const rows = await waitUntil(
      () => query(db, `select status from outbox where recipient = 'repetido@example.es' order by created_at`),
      (r) => r.length === 4 && r.every((x) => x.status !== 'queued' && x.status !== 'sending'),
      'the fourth acknowledgement to be decided',
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'suppressed']);
    expect(mailsTo('robot@example.es')).toHaveLength(0);
  });

  it('retries when the server says "not now", stops when it refuses, and never resends an unknown outcome', async () => {
    const incident = await newIncident('d1');
    await waitUntil(async () => mailsTo('cliented1@example.es'), (m) => m.length === 1, 'the acknowledgement');
    const reply = async (body: string) => (await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { body }))).id;
    const delivery = async (id: string) => (await messages(incident.id)).find((m) => m.id === id)!.delivery;

    smtp.plan({ code: 451, message: '4.7.1 Try again later' });
    const retried = await reply('Primer intento.');
    await waitUntil(() => delivery(retried), (d) => d?.status === 'sent', 'the retry to succeed', 20_000);

    smtp.plan({ code: 550, message: '5.7.1 Relaying denied' });
    const refused = await reply('Rechazado.');
    const failed = await waitUntil(() => delivery(refused), (d) => d?.status === 'failed', 'the refusal', 20_000);
    expect(failed!.error).toContain('Relaying denied');

    smtp.plan('drop-after-data');
    const before = smtp.received;
    const unknown = await reply('¿Llegó?');
    const lost = await waitUntil(() => delivery(unknown), (d) => d?.status === 'failed', 'the unknown outcome', 20_000);
    expect(lost!.error).toContain('may or may not have gone out');
    await server.app.get(OutboxService).sweep();
    expect(smtp.received).toBe(before + 1); // handed over once, never again by itself
    const [row] = await query(db, `select status, attempts from outbox where message_id = $1`, [unknown]);
    expect(row).toEqual({ status: 'failed', attempts: 1 });

    // the agent checks and sends it again on purpose
    expect(await admin.ok(admin.post(`/api/messages/${unknown}/resend`))).toEqual({ queued: true });
    await waitUntil(() => delivery(unknown), (d) => d?.status === 'sent', 'the resend');

    // A mail whose retries ran out, sent again by an agent, gets its retries again: "not now" once, then sent.
    await query(db, `update outbox set status = 'failed', attempts = 8 where message_id = $1`, [refused]);
    smtp.plan({ code: 451, message: '4.7.1 Try again later' });
    expect(await admin.ok(admin.post(`/api/messages/${refused}/resend`))).toEqual({ queued: true });
    await waitUntil(() => delivery(refused), (d) => d?.status === 'sent', 'the resent mail to be retried and sent', 20_000);
    const [again] = await query(db, `select status, attempts, round from outbox where message_id = $1`, [refused]);
    expect(again).toEqual({ status: 'sent', attempts: 2, round: 1 });
  }, 60_000);

  it('marks our mail bounced when a delivery report comes back, and the address undeliverable', async () => {
    const incident = await newIncident('e1', { From: 'Pablo Ruiz <pablo.ruiz@example.net>' });
    await waitUntil(async () => mailsTo('pablo.ruiz@example.net'), (m) => m.length === 1, 'the acknowledgement');
    // A delivery report about mail we never sent (anyone can write one) changes nothing.
    const forged = Buffer.from(fixture('bounce-dsn.eml').toString('latin1').replace('<20261120094702.4Fb3Lm2HqXz9sX1@mx.climatiza.example>', '<forged-1@mx.example>'), 'latin1');
    const ignored = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Undelivered Mail Returned to Sender', 15_000);
    await dovecot.append(MAILBOX.user, forged);
    await ignored;
    const [untouched] = await query(db, `select email_undeliverable_at from contacts where email = 'pablo.ruiz@example.net'`);
    expect(untouched.email_undeliverable_at).toBeNull();

    const [ack] = await query(db, `select id from messages where incident_id = $1 and kind = 'outbound'`, [incident.id]);
    // The recorded bounce fixture returns our Message-ID <20261120094658.7c2e1d4b@sb.climatiza.example>.
    await query(db, `update messages set external_id = '<20261120094658.7c2e1d4b@sb.climatiza.example>' where id = $1`, [ack.id]);
    const bounced = nextEvent(socket, 'message.updated', (p) => p.message.id === ack.id && p.message.delivery?.status === 'bounced', 15_000);
    await dovecot.append(MAILBOX.user, fixture('bounce-dsn.eml'));
    expect((await bounced).message.delivery!.error).toContain('pablo.ruiz@example.net');
    const report = (await messages(incident.id)).at(-1)!;
    expect(report.flags).toEqual(expect.arrayContaining(['automatic', 'bounce'])); // threaded onto the incident
    const [contact] = await query(db, `select email_undeliverable_at from contacts where email = 'pablo.ruiz@example.net'`);
    expect(contact.email_undeliverable_at).not.toBeNull();
  });

  it('answers 409 when an incident cannot be answered by e-mail, and 400 for an empty reply', async () => {
    const form = await admin.createWebform('Web');
    const r = await fetch(`${server.url}/api/channels/webform/${form.key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sin correo', phone: '+34600111222', subject: 'Llamada', message: 'Llamadme' }) });
    const answer = (await r.json()) as { reference: string };
    expect(r.status, JSON.stringify(answer)).toBe(202);
    const { reference } = answer;
    const [row] = await query(db, `select id from incidents where reference = $1`, [reference]);
    const noAddress = await admin.post(`/api/incidents/${row.id}/replies`, { body: 'Hola' });
    expect(noAddress.status).toBe(409);
    expect((await detail(row.id)).reply).toBeNull();
    const empty = await admin.post(`/api/incidents/${row.id}/replies`, { body: '  ' });
    expect(empty.status).toBe(400);
  });

  it('does not send again a mail whose sender died while sending it (crash between send and commit)', async () => {
    const incident = await newIncident('f1');
    await waitUntil(async () => mailsTo('clientef1@example.es'), (m) => m.length === 1, 'the acknowledgement');
    const [row] = await query(db, `select o.id, o.message_id from outbox o join messages m on m.id = o.message_id where m.incident_id = $1`, [incident.id]);
    // As a process killed after handing the mail over and before recording it leaves the row:
    await query(db, `update outbox set status = 'sending', sent_at = null, next_attempt_at = now() - interval '1 second' where id = $1`, [row.id]);
    await server.app.get(OutboxService).sweep();
    expect(mailsTo('clientef1@example.es')).toHaveLength(1);
    const [after] = await query(db, `select status, last_error from outbox where id = $1`, [row.id]);
    expect(after.status).toBe('failed');
    expect(after.last_error).toContain('may or may not have gone out');
    expect((await messages(incident.id)).find((m) => m.id === row.message_id)!.delivery!.status).toBe('failed');
  });
});
