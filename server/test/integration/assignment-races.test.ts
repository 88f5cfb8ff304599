/**
 * The lifecycle of an offer to a technician when other things happen to the incident meanwhile, on the
 * real desk (PostgreSQL, real SMTP): an offer that ended (resolved, reassigned by hand, merged) is not
 * offered again when its time runs out, and a merge hands the offer on with the assignment; two offers
 * asked for at once make one; an answer and an expiry at once do not deadlock; a technician answers an
 * order whose incident was merged into another; SLA notices to alike addresses all go out.
 *
 * Races are made deterministic: both calls are held at the same point before either writes, or one
 * transaction is held open while the other runs into it. Time passing is expire's `now`, not a sleep.
 */
import { ConflictException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentRepository } from '../../src/assignment/assignment.repository.js';
import { AssignmentService } from '../../src/assignment/assignment.service.js';
import type { DepartmentDto, IncidentDetailDto, IncidentSummaryDto, UserDto } from '../../src/contracts/api.js';
import type { AssignBestResult } from '../../src/contracts/assignment.js';
import { inTransaction, type Sql } from '../../src/database/sql.js';
import { IncidentsService, type Assignment } from '../../src/incidents/incidents.service.js';
import { SlaService } from '../../src/sla/sla.service.js';
import { nextEvent, submission } from '../support/api-client.js';
import { startMailDesk, type MailDesk } from '../support/mail-desk.js';
import { query } from '../support/services.js';
import { waitUntil } from '../support/wait.js';
import { mail, MAILBOX } from '../support/mailbox.js';

const PUBLIC = 'https://desk.climatiza.example';
const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
const MIN = 60_000;

interface IncidentRow {
  status: string;
  assignee_id: string | null;
  assignment_id: string | null;
  assignment_status: string | null;
  merged_into_id: string | null;
}
interface OfferRow {
  id: string;
  technician_id: string;
  status: string;
}

describe('assignment races', () => {
  let desk: MailDesk;
  let form: string;
  let dept: DepartmentDto;
  const techs: UserDto[] = [];
  let n = 0;

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: PUBLIC });
    const { admin } = desk;
    form = (await admin.createWebform('Web')).key;
    dept = await admin.createDepartment('Climatización');
    for (const k of ['ana', 'bea', 'ciro', 'dani']) {
      const t = await admin.createUser({ email: `${k}@tecnicos.example`, name: `Técnico ${k}`, role: 'technician', departmentIds: [dept.id] });
      await admin.ok(admin.put(`/api/technicians/${t.id}/profile`, { skills: {}, zones: [], capacity: 50, workingHours: ALWAYS, timeZone: 'Europe/Madrid' }));
      techs.push(t);
    }
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  const assignment = () => desk.server.app.get(AssignmentService);
  const detail = (id: string) => desk.admin.ok<IncidentDetailDto>(desk.admin.get(`/api/incidents/${id}`));
  const row = async (id: string) => (await query<IncidentRow>(desk.db, `select status, assignee_id, assignment_id, assignment_status, merged_into_id from incidents where id = $1`, [id]))[0]!;
  const offers = (id: string) => query<OfferRow>(desk.db, `select id, technician_id, status from assignment_offers where incident_id = $1 order by offered_at, id`, [id]);
  /** Past every offer's deadline (30 minutes unless the department says otherwise). */
  const later = () => new Date(Date.now() + 31 * MIN);
  const techById = (id: string) => techs.find((t) => t.id === id)!;

  /** An incident of a customer of its own (nothing to deduplicate), in the technicians' department. */
  async function incident(): Promise<IncidentSummaryDto> {
    const i = ++n;
    const subject = `Equipo ${i} sin frío`;
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === subject);
    await desk.admin.post(`/api/channels/webform/${form}`, submission({ name: `Cliente ${i}`, email: `cliente${i}@carreras.example`, subject, message: `Mensaje ${i}: el equipo ${i} no enfría desde ayer.` }));
    const made = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${made.id}`, { departmentId: dept.id }));
    return made;
  }
  async function offered(id: string): Promise<AssignBestResult & { offeredTo: { id: string; name: string } }> {
    const r = await assignment().assignBest(id, null);
    expect(r.offeredTo).not.toBeNull();
    return r as AssignBestResult & { offeredTo: { id: string; name: string } };
  }

  describe('bug 1: an offer that ended meanwhile is not offered again when it expires', () => {
    it('resolved: the expiry leaves it resolved with its technician, and assign-best refuses it', async () => {
      const i = await incident();
      const r = await offered(i.id);
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'resolved' }));
      await assignment().expire(later());
      expect(await row(i.id)).toMatchObject({ status: 'resolved', assignee_id: r.offeredTo.id });
      // The offer ended with the resolution: nothing was offered again.
      expect((await offers(i.id)).map((o) => o.status)).toEqual(['withdrawn']);
      const again = await desk.admin.post(`/api/incidents/${i.id}/assign-best`, {});
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('resolved');
      expect(await offers(i.id)).toHaveLength(1);
    });

    it('resolved, then open again with the offer unanswered: the offer stands again with a fresh deadline, and expires to the next', async () => {
      const i = await incident();
      const r = await offered(i.id);
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'resolved' }));
      expect((await offers(i.id)).map((o) => o.status)).toEqual(['withdrawn']);
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { status: 'open' }));
      const now = new Date();
      await assignment().expire(now);
      const [standing] = await query<{ status: string; expires_at: Date }>(desk.db, `select status, expires_at from assignment_offers where incident_id = $1`, [i.id]);
      expect(standing!.status).toBe('offered');
      expect(new Date(standing!.expires_at).getTime()).toBeGreaterThan(now.getTime());
      // Past its new deadline: handed to the next technician, as any unanswered offer.
      await assignment().expire(new Date(now.getTime() + 31 * MIN));
      const after = await offers(i.id);
      expect(after.map((o) => o.status)).toEqual(['expired', 'offered']);
      expect(after[1]!.technician_id).not.toBe(r.offeredTo.id);
    });

    it('reassigned by hand: the expiry of the old offer leaves the technician chosen by hand', async () => {
      const i = await incident();
      const r = await offered(i.id);
      const chosen = techs.find((t) => t.id !== r.offeredTo.id)!;
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { assigneeId: chosen.id }));
      await assignment().expire(later());
      expect(await row(i.id)).toMatchObject({ assignee_id: chosen.id, assignment_status: 'pending' });
      expect((await offers(i.id)).map((o) => o.status)).toEqual(['withdrawn']);
    });

    it('merged: the target that took the offer has it expire to the next technician; the closed source is never offered again', async () => {
      // The target has no technician: it takes the source's assignment, and its offer.
      const source = await incident();
      const target = await incident();
      const r = await offered(source.id);
      await desk.admin.ok(desk.admin.post(`/api/incidents/${source.id}/merge`, { targetId: target.id }));
      const taken = await row(target.id);
      expect(taken).toMatchObject({ assignee_id: r.offeredTo.id, assignment_status: 'pending' });

      // The target already has a technician: the source's offer ends with the merge.
      const source2 = await incident();
      const target2 = await incident();
      await offered(source2.id);
      await desk.admin.ok(desk.admin.patch(`/api/incidents/${target2.id}`, { assigneeId: techs[3]!.id }));
      await desk.admin.ok(desk.admin.post(`/api/incidents/${source2.id}/merge`, { targetId: target2.id }));

      await assignment().expire(later());
      // The closed sources get nobody; the targets keep theirs, or move on to the next technician.
      for (const s of [source.id, source2.id]) expect(await row(s)).toMatchObject({ status: 'closed', assignee_id: null, assignment_id: null });
      expect(await row(target2.id)).toMatchObject({ assignee_id: techs[3]!.id });
      const after = await row(target.id);
      expect(after.assignee_id).not.toBe(r.offeredTo.id);
      expect(after).toMatchObject({ assignee_id: expect.any(String), assignment_status: 'pending' });
      // The offer went with the assignment to the target, expired there, and the next one is the target's.
      expect((await offers(target.id)).map((o) => [o.id, o.status])).toEqual([
        [taken.assignment_id, 'expired'],
        [after.assignment_id, 'offered'],
      ]);
      expect(await offers(source.id)).toEqual([]);
      expect((await offers(source2.id)).map((o) => o.status)).toEqual(['withdrawn']);
    });
  });

  it('bug 2: two offers asked for at once make one offer and one service order; the other gives way (409)', async () => {
    const i = await incident();
    const repo = desk.server.app.get(AssignmentRepository);
    const incidents = desk.server.app.get(IncidentsService);
    // Both calls read the incident and rank before either writes: each waits here for the other.
    const technicians = repo.technicians;
    let arrived = 0;
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    repo.technicians = async (...args) => {
      if (++arrived === 2) bothRead();
      await barrier;
      return technicians.apply(repo, args);
    };
    const assigned: Assignment[] = [];
    const onAssigned = (a: Assignment) => a.incidentId === i.id && assigned.push(a);
    incidents.assignments.on('assigned', onAssigned);
    let results: PromiseSettledResult<AssignBestResult>[];
    try {
      results = await Promise.allSettled([assignment().assignBest(i.id, null), assignment().assignBest(i.id, null)]);
    } finally {
      repo.technicians = technicians;
      incidents.assignments.off('assigned', onAssigned);
    }
    expect(arrived).toBe(2);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(ConflictException);
    const made = await offers(i.id);
    expect(made.map((o) => o.status)).toEqual(['offered']);
    expect(assigned).toEqual([{ incidentId: i.id, technicianId: made[0]!.technician_id, assignmentId: made[0]!.id }]);
    expect(await row(i.id)).toMatchObject({ assignee_id: made[0]!.technician_id, assignment_id: made[0]!.id, assignment_status: 'pending' });
  });

  it('bug 3: a technician answering while the offer expires does not deadlock (both lock the incident first)', async () => {
    const i = await incident();
    const r = await offered(i.id);
    const { assignment_id: assignmentId } = await row(i.id);
    // Its service order queued first: the order's mail takes the incident's lock too, and must not be what waits below.
    await waitUntil(() => query(desk.db, `select 1 from outbox where kind = 'service-order' and source_id = $1`, [assignmentId]), (rows) => rows.length === 1, 'the service order');
    const em = desk.server.app.get(EntityManager);

    // The answer: holds the incident's lock (its first statement) until released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const incidentLocked = new Promise<void>((resolve) => (locked = resolve));
    let statements = 0;
    const answer = inTransaction(em, (tx) => {
      const held: Sql = async (text, params) => {
        const rows = await tx(text, params);
        if (++statements === 1) {
          locked();
          await gate;
        }
        return rows as never;
      };
      return desk.server.app.get(IncidentsService).answerAssignment(held, { incidentId: i.id, technicianId: r.offeredTo.id, assignmentId: assignmentId!, answer: 'declined', via: 'link', at: new Date() });
    });
    await incidentLocked;

    // The expiry sweep runs into it: it either waits for the lock or passes the incident by.
    let pid = 0;
    let expiryDone = false;
    const expiry = inTransaction(em, async (tx) => {
      pid = (await tx<{ pid: number }>(`select pg_backend_pid() as pid`))[0]!.pid;
      return desk.server.app.get(AssignmentRepository).expire(tx, later());
    }).finally(() => (expiryDone = true));
    await waitUntil(
      async () => expiryDone || (pid > 0 && (await query<{ w: string | null }>(desk.db, `select wait_event_type as w from pg_stat_activity where pid = $1`, [pid]))[0]?.w === 'Lock'),
      Boolean,
      'the expiry to finish or to wait for the incident',
    );
    release();
    const [answered, expired] = await Promise.allSettled([answer, expiry]);
    expect(answered.status === 'rejected' ? String(answered.reason) : 'answered').toBe('answered');
    expect(expired.status === 'rejected' ? String(expired.reason) : 'expired').toBe('expired');
    expect((answered as PromiseFulfilledResult<unknown>).value).toMatchObject({ answer: 'declined', offered: true });
    expect(await row(i.id)).toMatchObject({ assignee_id: null, assignment_status: 'declined' });
    expect((await offers(i.id)).map((o) => o.status)).toEqual(['declined']);
  });

  it('bug 7: the technician answers by e-mail an order whose incident was merged into another: the answer lands on and acts on the target', async () => {
    const source = await incident();
    const target = await incident();
    const r = await offered(source.id);
    const tech = techById(r.offeredTo.id);
    const order = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(tech.email) && m.parsed.subject?.includes(source.reference)), Boolean, 'the service order');
    await desk.admin.ok(desk.admin.post(`/api/incidents/${source.id}/merge`, { targetId: target.id }));
    const confirmed = nextEvent(desk.socket, 'incident.updated', (p) => p.incident.id === target.id && p.incident.assignmentStatus === 'confirmed', 20_000);
    await desk.dovecot.append(
      MAILBOX.user,
      mail(`carrera-acepto-${source.reference}`, { From: `${tech.name} <${tech.email}>`, To: order!.parsed.replyTo!.value[0]!.address!, Subject: `Re: ${order!.parsed.subject}`, 'In-Reply-To': order!.parsed.messageId!, Date: new Date().toUTCString() }, 'Acepto, voy esta tarde.'),
    );
    expect((await confirmed).by?.id).toBe(tech.id);
    const answer = (await detail(target.id)).timeline.find((e) => e.type === 'message' && (e as unknown as { body: string }).body.startsWith('Acepto')) as unknown as { flags: string[]; senderKind: string };
    expect(answer).toMatchObject({ flags: ['confirmed'], senderKind: 'technician' });
  });

  it('bug 7: the technician answers with the link of an order whose incident was merged into another; a stale one stays refused', async () => {
    const source = await incident();
    const target = await incident();
    const r = await offered(source.id);
    const tech = techById(r.offeredTo.id);
    const order = await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(tech.email) && m.parsed.subject?.includes(source.reference)), Boolean, 'the service order');
    const confirm = /https:\/\/desk\.climatiza\.example(\/service-orders\/\S+\/confirm)/.exec(order!.parsed.text!)![1]!;
    await desk.admin.ok(desk.admin.post(`/api/incidents/${source.id}/merge`, { targetId: target.id }));

    const ask = await fetch(desk.server.url + confirm);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain(target.reference);
    const done = await fetch(desk.server.url + confirm, { method: 'POST' });
    expect(await done.text()).toContain('data-result="done-confirmed"');
    expect(await detail(target.id)).toMatchObject({ assignee: { id: tech.id }, assignmentStatus: 'confirmed' });

    // Reassigned by hand: the old link names an assignment that is no more (stale, not forged).
    const other = techs.find((t) => t.id !== tech.id)!;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${target.id}`, { assigneeId: other.id }));
    const stale = await fetch(desk.server.url + confirm.replace(/\/confirm$/, '/decline'), { method: 'POST' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toContain('data-result="stale"');
    expect((await detail(target.id)).assignee?.id).toBe(other.id);
  });

  it('a decline whose next offer never followed (the process died): the sweep offers it to the next, once', async () => {
    const i = await incident();
    const first = await offered(i.id);
    // The decline as committed, two minutes ago, without the in-process next offer that should have followed it.
    await query(desk.db, `update assignment_offers set status = 'declined', answered_at = now() - interval '2 minutes' where incident_id = $1 and status = 'offered'`, [i.id]);
    await query(desk.db, `update incidents set assignee_id = null, assignment_id = null, assignment_status = 'declined' where id = $1`, [i.id]);
    await assignment().expire(new Date());
    const after = await offers(i.id);
    expect(after.map((o) => o.status)).toEqual(['declined', 'offered']);
    expect(after[1]!.technician_id).not.toBe(first.offeredTo.id);
    expect((await row(i.id)).assignee_id).toBe(after[1]!.technician_id);
    // Swept again: it has its offer, nothing more.
    await assignment().expire(new Date());
    expect(await offers(i.id)).toHaveLength(2);
    // An incident its agent unassigned by hand is not the sweep's (its offer was withdrawn).
    const mine = await incident();
    const r = await offered(mine.id);
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${mine.id}`, { assigneeId: null }));
    await query(desk.db, `update assignment_offers set answered_at = now() - interval '2 minutes' where incident_id = $1`, [mine.id]);
    await assignment().expire(new Date());
    expect((await offers(mine.id)).map((o) => [o.technician_id, o.status])).toEqual([[r.offeredTo.id, 'withdrawn']]);
  });

  it('bug 8: SLA breach notices go to every address, however alike their beginnings', async () => {
    const near = ['guardia.supervision.norte@climatiza.example', 'guardia.supervision.norte@climatiza-sur.example'];
    const policy = await desk.admin.ok<{ id: string }>(
      desk.admin.post('/api/sla/policies', { name: 'Guardias', resolutionMinutes: 60, actions: near.map((to) => ({ on: 'breached', do: 'notify', to })) }),
    );
    const i = await incident();
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${i.id}`, { slaPolicyId: policy.id }));
    await desk.server.app.get(SlaService).check(new Date(new Date(i.createdAt).getTime() + 61 * MIN));
    const notices = () => query<{ recipient: string }>(desk.db, `select o.recipient from outbox o join messages m on m.id = o.message_id where m.incident_id = $1 and o.kind like 'sla-%' order by o.recipient`, [i.id]);
    const queued = await waitUntil(notices, (rows) => rows.length >= near.length, 'a notice to each address');
    expect(queued.map((q) => q.recipient).sort()).toEqual([...near].sort());
    for (const to of near) await waitUntil(async () => desk.smtp.mails.find((m) => m.to.includes(to) && m.parsed.subject?.includes(i.reference)), Boolean, `the notice to ${to}`);
  });
});
