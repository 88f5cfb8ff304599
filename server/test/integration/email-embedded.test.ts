/**
 * The e-mail channel in embedded mode (PGlite with its one connection, in-process jobs and leases): mail
 * in, acknowledgement and reply out, the answer threaded back — nothing waits on a held connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDto } from '../../src/contracts/api.js';
import { nextEvent } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { createEmailChannel, mail, MAILBOX, SECOND_MAILBOX } from '../support/mailbox.js';
import { waitUntil } from '../support/wait.js';

describe('e-mail in embedded mode', () => {
  let desk: MailDesk;

  beforeAll(async () => {
    desk = await startMailDesk({}, 'embedded');
  }, 60_000);
  afterAll(() => desk?.close());

  it('imports, acknowledges, sends a reply and threads the answer', async () => {
    const { admin, socket, dovecot, smtp } = desk;
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Avería emb', 15_000);
    await dovecot.append(MAILBOX.user, mail('emb'));
    const { incident } = await created;
    await waitUntil(async () => smtp.mails.filter((m) => m.to.includes('clienteemb@example.es')), (m) => m.length === 1, 'the acknowledgement');

    const reply = await admin.ok<MessageDto>(admin.post(`/api/incidents/${incident.id}/replies`, { body: 'Vamos mañana.' }));
    const [, out] = await waitUntil(async () => smtp.mails.filter((m) => m.to.includes('clienteemb@example.es')), (m) => m.length === 2, 'the reply');
    expect(out.parsed.text).toContain('Vamos mañana.');
    expect(reply.delivery?.status).toBe('queued');

    const back = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.body === 'Gracias.', 15_000);
    await dovecot.append(MAILBOX.user, mail('emb-back', { From: 'Cliente <clienteemb@example.es>', To: out.parsed.replyTo!.value[0].address!, Subject: 'gracias' }, 'Gracias.'));
    await back;
  });

  it('reads only the recent history of a mailbox it is connected to, and acknowledges none of it', async () => {
    const { admin, socket, dovecot, smtp } = desk;
    const day = 86_400_000;
    await dovecot.append('ventas', mail('old', { From: 'Antiguo <antiguo@example.es>' }), { internalDate: new Date(Date.now() - 40 * day) });
    await dovecot.append('ventas', mail('recent', { From: 'Reciente <reciente@example.es>' }), { internalDate: new Date(Date.now() - 2 * day) });
    const recent = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Avería recent', 15_000);
    await createEmailChannel(admin, dovecot, desk.smtp, SECOND_MAILBOX);
    await recent;
    const fresh = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Avería new', 15_000);
    await dovecot.append('ventas', mail('new', { From: 'Nuevo <nuevo@example.es>' }));
    await fresh;
    await waitUntil(async () => smtp.mails.filter((m) => m.to.includes('nuevo@example.es')), (m) => m.length === 1, 'the acknowledgement of the new mail');
    const list = await admin.ok<{ items: { subject: string }[] }>(admin.get('/api/incidents?q=Aver%C3%ADa'));
    expect(list.items.map((i) => i.subject)).not.toContain('Avería old');
    expect(smtp.mails.filter((m) => m.to.includes('reciente@example.es') || m.to.includes('antiguo@example.es'))).toEqual([]);
  });
});
