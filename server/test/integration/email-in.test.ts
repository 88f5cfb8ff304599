/**
 * E-mail in, against a real Dovecot: channel settings, the IMAP sync (IDLE, exactly once across server
 * restarts and UIDVALIDITY changes, quarantine), threading and automatic mail. The production shape:
 * PostgreSQL, Redis (leases, fan-out), processors in the server process.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../channels/email/test/fixtures.js';
import { Secrets } from '../../src/common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../../src/config/config.js';
import type { ChannelDto, IncidentDetailDto, IncidentListDto, MessageDto } from '../../src/contracts/api.js';
import { signReplyToken } from '../../src/domain/reply-token.js';
import { nextEvent, type ApiClient, type InboxSocket } from '../support/api-client.js';
import type { Dovecot } from '../support/dovecot.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { createEmailChannel, mail, MAILBOX, SECOND_MAILBOX } from '../support/mailbox.js';
import { query } from '../support/services.js';
import { TEST_SECRET_KEY, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait.js';

const MAX_BYTES = 200_000;

describe('e-mail in: a Dovecot mailbox synced into incidents', () => {
  let desk: MailDesk;
  let dovecot: Dovecot;
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let channel: ChannelDto;
  let db: string;

  const incidentCount = async () => Number((await query(db, `select count(*) as n from incidents where channel_id = $1`, [channel.id]))[0].n);
  const eventCount = async () => Number((await query(db, `select count(*) as n from inbound_events where channel_id = $1`, [channel.id]))[0].n);
  const detail = (id: string) => admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${id}`));
  const bySubject = async (subject: string) => (await admin.ok<IncidentListDto>(admin.get(`/api/incidents?q=${encodeURIComponent(subject)}`))).items;
  /** The inbound messages of an incident (acknowledgements we sent are outbound). */
  const messagesOf = async (id: string) => (await detail(id)).timeline.filter((e): e is MessageDto & { type: 'message' } => e.type === 'message' && e.kind === 'inbound');
  const inbound = (incidentId: string, test: (m: { body: string; flags: string[] }) => boolean = () => true) =>
    nextEvent(socket, 'message.created', (p) => p.incidentId === incidentId && p.message.kind === 'inbound' && test(p.message), 15_000);
  /** A message we "sent" earlier on an incident, so that replies can reference its Message-ID. */
  const sentEarlier = (incidentId: string, messageId: string) =>
    query(db, `insert into messages (id, incident_id, kind, channel_kind, body, created_at, channel_id, external_id) values ($1, $2, 'outbound', 'email', 'Hemos recibido su solicitud.', now(), $3, $4)`, [
      randomUUID(),
      incidentId,
      channel.id,
      messageId,
    ]);

  beforeAll(async () => {
    desk = await startMailDesk({ EMAIL_MAX_BYTES: String(MAX_BYTES) });
    ({ dovecot, server, admin, socket, channel, db } = desk);
  }, 60_000);

  afterAll(() => desk?.close());

  it('keeps mailbox passwords encrypted and never returns them; "test connection" says what failed', async () => {
    expect(channel.email).toMatchObject({ address: MAILBOX.address, imap: { host: '127.0.0.1', folder: 'INBOX', hasPassword: true }, smtp: { hasPassword: true } });
    expect(JSON.stringify(await admin.get('/api/channels'))).not.toContain('imap-secret');
    const [stored] = await query(db, `select config from channels where id = $1`, [channel.id]);
    expect(stored.config.imap.password).toMatch(/^v1:/);
    expect(JSON.stringify(stored.config)).not.toContain('imap-secret');

    const ok = await admin.ok(admin.post(`/api/channels/${channel.id}/test`));
    expect(ok).toMatchObject({ imap: { ok: true }, smtp: { ok: true } });
    try {
      await admin.ok(admin.patch(`/api/channels/${channel.id}`, { imap: { password: 'wrong' }, smtp: { port: 1 } }));
      const bad = await admin.ok(admin.post(`/api/channels/${channel.id}/test`));
      expect(bad.imap).toEqual({ ok: false, message: expect.stringContaining('refused the user name or password') });
      expect(bad.smtp).toEqual({ ok: false, message: expect.stringContaining('connection refused') });
    } finally {
      await admin.ok(admin.patch(`/api/channels/${channel.id}`, { imap: { password: MAILBOX.password }, smtp: { port: desk.smtp.port } }));
    }
    const invalid = await admin.patch(`/api/channels/${channel.id}`, { imap: { port: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields['imap.port']).toBeDefined();
  });

  it('turns mail appended to the mailbox into an incident, live, with the sanitised e-mail and who sent it', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'La caldera no enciende desde el sábado', 15_000);
    await dovecot.append(MAILBOX.user, fixture('new-request-es.eml'));
    const { incident } = await created;
    expect(incident.channelKind).toBe('email');
    expect(incident.contact?.email).toBe('mj.fernandez@example.es');
    const [message] = await messagesOf(incident.id);
    expect(message).toMatchObject({ senderKind: 'customer', flags: [], email: { from: 'mj.fernandez@example.es', automatic: 'human' } });
  });

  it('threads replies by In-Reply-To, by a signed reply token, and by the subject tag only for participants', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Avería 1', 15_000);
    await dovecot.append(MAILBOX.user, mail(1));
    const { incident } = await created;

    // In-Reply-To of the customer's own first mail
    let updated = inbound(incident.id, (m) => m.body === 'Sigue sin funcionar.');
    await dovecot.append(MAILBOX.user, mail('1b', { From: 'Cliente 1 <cliente1@example.es>', Subject: 'Re: Avería 1', 'In-Reply-To': '<msg-1@example.es>' }, 'Sigue sin funcionar.'));
    await updated;

    // a token in the address, with a subject that says nothing
    const token = signReplyToken({ incidentId: incident.id, purpose: 'reply' }, new Secrets(Buffer.from(TEST_SECRET_KEY)).replyTokenKey);
    updated = inbound(incident.id, (m) => m.body === 'Mensaje número 1c.');
    await dovecot.append(MAILBOX.user, mail('1c', { From: 'Cliente 1 <cliente1@example.es>', To: `Soporte <soporte+${token}@climatiza.example>`, Subject: 'una cosa más' }));
    await updated;

    // the subject tag from the customer: joins; the same tag from a stranger: a new incident
    updated = inbound(incident.id, (m) => m.body === 'Mensaje número 1d.');
    await dovecot.append(MAILBOX.user, mail('1d', { From: 'Cliente 1 <cliente1@example.es>', Subject: `Re: [#${incident.reference.slice(3)}] otra cosa` }));
    await updated;
    const stranger = nextEvent(socket, 'incident.created', (p) => p.incident.subject.includes('curioso'), 15_000);
    await dovecot.append(MAILBOX.user, mail('x', { From: 'Curioso <curioso@example.org>', Subject: `Re: [${incident.reference}] curioso` }));
    expect((await stranger).incident.id).not.toBe(incident.id);

    const messages = await messagesOf(incident.id);
    expect(messages.map((m) => m.body)).toEqual(['Mensaje número 1.', 'Sigue sin funcionar.', 'Mensaje número 1c.', 'Mensaje número 1d.']);
    expect(messages.every((m) => m.senderKind === 'customer')).toBe(true);
  });

  it('never threads across mailboxes: the same tag, from the same customer, to another mailbox opens a new incident', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Avería m1', 15_000);
    await dovecot.append(MAILBOX.user, mail('m1'));
    const { incident } = await created;
    await createEmailChannel(admin, dovecot, desk.smtp, SECOND_MAILBOX);
    const other = nextEvent(socket, 'incident.created', (p) => p.incident.subject === `Re: [${incident.reference}] presupuesto`, 15_000);
    await dovecot.append('ventas', mail('m1-ventas', { From: 'Cliente m1 <clientem1@example.es>', To: 'ventas@climatiza.example', Subject: `Re: [${incident.reference}] presupuesto`, 'In-Reply-To': '<msg-m1@example.es>' }));
    expect((await other).incident.id).not.toBe(incident.id);
  });

  it('threads a real Outlook reply to the mail we sent and keeps only its new text on show', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Revisión anual', 15_000);
    await dovecot.append(MAILBOX.user, mail('z', { From: 'Íñigo Zubizarreta <inigo@talleres-zubizarreta.example>', Subject: 'Revisión anual' }));
    const { incident } = await created;
    await sentEarlier(incident.id, '<20261120081400.c41d0e77@sb.climatiza.example>');
    const updated = inbound(incident.id, (m) => m.body.includes('el martes a las 9:00'));
    await dovecot.append(MAILBOX.user, fixture('outlook-reply-es.eml'));
    await updated;
    const reply = (await messagesOf(incident.id)).at(-1)!;
    expect(reply).toMatchObject({ senderKind: 'customer', email: { quotedHistoryStripped: true } });
    expect(reply.body).not.toMatch(/De:|From:/);
  });

  it('recognises an out-of-office reply (flagged, does not reopen) and a bounce', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Programare intervenție', 15_000);
    await dovecot.append(MAILBOX.user, mail('ro', { From: 'Mihai Ionescu <mihai.ionescu@example.ro>', Subject: 'Programare intervenție' }));
    const { incident } = await created;
    await sentEarlier(incident.id, '<20261120091400.aa55cc77@sb.climatiza.example>');
    await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { status: 'pending' }));
    const updated = inbound(incident.id, (m) => m.flags.includes('automatic'));
    await dovecot.append(MAILBOX.user, fixture('out-of-office-ro.eml'));
    await updated;
    expect((await detail(incident.id)).status).toBe('pending');
    const auto = (await messagesOf(incident.id)).at(-1)!;
    expect(auto.flags).toContain('automatic');
    expect(auto.email?.automatic).toBe('auto-reply');

    const bounced = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Undelivered Mail Returned to Sender', 15_000);
    await dovecot.append(MAILBOX.user, fixture('bounce-dsn.eml'));
    const [bounce] = await messagesOf((await bounced).incident.id);
    expect(bounce.flags).toEqual(expect.arrayContaining(['automatic', 'bounce']));
  });

  it('stores attachments typed by their content: an inline image and a PDF download, a disguised program does not', async () => {
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Foto de la placa y factura del equipo', 15_000);
    await dovecot.append(MAILBOX.user, fixture('inline-image-pdf.eml'));
    const { incident } = await created;
    const [message] = await messagesOf(incident.id);
    const image = message.attachments.find((a) => a.inline)!;
    const invoice = message.attachments.find((a) => !a.inline)!;
    expect(image).toMatchObject({ filename: 'placa.png', contentType: 'image/png', cid: 'placa.5f1e@example.es', rejected: null });
    expect(invoice).toMatchObject({ filename: 'Factura nº 2024-118.pdf', contentType: 'application/pdf', rejected: null });
    expect(message.email?.html).toContain('cid:placa.5f1e@example.es');

    const download = await fetch(`${server.url}/api/attachments/${invoice.id}`, { headers: { cookie: admin.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''Factura%20n%C2%BA%202024-118\.pdf/);
    expect((await download.arrayBuffer()).byteLength).toBe(invoice.size);
    expect((await fetch(`${server.url}/api/attachments/${image.id}?inline=1`, { headers: { cookie: admin.cookie } })).headers.get('content-disposition')).toMatch(/^inline/);
    expect((await fetch(`${server.url}/api/attachments/${invoice.id}`)).status).toBe(401);

    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]).toString('base64');
    const disguised = mail('exe', { Subject: 'Factura', 'Content-Type': 'multipart/mixed; boundary="b"' }, [
      '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Adjunto la factura.', '--b',
      'Content-Type: application/pdf; name="factura.pdf"', 'Content-Disposition: attachment; filename="factura.pdf"', 'Content-Transfer-Encoding: base64', '', program, '--b--', '',
    ].join('\r\n'));
    const got = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Factura', 15_000);
    await dovecot.append(MAILBOX.user, disguised);
    const [withProgram] = await messagesOf((await got).incident.id);
    expect(withProgram.attachments).toEqual([expect.objectContaining({ filename: 'factura.pdf', rejected: 'programs and archives are not accepted' })]);
  });

  it('keeps a message over the size limit in quarantine, visible to admins, and goes on with the next one', async () => {
    const big = mail('big', { Subject: 'Fotos de la avería' }, 'x'.repeat(MAX_BYTES + 1000));
    await dovecot.append(MAILBOX.user, big);
    const after = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Después de la grande', 15_000);
    await dovecot.append(MAILBOX.user, mail('after', { Subject: 'Después de la grande' }));
    await after;
    const attention = await admin.ok<{ id: string; status: string; error: string; payload: { raw: string; size: number; truncated?: boolean } }[]>(admin.get('/api/inbound-events/attention'));
    const kept = attention.find((e) => e.status === 'invalid' && e.error.includes(`limit is ${MAX_BYTES} bytes`));
    expect(kept).toBeDefined();
    // Kept under the key it will have once whole (its Message-ID): the same event before and after a replay.
    const [{ idempotency_key: keptKey }] = await query(db, `select idempotency_key from inbound_events where id = $1`, [kept!.id]);
    expect(keptKey).toMatch(/^mid:/);
    // Never held whole: only its header was fetched and kept, with the size the server gave.
    expect(kept!.payload.truncated).toBe(true);
    expect(kept!.payload.size).toBeGreaterThan(MAX_BYTES);
    expect(Buffer.from(kept!.payload.raw, 'base64').length).toBeLessThan(10_000);

    // Replayed while still over the limit: it says so, and stays kept.
    const still = await admin.post(`/api/inbound-events/${kept!.id}/replay`);
    expect(still.status).toBe(400);
    expect(JSON.stringify(still.body)).toContain(`limit is ${MAX_BYTES} bytes`);
    // The admin raised the limit (EMAIL_MAX_BYTES; here on the running server): the replay fetches it whole from the mailbox.
    const config = server.app.get<AppConfig>(APP_CONFIG);
    config.emailMaxBytes = MAX_BYTES * 2;
    try {
      const replayed = await admin.ok<{ reference: string }>(admin.post(`/api/inbound-events/${kept!.id}/replay`));
      const [row] = await query(db, `select i.subject, length(m.body) as chars from incidents i join messages m on m.incident_id = i.id where i.reference = $1`, [replayed.reference]);
      expect(row).toMatchObject({ subject: 'Fotos de la avería' });
      expect(Number(row.chars)).toBeGreaterThan(MAX_BYTES);
      const [event] = await query(db, `select status, payload->>'truncated' as truncated, length(payload->>'raw') as raw from inbound_events where id = $1`, [kept!.id]);
      expect(event).toMatchObject({ status: 'processed', truncated: null });
      expect((await query(db, `select idempotency_key from inbound_events where id = $1`, [kept!.id]))[0].idempotency_key).toBe(keptKey);
      expect(Number(event.raw)).toBeGreaterThan(MAX_BYTES);
    } finally {
      config.emailMaxBytes = MAX_BYTES;
    }
  });

  it('stores every message exactly once when the IMAP server restarts in the middle of a sync', async () => {
    const before = await eventCount();
    const N = 60;
    for (let i = 0; i < N / 2; i++) await dovecot.append(MAILBOX.user, mail(`r${i}`));
    await waitUntil(eventCount, (n) => n > before, 'the sync to start');
    await dovecot.restart();
    for (let i = N / 2; i < N; i++) await dovecot.append(MAILBOX.user, mail(`r${i}`));
    await waitUntil(eventCount, (n) => n === before + N, `${N} new inbound events`, 30_000);
    const dup = await query(db, `select idempotency_key from inbound_events where channel_id = $1 group by 1 having count(*) > 1`, [channel.id]);
    expect(dup).toEqual([]);
    const incidents = await query(db, `select count(*) as n from incidents where subject like 'Avería r%'`);
    expect(Number(incidents[0].n)).toBe(N);
  });

  it('reads the folder again after a UIDVALIDITY change and duplicates nothing', async () => {
    // A message kept in quarantine for its size before the change (replayed after it, below).
    await dovecot.append(MAILBOX.user, mail('big2', { Subject: 'Planos de la nave' }, 'y'.repeat(MAX_BYTES + 500)));
    const [big] = await waitUntil(
      () => query<{ id: string }>(db, `select id from inbound_events where channel_id = $1 and status = 'invalid' and idempotency_key like 'mid:%' and convert_from(decode(payload->>'raw', 'base64'), 'UTF8') like '%Planos de la nave%'`, [channel.id]),
      (rows) => rows.length === 1,
      'the second large message kept in quarantine',
    );
    const [{ n: stored }] = await query(db, `select count(*) as n from inbound_events where channel_id = $1`, [channel.id]);
    const incidents = await incidentCount();
    const [old] = await query(db, `select uid_validity, fetched_messages from mailbox_sync where channel_id = $1`, [channel.id]);
    await dovecot.resetUidValidity(MAILBOX.user);
    await dovecot.restart(); // the sync reconnects and sees the new UIDVALIDITY
    const [now] = await waitUntil(
      () => query(db, `select uid_validity, fetched_messages, last_uid from mailbox_sync where channel_id = $1`, [channel.id]),
      ([r]) => r.uid_validity !== old.uid_validity && Number(r.fetched_messages) >= Number(old.fetched_messages) + Number(stored) - 5,
      'the folder to be read again',
      30_000,
    );
    expect(Number(now.last_uid)).toBeGreaterThan(0);
    expect(await incidentCount()).toBe(incidents);
    expect(await eventCount()).toBe(Number(stored));

    // The kept message's UID belongs to the old numbering: its replay finds it again by its Message-ID.
    const config = server.app.get<AppConfig>(APP_CONFIG);
    config.emailMaxBytes = MAX_BYTES * 2;
    try {
      // Kept from a folder that is gone: said, nothing lost (it stays kept).
      await query(db, `update inbound_events set payload = jsonb_set(payload, '{folder}', '"Archivo-borrado"') where id = $1`, [big!.id]);
      const gone = await admin.post(`/api/inbound-events/${big!.id}/replay`);
      expect(gone.status, JSON.stringify(gone.body)).toBe(409);
      expect(gone.body.message).toContain('Archivo-borrado no longer exists');
      await query(db, `update inbound_events set payload = jsonb_set(payload, '{folder}', '"INBOX"') where id = $1 and status = 'invalid'`, [big!.id]);
      const replayed = await admin.ok<{ reference: string }>(admin.post(`/api/inbound-events/${big!.id}/replay`));
      const [row] = await query(db, `select subject from incidents where reference = $1`, [replayed.reference]);
      expect(row.subject).toBe('Planos de la nave');
      const [event] = await query(db, `select (payload->>'uidValidity')::bigint as v from inbound_events where id = $1`, [big!.id]);
      expect(String(event.v)).toBe(String(now.uid_validity));
    } finally {
      config.emailMaxBytes = MAX_BYTES;
    }
  });
});
