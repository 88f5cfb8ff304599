import { Injectable } from '@nestjs/common';
import type { AbsenceDto, WorkloadIncidentDto } from '../contracts/assignment.js';
import type { Sql } from '../database/sql.js';
import type { TechnicianProfile } from '../domain/assignment/index.js';
import type { IncidentStatus } from '../domain/incident-state.js';
import type { WeeklyHours } from '../domain/sla/index.js';

/** Working hours of a technician without a profile: weekdays 08:00–18:00. */
export const DEFAULT_HOURS: WeeklyHours = { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '18:00']] };
export const DEFAULT_CAPACITY = 5;

/** What choosing a technician for an incident needs to know about it. */
export interface AssignmentContext {
  incidentId: string;
  reference: string;
  subject: string;
  status: IncidentStatus;
  departmentId: string | null;
  departmentName: string | null;
  serviceType: string | null;
  requiredSkills: Record<string, number>;
  zone: string | null;
  offerMinutes: number;
  supervisor: { id: string; name: string; email: string } | null;
  /** Technicians offered it before (any answer): never offered again in this round of offers. */
  offered: string[];
  /** Offers made for it so far (any answer): with assignmentId, what tells that another offer or answer came in meanwhile. */
  offerCount: number;
  assigneeId: string | null;
  assignmentId: string | null;
  assignmentStatus: string | null;
  /** The incident it was merged into (then it is closed and never offered). */
  mergedIntoId: string | null;
}

export interface LockedIncident {
  status: IncidentStatus;
  assigneeId: string | null;
  assignmentId: string | null;
  assignmentStatus: string | null;
  mergedIntoId: string | null;
  assigneeName: string | null;
}

export interface OfferRow {
  id: string;
  incidentId: string;
  technicianId: string;
  technicianName: string;
  departmentId: string | null;
  status: string;
}

/** Technicians, their profiles and load, and the offers of incidents to them. */
@Injectable()
export class AssignmentRepository {
  async context(sql: Sql, incidentId: string): Promise<AssignmentContext | null> {
    const [row] = await sql<AssignmentContext & { supervisorId: string | null; supervisorName: string | null; supervisorEmail: string | null }>(
      `select i.id as "incidentId", i.reference, i.subject, i.status, i.department_id as "departmentId", d.name as "departmentName", i.service_type as "serviceType",
         coalesce(st.required_skills, '{}'::jsonb) as "requiredSkills", cu.zone, coalesce(d.offer_minutes, 30) as "offerMinutes",
         s.id as "supervisorId", s.name as "supervisorName", s.email as "supervisorEmail",
         array(select distinct o.technician_id from assignment_offers o where o.incident_id = i.id) as offered,
         (select count(*)::int from assignment_offers o where o.incident_id = i.id) as "offerCount",
         i.assignee_id as "assigneeId", i.assignment_id as "assignmentId", i.assignment_status as "assignmentStatus", i.merged_into_id as "mergedIntoId"
       from incidents i left join departments d on d.id = i.department_id left join users s on s.id = d.supervisor_id and s.active
       left join service_types st on lower(st.name) = lower(i.service_type) left join customers cu on cu.id = i.customer_id
       where i.id = ?`,
      [incidentId],
    );
    if (!row) return null;
    const { supervisorId, supervisorName, supervisorEmail, ...rest } = row;
    return { ...rest, supervisor: supervisorId ? { id: supervisorId, name: supervisorName!, email: supervisorEmail! } : null };
  }

  /**
   * Technicians as the ranking sees them (all active ones: the ranking itself rejects, with a reason, those
   * of other departments). Load counts open incidents assigned to them (an index on open assignees).
   */
  async technicians(sql: Sql, defaultTimeZone: string, now: Date, ids?: string[]): Promise<TechnicianProfile[]> {
    const rows = await sql<{
      id: string;
      name: string;
      departmentIds: string[];
      skills: Record<string, number> | null;
      zones: string[] | null;
      capacity: number | null;
      workingHours: TechnicianProfile['workingHours'] | null;
      timeZone: string | null;
      openAssignments: number;
      lastAssignedAt: Date | null;
      absences: { from: string; to: string }[] | null;
    }>(
      `select u.id, u.name, array(select ud.department_id from user_departments ud where ud.user_id = u.id) as "departmentIds",
         p.skills, p.zones, p.capacity, p.working_hours as "workingHours", p.time_zone as "timeZone",
         (select count(*)::int from incidents i where i.assignee_id = u.id and i.status in ('new', 'open', 'pending')) as "openAssignments",
         (select max(o.offered_at) from assignment_offers o where o.technician_id = u.id) as "lastAssignedAt",
         (select json_agg(json_build_object('from', a.starts_at, 'to', a.ends_at)) from absences a where a.user_id = u.id and a.ends_at > ?) as absences
       from users u left join technician_profiles p on p.user_id = u.id
       where u.role = 'technician' and u.active ${ids ? 'and u.id = any(?::uuid[])' : ''} order by u.name`,
      ids ? [now, ids] : [now],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      active: true,
      departmentIds: r.departmentIds,
      skills: r.skills ?? {},
      zones: r.zones ?? [],
      capacity: r.capacity ?? DEFAULT_CAPACITY,
      openAssignments: r.openAssignments,
      lastAssignedAt: r.lastAssignedAt ? new Date(r.lastAssignedAt) : null,
      workingHours: r.workingHours ?? DEFAULT_HOURS,
      timeZone: r.timeZone ?? defaultTimeZone,
      absences: (r.absences ?? []).map((a) => ({ from: new Date(a.from), to: new Date(a.to) })),
    }));
  }

  /**
   * Locks the incident row for the offer (null: gone). Every writer of an incident and its offers locks the
   * incident first (an offer, an answer, an expiry, a merge, an agent's change): one order, no deadlock.
   */
  async lockIncident(sql: Sql, id: string): Promise<LockedIncident | null> {
    const [row] = await sql<LockedIncident>(
      `select i.status, i.assignee_id as "assigneeId", i.assignment_id as "assignmentId", i.assignment_status as "assignmentStatus", i.merged_into_id as "mergedIntoId", u.name as "assigneeName"
       from incidents i left join users u on u.id = i.assignee_id where i.id = ? for update of i`,
      [id],
    );
    return row ?? null;
  }

  /** Offers made for the incident so far (read after lockIncident, in a statement of its own: it then sees every offer committed before the lock). */
  async offerCount(sql: Sql, incidentId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(`select count(*)::int as n from assignment_offers where incident_id = ?`, [incidentId]);
    return row?.n ?? 0;
  }

  /** The standing offer is withdrawn (the incident is offered to someone else, or by hand). */
  async withdrawOpen(sql: Sql, incidentId: string, at: Date): Promise<void> {
    await sql(`update assignment_offers set status = 'withdrawn', answered_at = ? where incident_id = ? and status = 'offered'`, [at, incidentId]);
  }

  async insertOffer(sql: Sql, o: { id: string; incidentId: string; technicianId: string; round: number; reasons: string[]; at: Date; expiresAt: Date }): Promise<void> {
    await sql(
      `insert into assignment_offers (id, incident_id, technician_id, status, round, reasons, offered_at, expires_at) values (?, ?, ?, 'offered', ?, ?, ?, ?)`,
      [o.id, o.incidentId, o.technicianId, o.round, JSON.stringify(o.reasons), o.at, o.expiresAt],
    );
  }

  /** An answer to an offer (inside the caller's transaction); false when it was not standing. */
  async answer(sql: Sql, offerId: string, status: 'confirmed' | 'declined', via: string, at: Date): Promise<boolean> {
    const rows = await sql(`update assignment_offers set status = ?, answered_at = ?, via = ? where id = ? and status = 'offered' returning id`, [status, at, via, offerId]);
    return rows.length > 0;
  }

  /**
   * Offers nobody answered in time, each flipped to 'expired' exactly once (the conditional update), with
   * the incident handed back (no assignee, open) in the same transaction. Returns only the offers whose
   * incident was handed back: those are to be offered to the next technician.
   *
   * Locks the incidents first, then their offers, as every other writer of both does (an answer, an offer,
   * a merge, an agent's change): an expiry never deadlocks with them. An incident another transaction holds
   * is skipped (its offer expires on the next sweep, if it is still standing then), and so two sweeps at the
   * same moment never take the same offer.
   *
   * An offer whose incident no longer has it as its assignment (reassigned or merged meanwhile, by a
   * version that did not withdraw it), or whose incident is no longer open (resolved, closed, merged), is
   * only marked expired: nothing is handed back, nothing is offered again.
   */
  async expire(sql: Sql, now: Date, limit = 50): Promise<OfferRow[]> {
    const due = await sql<{ incidentId: string }>(
      `select distinct incident_id as "incidentId" from (select incident_id from assignment_offers where status = 'offered' and expires_at <= ? order by expires_at limit ?) d`,
      [now, limit],
    );
    if (!due.length) return [];
    const locked = await sql<{ id: string }>(`select id from incidents where id = any(?::uuid[]) order by id for update skip locked`, [due.map((d) => d.incidentId)]);
    if (!locked.length) return [];
    const flipped = await sql<Omit<OfferRow, 'departmentId'>>(
      `with flipped as (update assignment_offers set status = 'expired', answered_at = ? where incident_id = any(?::uuid[]) and status = 'offered' and expires_at <= ?
         returning id, incident_id, technician_id)
       select f.id, f.incident_id as "incidentId", f.technician_id as "technicianId", u.name as "technicianName", 'expired' as status from flipped f join users u on u.id = f.technician_id`,
      [now, locked.map((l) => l.id), now],
    );
    const handedBack: OfferRow[] = [];
    for (const r of flipped) {
      const [changed] = await sql<{ status: IncidentStatus; prev: IncidentStatus; departmentId: string | null }>(
        `update incidents i set assignee_id = null, assignment_id = null, assignment_status = null,
           status = case when i.status in ('new', 'pending') then 'open' else i.status end, updated_at = ?, version = version + 1
         from (select status as prev from incidents where id = ?) p
         where i.id = ? and i.assignment_id = ? and i.status in ('new', 'open', 'pending') and i.merged_into_id is null
         returning i.status, p.prev, i.department_id as "departmentId"`,
        [now, r.incidentId, r.incidentId, r.id],
      );
      if (!changed) continue; // reassigned, resolved or merged meanwhile: nothing to hand back, nothing to offer again
      await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, null, 'assignment.expired', ?, ?)`, [
        r.incidentId,
        JSON.stringify({ assignee: { from: r.technicianName, to: null }, assignmentStatus: { from: 'pending', to: 'expired' }, ...(changed.prev !== changed.status ? { status: { from: changed.prev, to: changed.status } } : {}) }),
        now,
      ]);
      handedBack.push({ ...r, departmentId: changed.departmentId });
    }
    return handedBack;
  }

  /**
   * Offers withdrawn because their incident was resolved, closed or merged, whose incident is open again with the
   * same pending assignment (a customer's reply reopened it, an agent did, an unmerge put it back): they stand
   * again, with a fresh deadline, so the technician's silence still moves it on. Returns their incidents.
   */
  async revive(sql: Sql, now: Date): Promise<string[]> {
    const rows = await sql<{ incidentId: string }>(
      `update assignment_offers o set status = 'offered', answered_at = null, expires_at = ?::timestamptz + coalesce(d.offer_minutes, 30) * interval '1 minute'
       from incidents i left join departments d on d.id = i.department_id
       where o.id = i.assignment_id and o.incident_id = i.id and o.status = 'withdrawn' and i.assignment_status = 'pending'
         and i.status in ('new', 'open', 'pending') and i.merged_into_id is null
         and not exists (select 1 from assignment_offers x where x.incident_id = i.id and x.status = 'offered')
       returning o.incident_id as "incidentId"`,
      [now],
    );
    return rows.map((r) => r.incidentId);
  }

  /**
   * Incidents left with nobody after a decline or an expiry whose next offer never followed (the process died
   * between the answer's commit and the next offer): open, unassigned, no standing offer, the latest offer
   * declined or expired in the day before `before`, and not already found to have nobody left for as many technicians.
   * A hand reassignment or unassignment withdraws the offer, so those are not here.
   */
  async orphans(sql: Sql, before: Date, limit = 20): Promise<string[]> {
    // Offers that ended in the day before `before` (assignment_offers_ended_index), each its incident's latest.
    const rows = await sql<{ id: string }>(
      `select i.id from assignment_offers last join incidents i on i.id = last.incident_id
       where last.status in ('declined', 'expired') and last.answered_at between ?::timestamptz - interval '1 day' and ?
         and not exists (select 1 from assignment_offers o where o.incident_id = i.id and (o.offered_at, o.id) > (last.offered_at, last.id))
         and i.status in ('new', 'open', 'pending') and i.merged_into_id is null and i.assignee_id is null
         and not exists (select 1 from audit_log a where a.entity_type = 'incident' and a.entity_id = i.id and a.action = 'assignment.none'
           and (a.changes->'offers'->>'to')::int = (select count(distinct o.technician_id) from assignment_offers o where o.incident_id = i.id))
       order by last.answered_at limit ?`,
      [before, before, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Incidents a rule asked to assign to the best technician (a firing between `from` and `to`) that were never
   * offered to anyone nor assigned: the process died before it carried the rule out.
   */
  async neverOffered(sql: Sql, from: Date, to: Date, limit = 20): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `select distinct i.id from audit_log a join incidents i on i.id = a.entity_id
       where a.action = 'rule.fired' and a.entity_type = 'incident' and a.created_at between ? and ? and a.changes->'effects'->'to' @> '["assign-best"]'::jsonb
         and i.status in ('new', 'open', 'pending') and i.merged_into_id is null and i.assignee_id is null
         and not exists (select 1 from assignment_offers o where o.incident_id = i.id)
         and not exists (select 1 from audit_log n where n.entity_type = 'incident' and n.entity_id = i.id and n.action = 'assignment.none')
       limit ?`,
      [from, to, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Open incidents assigned to each active technician, newest change first, with the standing offer's deadline. */
  async workload(sql: Sql): Promise<{ technicianId: string; open: number; offered: number; confirmed: number; incidents: WorkloadIncidentDto[] }[]> {
    const rows = await sql<{ technicianId: string; open: number; offered: number; confirmed: number; incidents: (Omit<WorkloadIncidentDto, 'offer'> & { offeredAt: string | null; expiresAt: string | null })[] }>(
      `select u.id as "technicianId",
         count(i.id) filter (where i.id is not null)::int as open,
         count(i.id) filter (where i.assignment_status = 'pending')::int as offered,
         count(i.id) filter (where i.assignment_status = 'confirmed')::int as confirmed,
         coalesce(json_agg(json_build_object('id', i.id, 'reference', i.reference, 'subject', i.subject, 'status', i.status, 'priority', i.priority,
             'assignmentStatus', i.assignment_status, 'offeredAt', o.offered_at, 'expiresAt', o.expires_at)
           order by i.updated_at desc) filter (where i.id is not null), '[]') as incidents
       from users u left join incidents i on i.assignee_id = u.id and i.status in ('new', 'open', 'pending')
         left join assignment_offers o on o.id = i.assignment_id and o.incident_id = i.id and o.status = 'offered'
       where u.role = 'technician' and u.active group by u.id`,
    );
    return rows.map((r) => ({
      ...r,
      incidents: r.incidents.map(({ offeredAt, expiresAt, ...i }) => ({
        ...i,
        offer: offeredAt && expiresAt ? { offeredAt: new Date(offeredAt).toISOString(), expiresAt: new Date(expiresAt).toISOString() } : null,
      })),
    }));
  }

  /** Absences not over yet, in order: of one technician, or (no userId) of everyone (the workload shows the current or next one). */
  async absencesAhead(sql: Sql, now: Date, userId?: string): Promise<(AbsenceDto & { userId: string })[]> {
    const rows = await sql<{ userId: string; id: string; from: Date; to: Date; reason: string | null }>(
      `select user_id as "userId", id, starts_at as "from", ends_at as "to", reason from absences where ends_at > ? ${userId ? 'and user_id = ?' : ''} order by starts_at`,
      userId ? [now, userId] : [now],
    );
    return rows.map((r) => ({ userId: r.userId, id: r.id, from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString(), reason: r.reason }));
  }

  async upsertProfile(sql: Sql, userId: string, p: { skills: Record<string, number>; zones: string[]; capacity: number; workingHours: WeeklyHours; timeZone: string }): Promise<void> {
    await sql(
      `insert into technician_profiles (user_id, skills, zones, capacity, working_hours, time_zone, updated_at) values (?, ?, ?::text[], ?, ?, ?, now())
       on conflict (user_id) do update set skills = excluded.skills, zones = excluded.zones, capacity = excluded.capacity, working_hours = excluded.working_hours,
         time_zone = excluded.time_zone, updated_at = now()`,
      [userId, JSON.stringify(p.skills), p.zones, p.capacity, JSON.stringify(p.workingHours), p.timeZone],
    );
  }

  async addAbsence(sql: Sql, userId: string, a: { from: Date; to: Date; reason: string | null }): Promise<string> {
    const [row] = await sql<{ id: string }>(`insert into absences (id, user_id, starts_at, ends_at, reason, created_at) values (gen_random_uuid(), ?, ?, ?, ?, now()) returning id`, [userId, a.from, a.to, a.reason]);
    return row!.id;
  }

  async removeAbsence(sql: Sql, userId: string, id: string): Promise<boolean> {
    return (await sql(`delete from absences where id = ? and user_id = ? returning id`, [id, userId])).length > 0;
  }

  async absences(sql: Sql, userId: string): Promise<AbsenceDto[]> {
    return (await this.absencesAhead(sql, new Date(), userId)).map(({ userId: _, ...a }) => a);
  }

  async serviceTypes(sql: Sql): Promise<{ name: string; requiredSkills: Record<string, number> }[]> {
    return sql(`select name, required_skills as "requiredSkills" from service_types order by name`);
  }

  /**
   * Saves a type's skills, unless another type has the same name in another case ("caldera" next to
   * "Caldera"): incidents are matched to types case-insensitively, so the two would compete for the same
   * incidents. Returns that other type's name, and saves nothing, if so. Inside a transaction: the advisory
   * lock makes two saves of case twins at the same moment wait for each other (a unique index on lower(name)
   * would refuse databases holding twins saved before this check; delete still copes with those).
   */
  async upsertServiceType(sql: Sql, name: string, requiredSkills: Record<string, number>): Promise<{ twin: string } | null> {
    await sql(`select pg_advisory_xact_lock(hashtext('service_types'))`);
    const [twin] = await sql<{ name: string }>(`select name from service_types where lower(name) = lower(?) and name <> ? order by name limit 1`, [name, name]);
    if (twin) return { twin: twin.name };
    await sql(
      `insert into service_types (name, required_skills, updated_at) values (?, ?, now()) on conflict (name) do update set required_skills = excluded.required_skills, updated_at = now()`,
      [name, JSON.stringify(requiredSkills)],
    );
    return null;
  }

  /**
   * What keeps a service type: its open incidents (new, open, pending: the technician for them is chosen by
   * its skills; resolved and closed ones keep the type as plain text and lose nothing) and the workflow rules
   * (active or not) with an action that sets it. null: no such type.
   *
   * The type itself is matched exactly as stored: the name is the primary key and case-sensitive, so
   * "Caldera" and "caldera" may be two rows, and a case-insensitive delete could take the wrong one or both
   * (the app sends the name as listed). Its uses are matched case-insensitively, as the ranking joins
   * incidents to types (lower(name) = lower(service_type)): an incident or rule saying "caldera" uses
   * "Caldera". So a case twin left standing still gives those incidents and rules their type: then nothing
   * depends on this row alone (deleting a duplicate made by mistake is what this is for).
   *
   * Locks the type's row (and its case twins, in name order) first, as policyUse does, so a save or a delete
   * of the same type waits for this look and the delete, and two twins deleted at once cannot both go on
   * seeing the other. Unlike sla_policy_id, incidents.service_type is text, not a reference: the lock cannot
   * hold off an incident (or rule) taking the type on between this look and the delete. That one then ranks
   * as an incident of a type nobody defined does (no skills required): no error, and the admin can define
   * the type again.
   */
  async serviceTypeUse(sql: Sql, name: string): Promise<{ name: string; incidents: number; rules: string[] } | null> {
    const locked = await sql<{ name: string }>(`select name from service_types where lower(name) = lower(?) order by name for update`, [name]);
    if (!locked.some((t) => t.name === name)) return null;
    if (locked.length > 1) return { name, incidents: 0, rules: [] };
    const [use] = await sql<{ incidents: number; rules: string[] }>(
      `select (select count(*)::int from incidents i where lower(i.service_type) = lower(?) and i.status in ('new', 'open', 'pending')) as incidents,
         array(select r.name from workflow_rules r
           where exists (select 1 from jsonb_array_elements(r.actions) a where a->>'do' = 'set-type' and lower(a->>'type') = lower(?))
           order by r.position, r.id) as rules`,
      [name, name],
    );
    return { name, ...use! };
  }

  async deleteServiceType(sql: Sql, name: string): Promise<void> {
    await sql(`delete from service_types where name = ?`, [name]);
  }
}
