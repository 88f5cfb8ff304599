/**
 * The e-mail channel in embedded mode (PGlite with its one connection, in-process jobs and leases): mail
 * in, acknowledgement and reply out, the answer threaded back — nothing waits on a held connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDto } from '../../src/contracts/api.js';
import { nextEvent } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { mail, MAILBOX } from '../support/mailbox.js';
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
});
