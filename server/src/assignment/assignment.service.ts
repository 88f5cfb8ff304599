import { ConflictException, Inject, Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AssignBestResult, WorkloadDto } from '../contracts/assignment.js';
import type { WorkloadChangeReason } from '../contracts/events.js';
import type { Release } from '../duplicates/duplicates.service.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { availabilityOf, isAvailable, nextOffer, rankTechnicians, type Ranking } from '../domain/assignment/index.js';
import { toIncidentSummary } from '../incidents/incident.mapper.js';
import { OPEN_STATUSES, statusAfterAssignment, type IncidentStatus } from '../domain/incident-state.js';
import { IncidentsService, type AnswerNotice, type Assignment, type IncidentChange } from '../incidents/incidents.service.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { JobQueue } from '../jobs/job-queue.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { ROOM_EVERYTHING, roomForDepartment, roomsOfIncident } from '../domain/visibility.js';
import { WorkflowService, type RuleEffect } from '../workflow/workflow.service.js';
import { AssignmentRepository, type AssignmentContext } from './assignment.repository.js';

const EXPIRY_SWEEP_MS = 30_000;
/** The fields of an incident the workload screen shows or counts by. */
const WORKLOAD_FIELDS = new Set(['assignee', 'assignmentStatus', 'status', 'subject', 'priority']);

/** How long after a decline or an expiry its next offer may take before the sweep makes it (a process died). */
const ORPHAN_GRACE_MS = 60_000;

/** Nobody is left to offer an incident to (its supervisor is told by e-mail: email/ServiceOrders). */
export interface Unassignable {
  incidentId: string;
  reference: string;
  subject: string;
  supervisor: { id: string; name: string; email: string };
  offers: number;
}

/**
 * The most qualified free technician: ranks the technicians for an incident (domain/assignment: skills the
 * service type needs, zone, availability, level, load, round robin) and offers it to the first; their
 * service order goes out as for any assignment. A decline or no answer in time offers it to the next one
 * not yet offered; when nobody is left, the department's supervisor is alerted (live, and by e-mail).
 * Asked for by the workflow rules ('assign-best') or by an agent.
 */
@Injectable()
export class AssignmentService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('Assignment');

  constructor(
    private readonly em: EntityManager,
    private readonly repo: AssignmentRepository,
    private readonly incidents: IncidentsService,
    private readonly workflow: WorkflowService,
    private readonly publisher: InboxPublisher,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.workflow.effects.on('effects', (effects: RuleEffect[]) => {
      for (const e of effects) if (e.action.do === 'assign-best') void this.assignBest(e.incidentId, null).catch((err: Error) => this.log.warn(`assign-best on ${e.incidentId} failed: ${err.message}`));
    });
    this.incidents.assignments.on('answered', (a: AnswerNotice) => {
      this.announceWorkload('answered', null);
      if (a.answer === 'declined' && a.offered) void this.assignBest(a.incidentId, null).catch((err: Error) => this.log.warn(`next offer for ${a.incidentId} failed: ${err.message}`));
    });
    this.incidents.assignments.on('released', (r: Release) => this.announceWorkload('released', r.technicianId));
    // An agent's change that moves a workload: another assignee, a status that closes or reopens it, a new subject.
    this.incidents.changes.on('updated', (c: IncidentChange) => {
      if (c.changed.some((f) => WORKLOAD_FIELDS.has(f))) this.announceWorkload('changed', c.after.assigneeId);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.repeat('assignment.expire', EXPIRY_SWEEP_MS, () => this.expire());
  }

  /** Who would get it, and why the others would not (nothing is changed). */
  async rank(incidentId: string, viewer: Viewer): Promise<Ranking & { context: AssignmentContext }> {
    await this.incidents.visible(incidentId, viewer);
    const sql = sqlOf(this.em);
    const context = await this.repo.context(sql, incidentId);
    if (!context) throw new NotFoundException(`No incident ${incidentId}.`);
    return { ...(await this.ranking(sql, context, new Date())), context };
  }

  private async ranking(sql: Sql, c: AssignmentContext, now: Date): Promise<Ranking> {
    const technicians = await this.repo.technicians(sql, this.config.timeZone, now);
    return rankTechnicians({ departmentId: c.departmentId, requiredSkills: c.requiredSkills, zone: c.zone, window: null, now, exclude: c.offered }, technicians);
  }

  /**
   * Offers the incident to the best technician not offered it yet (withdrawing a standing offer). `by`:
   * the agent who asked, or null (a rule, a decline, an expiry). A confirmed assignment is left alone, and
   * so is an incident that is merged or no longer open (resolved, closed).
   *
   * The ranking is made from the incident as it was read first; the offer is written only if, with the
   * incident locked, it is still so: the same assignment and no other offer since. Otherwise another offer
   * or answer came in meanwhile (two calls at once: a decline and an agent's click, a rule and an expiry,
   * a double click) and this one gives way (409): one offer, one service order.
   */
  async assignBest(incidentId: string, by: Viewer | null): Promise<AssignBestResult> {
    if (!isUuid(incidentId)) throw new NotFoundException(`No incident ${incidentId}.`);
    if (by) await this.incidents.visible(incidentId, by);
    const sql = sqlOf(this.em);
    const context = await this.repo.context(sql, incidentId);
    if (!context) throw new NotFoundException(`No incident ${incidentId}.`);
    const refused = refusal(context.reference, context);
    if (refused) throw new ConflictException(refused);
    const now = new Date();
    const ranking = await this.ranking(sql, context, now);
    const pick = nextOffer(ranking.candidates, context.offered);
    if (!pick) {
      await this.noneLeft(context, ranking, by);
      return { offeredTo: null, reasons: [], rejected: ranking.rejected };
    }
    const offerId = randomUUID();
    const made = await inTransaction(this.em, async (tx) => {
      const current = await this.repo.lockIncident(tx, incidentId);
      if (!current) return { refused: `${context.reference} no longer exists.` };
      const no = refusal(context.reference, current);
      if (no) return { refused: no };
      if (current.assignmentId !== context.assignmentId || (await this.repo.offerCount(tx, incidentId)) !== context.offerCount) {
        return { refused: `${context.reference} was offered or answered meanwhile: look at it again before asking for another offer.` };
      }
      await this.repo.withdrawOpen(tx, incidentId, now);
      const round = context.offered.length + 1;
      await this.repo.insertOffer(tx, { id: offerId, incidentId, technicianId: pick.technicianId, round, reasons: pick.reasons, at: now, expiresAt: new Date(now.getTime() + context.offerMinutes * 60_000) });
      const status = statusAfterAssignment(current.status);
      await tx(`update incidents set assignee_id = ?, assignment_id = ?, assignment_status = 'pending', status = ?, updated_at = ?, version = version + 1 where id = ?`, [pick.technicianId, offerId, status, now, incidentId]);
      const changes: Record<string, { from: unknown; to: unknown }> = {
        assignee: { from: current.assigneeName, to: pick.name },
        assignmentStatus: { from: current.assignmentStatus, to: 'pending' },
        offer: { from: null, to: { round, minutes: context.offerMinutes, reasons: pick.reasons } },
      };
      if (status !== current.status) changes.status = { from: current.status, to: status };
      await tx(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, ?, 'assignment.offered', ?, ?)`, [incidentId, by?.user.id ?? null, JSON.stringify(changes), now]);
      return { before: { departmentId: context.departmentId, assigneeId: current.assigneeId } };
    });
    if ('refused' in made) throw new ConflictException(made.refused);
    await this.incidents.announceChange(incidentId, made.before, ['assignee', 'assignmentStatus', 'status'], by ? { id: by.user.id, name: by.user.name } : null);
    this.incidents.assignments.emit('assigned', { incidentId, technicianId: pick.technicianId, assignmentId: offerId } satisfies Assignment);
    this.announceWorkload('offered', pick.technicianId);
    return { offeredTo: { id: pick.technicianId, name: pick.name }, reasons: pick.reasons, rejected: ranking.rejected };
  }

  /** Nobody left to offer it to: the department (and its supervisor, by e-mail) is told, once per round of offers. */
  private async noneLeft(c: AssignmentContext, ranking: Ranking, by: Viewer | null): Promise<void> {
    const sql = sqlOf(this.em);
    const [fresh] = await sql<{ id: string }>(
      `insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
       select gen_random_uuid(), 'incident', ?, ?, 'assignment.none', ?, now()
       where not exists (select 1 from audit_log where entity_type = 'incident' and entity_id = ? and action = 'assignment.none' and (changes->'offers'->>'to')::int = ?) returning id`,
      [c.incidentId, by?.user.id ?? null, JSON.stringify({ offers: { from: null, to: c.offered.length }, rejected: { from: null, to: ranking.rejected.slice(0, 20) } }), c.incidentId, c.offered.length],
    );
    if (!fresh) return;
    const rooms = roomsOfIncident({ departmentId: c.departmentId, assigneeId: null });
    this.publisher.publish(rooms, 'incident.alert', { incidentId: c.incidentId, reference: c.reference, kind: 'no-technician', by: null });
    const summary = await this.incidents.findSummary(c.incidentId);
    if (summary) this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(summary), changed: ['assignment'], by: null });
    if (c.supervisor) this.incidents.assignments.emit('unassignable', { incidentId: c.incidentId, reference: c.reference, subject: c.subject, supervisor: c.supervisor, offers: c.offered.length } satisfies Unassignable);
  }

  /**
   * Offers past their time: handed back and offered to the next (exactly once each: see the repository). Then
   * the incidents whose next offer never followed a decline or an expiry, and those a rule asked to assign in
   * the last hour that were never offered (the process died in between, a minute ago or more): offered now.
   */
  async expire(now = new Date()): Promise<number> {
    for (const id of await inTransaction(this.em, (sql) => this.repo.revive(sql, now))) this.log.log(`${id}: open again with its technician's offer unanswered: the offer stands again`);
    const expired = await inTransaction(this.em, (sql) => this.repo.expire(sql, now));
    for (const o of expired) {
      await this.incidents.announceChange(o.incidentId, { departmentId: o.departmentId, assigneeId: o.technicianId }, ['assignee', 'assignmentStatus'], null);
      this.announceWorkload('expired', o.technicianId);
      await this.assignBest(o.incidentId, null).catch((err: Error) => this.log.warn(`next offer for ${o.incidentId} failed: ${err.message}`));
    }
    const asked = await this.repo.neverOffered(sqlOf(this.em), new Date(now.getTime() - 60 * ORPHAN_GRACE_MS), new Date(now.getTime() - ORPHAN_GRACE_MS));
    for (const id of [...(await this.repo.orphans(sqlOf(this.em), new Date(now.getTime() - ORPHAN_GRACE_MS))), ...asked]) {
      this.log.warn(`${id}: left with no offer (its next offer or a rule's assign-best never followed); offering it now`);
      await this.assignBest(id, null).catch((err: Error) => this.log.warn(`next offer for ${id} failed: ${err.message}`));
    }
    return expired.length;
  }

  async workload(): Promise<WorkloadDto[]> {
    const sql = sqlOf(this.em);
    const now = new Date();
    const [technicians, load, absences] = await Promise.all([this.repo.technicians(sql, this.config.timeZone, now), this.repo.workload(sql), this.repo.absencesAhead(sql, now)]);
    return technicians.map((t) => {
      const l = load.find((x) => x.technicianId === t.id);
      const availability = availabilityOf(t, now);
      // The absence going on now, else the next one (they come in order of start).
      const absence = absences.find((a) => a.userId === t.id);
      return {
        technician: { id: t.id, name: t.name },
        departmentIds: t.departmentIds,
        skills: t.skills,
        zones: t.zones,
        capacity: t.capacity,
        open: l?.open ?? 0,
        offered: l?.offered ?? 0,
        confirmed: l?.confirmed ?? 0,
        availableNow: availability.availableNow,
        unavailableBecause: availability.unavailableBecause,
        availabilityChangesAt: availability.changesAt?.toISOString() ?? null,
        workingHours: t.workingHours,
        timeZone: t.timeZone,
        absence: absence ? { id: absence.id, from: absence.from, to: absence.to, reason: absence.reason } : null,
        incidents: l?.incidents ?? [],
      };
    });
  }

  /**
   * Tells every agent and admin (whatever departments they see: the workload screen shows every
   * technician) that a workload changed; technicians never hear it. Only after the change committed.
   */
  announceWorkload(reason: WorkloadChangeReason, technicianId: string | null): void {
    this.publisher.publish([ROOM_EVERYTHING, roomForDepartment(null)], 'workload.changed', { reason, technicianId });
  }
}

/** Why an incident is not to be offered to anyone now (null: it may be). */
function refusal(reference: string, i: { status: IncidentStatus; mergedIntoId: string | null; assignmentStatus: string | null }): string | null {
  if (i.mergedIntoId) return `${reference} was merged into another incident: assign that one.`;
  if (!OPEN_STATUSES.includes(i.status)) return `${reference} is ${i.status}: reopen it before assigning it.`;
  if (i.assignmentStatus === 'confirmed') return `${reference} is confirmed by its technician: change the assignee by hand if it must move.`;
  return null;
}
