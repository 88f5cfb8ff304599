/**
 * Service orders: assigning an incident to a technician mails them the order; they confirm or decline by
 * replying (through the real Dovecot) or with the one-click links; a stranger with their token changes
 * nothing and is flagged.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentDetailDto, IncidentSummaryDto, MessageDto, UserDto } from '../../src/contracts/api.js';
import { nextEvent, type ApiClient, type InboxSocket } from '../support/api-client.js';
import type { Dovecot } from '../support/dovecot.js';
import { ServiceOrders } from '../../src/email/service-orders.service.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { mail, MAILBOX } from '../support/mailbox.js';
import type { RecordedMail, SmtpRecorder } from '../support/smtp-recorder.js';
import type { TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait.js';

describe('service orders: technicians confirm or decline by reply or link', () => {
  let desk: MailDesk;
  let dovecot: Dovecot;
  let smtp: SmtpRecorder;
  let server: TestServer;
  let admin: ApiClient;
  let socket: InboxSocket;
  let tech: UserDto;
  let other: UserDto;
  let seq = 0;

  const detail = (id: string) => admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${id}`));
  const lastMessage = async (id: string) => (await detail(id)).timeline.filter((e): e is MessageDto & { type: 'message' } => e.type === 'message').at(-1)!;
  const ordersTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address) && m.parsed.headers.get('auto-submitted') === 'auto-generated');

  /** A new incident by mail, with what a service order needs, assigned to a technician; resolves with its order. */
  async function assigned(to: UserDto): Promise<{ incident: IncidentSummaryDto; order: RecordedMail }> {
    const n = `so${++seq}`;
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === `Avería ${n}`, 15_000);
    await dovecot.append(MAILBOX.user, mail(n, { From: `Lucía Serrano <lucia${seq}@example.es>` }, 'El split gotea agua sobre el sofá.'));
    const { incident } = await created;
    const before = ordersTo(to.email).length;
    await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { siteAddress: 'C/ Alcalá 120, 3º B, Madrid', asset: 'Split Daikin FTXM35', serviceType: 'Reparación', requestedWindow: 'Martes 9:00-13:00', priority: 'high' }));
    const updated = await admin.ok<IncidentDetailDto>(admin.patch(`/api/incidents/${incident.id}`, { assigneeId: to.id }));
    expect(updated.assignmentStatus).toBe('pending');
    const orders = await waitUntil(async () => ordersTo(to.email), (m) => m.length === before + 1, 'the service order');
    return { incident: updated, order: orders.at(-1)! };
  }

  /** The technician (or anyone) answers the order from their mail client. */
  async function answer(order: RecordedMail, from: string, text: string): Promise<void> {
    const replyTo = order.parsed.replyTo!.value[0].address!;
    const quoted = `${text}\r\n\r\nEl mar, 24 nov 2026 a las 8:15, Climatiza Soporte <${MAILBOX.address}> escribió:\r\n> ${order.parsed.text!.split('\n')[0]}`;
    await dovecot.append(MAILBOX.user, mail(`ans${++seq}`, { From: from, To: replyTo, Subject: `Re: ${order.parsed.subject}`, 'In-Reply-To': order.parsed.messageId! }, quoted));
  }

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: 'https://desk.climatiza.example' });
    ({ dovecot, smtp, server, admin, socket } = desk);
    tech = await admin.createUser({ email: 'andres.molina@example.es', name: 'Andrés Molina', role: 'technician', locale: 'es', extraEmails: ['andres.movil@example.es'] });
    other = await admin.createUser({ email: 'ioana.popescu@example.ro', name: 'Ioana Popescu', role: 'technician', locale: 'ro' });
  }, 60_000);

  afterAll(() => desk?.close());

  it('mails the technician a service order in their language with everything they need', async () => {
    const { incident, order } = await assigned(tech);
    expect(order.parsed.subject).toBe(`Orden de servicio: Avería so1 [${incident.reference}]`);
    const text = order.parsed.text!;
    for (const part of ['C/ Alcalá 120, 3º B, Madrid', 'Lucía Serrano', 'Split Daikin FTXM35', 'Reparación', 'Prioridad: alta', 'Martes 9:00-13:00', 'El split gotea agua sobre el sofá.', '«Acepto»']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Confirmar: https:\/\/desk\.climatiza\.example\/service-orders\/[0-9a-f-]{36}\.[\w-]{27}\/confirm/);
    expect(order.parsed.replyTo!.value[0].address).toMatch(/^soporte\+[a-z2-7]+@climatiza\.example$/);
  });

  it('confirms the assignment when the technician replies "Acepto", live, as the technician', async () => {
    const { incident, order } = await assigned(tech);
    const live = nextEvent(socket, 'incident.updated', (p) => p.incident.id === incident.id && p.incident.assignmentStatus === 'confirmed', 15_000);
    await answer(order, 'Andrés Molina <Andres.Molina@example.es>', 'Acepto, paso el martes a primera hora.');
    expect((await live).by).toEqual({ id: tech.id, name: tech.name });
    const reply = await lastMessage(incident.id);
    expect(reply).toMatchObject({ senderKind: 'technician', flags: ['confirmed'], author: { type: 'user', id: tech.id } });
    expect(reply.body).toBe('Acepto, paso el martes a primera hora.');
  });

  it('accepts the answer from one of the technician registered addresses', async () => {
    const { incident, order } = await assigned(tech);
    const live = nextEvent(socket, 'incident.updated', (p) => p.incident.id === incident.id && p.incident.assignmentStatus === 'confirmed', 15_000);
    await answer(order, 'Andrés <andres.movil@example.es>', 'Ok');
    await live;
  });

  it('hands the incident back and alerts the department when the technician declines', async () => {
    const { incident, order } = await assigned(tech);
    const alert = nextEvent(socket, 'incident.alert', (p) => p.incidentId === incident.id, 15_000);
    await answer(order, 'Andrés Molina <andres.molina@example.es>', 'No puedo, estoy de baja esta semana.');
    expect(await alert).toMatchObject({ kind: 'assignment-declined', reference: incident.reference, by: { id: tech.id } });
    const after = await detail(incident.id);
    expect(after).toMatchObject({ assignee: null, assignmentStatus: 'declined', status: 'open' });
    expect((await lastMessage(incident.id)).flags).toEqual(['declined']);
  });

  it('flags an unclear answer for an agent and changes nothing', async () => {
    const { incident, order } = await assigned(tech);
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.senderKind === 'technician', 15_000);
    await answer(order, 'Andrés Molina <andres.molina@example.es>', 'Vale, pero ¿a qué hora abre el portal?');
    expect((await joined).message.flags).toEqual(['needs-attention']);
    expect((await detail(incident.id)).assignmentStatus).toBe('pending');
  });

  it('does not act on a forged sender with the technician token: kept as a suspicious message', async () => {
    const { incident, order } = await assigned(tech);
    const joined = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.flags.includes('suspicious'), 15_000);
    await answer(order, 'Andrés Molina <andres.molina@evil.example>', 'Acepto');
    await joined;
    // ... nor does another technician who got hold of it
    const again = nextEvent(socket, 'message.created', (p) => p.incidentId === incident.id && p.message.author.id === other.id, 15_000);
    await answer(order, 'Ioana <ioana.popescu@example.ro>', 'Accept');
    expect((await again).message.flags).toEqual(['suspicious']);
    expect((await detail(incident.id)).assignmentStatus).toBe('pending');
  });

  it('acts on a one-click link only on POST, once, and not after a reassignment', async () => {
    const { incident, order } = await assigned(tech);
    const confirm = /Confirmar: https:\/\/desk\.climatiza\.example(\/service-orders\/\S+\/confirm)/.exec(order.parsed.text!)![1];
    const page = await fetch(server.url + confirm);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect((await detail(incident.id)).assignmentStatus).toBe('pending'); // a GET (or a link preview) does nothing

    const live = nextEvent(socket, 'incident.updated', (p) => p.incident.id === incident.id && p.incident.assignmentStatus === 'confirmed', 15_000);
    expect(await (await fetch(server.url + confirm, { method: 'POST' })).text()).toContain('data-result="done-confirmed"');
    await live;
    expect(await (await fetch(server.url + confirm, { method: 'POST' })).text()).toContain('data-result="already-confirmed"');

    // Reassigned to another technician: the first technician's links no longer act.
    await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { assigneeId: other.id }));
    const decline = confirm.replace(/\/confirm$/, '/decline');
    const stale = await (await fetch(server.url + decline, { method: 'POST' })).text();
    expect(stale).toContain('data-result="stale"');
    expect((await detail(incident.id)).assignee?.id).toBe(other.id);
    // A tampered link is refused.
    const forged = await fetch(server.url + confirm.replace(/\.[\w-]{5}/, '.AAAAA'), { method: 'POST' });
    expect(forged.status).toBe(404);
  });
  it('says once that an order waits for a mailbox, and sends it once one is active again', async () => {
    const n = `so${++seq}`;
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === `Avería ${n}`, 15_000);
    await dovecot.append(MAILBOX.user, mail(n, { From: `Marta Gil <marta${seq}@example.es>` }, 'El termo no calienta.'));
    const { incident } = await created;
    await admin.ok(admin.patch(`/api/channels/${desk.channel.id}`, { active: false }));
    const orders = server.app.get(ServiceOrders);
    const waiting = async () => (await detail(incident.id)).timeline.filter((e) => e.type === 'audit' && e.action === 'notice.unsendable');
    try {
      await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { assigneeId: other.id }));
      const [entry] = await waitUntil(waiting, (rows) => rows.length === 1, 'the order waiting for a mailbox, on the timeline');
      expect(entry).toMatchObject({ changes: { kind: { to: 'service-order' }, recipient: { to: other.email }, reason: { to: 'no-email-channel' } } });
      const tried = vi.spyOn(orders, 'send');
      try {
        await orders.sweep(); // nothing to send it with: not tried, not said again
        expect(tried).not.toHaveBeenCalled();
      } finally {
        tried.mockRestore();
      }
      expect(await waiting()).toHaveLength(1);
      expect(ordersTo(other.email).filter((m) => m.parsed.subject?.includes(incident.reference))).toHaveLength(0);
    } finally {
      await admin.ok(admin.patch(`/api/channels/${desk.channel.id}`, { active: true }));
    }
    await orders.sweep();
    await waitUntil(async () => ordersTo(other.email).filter((m) => m.parsed.subject?.includes(incident.reference)), (m) => m.length === 1, 'the order once the mailbox is active');
  });
});
